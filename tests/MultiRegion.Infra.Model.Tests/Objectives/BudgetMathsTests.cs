using MultiRegion.Infra.Model.Planning.Objectives;

namespace MultiRegion.Infra.Model.Tests.Objectives;

public sealed class BudgetMathsTests
{
    private static readonly DependentStep Aurora = new("Aurora unplanned failover", AwsLimits.AuroraUnplannedFailover);
    private static readonly DependentStep Cache = new("Global Datastore promotion", AwsLimits.GlobalDatastorePromotion);

    [Fact]
    public void Rto_is_detection_plus_ttl_plus_the_slowest_step()
    {
        var b = RtoBudget.Compute(new DnsFailoverSettings(30, 3, AliasRecords: true), [Cache, Aurora]);
        Assert.Equal([90, 60, 120], b.Terms.Select(t => t.Seconds));
        Assert.Equal(270, b.TotalSeconds);
        Assert.Contains("Aurora unplanned failover", b.Terms[2].Name);
        Assert.True(b.UsesEstimates);
    }

    [Fact]
    public void Arithmetic_names_every_term()
    {
        var b = RtoBudget.Compute(new DnsFailoverSettings(10, 3, AliasRecords: true), []);
        Assert.Equal("health check 10 s x 3 checks 30 s + DNS TTL (alias to load balancer) 60 s = 90 s", b.Arithmetic);
    }

    [Fact]
    public void Non_alias_records_use_the_configured_ttl()
    {
        var b = RtoBudget.Compute(new DnsFailoverSettings(10, 2, AliasRecords: false, RecordTtlSeconds: 15), []);
        Assert.Equal(35, b.TotalSeconds);
        Assert.False(b.UsesEstimates);
    }

    [Theory]
    [InlineData(300, 30)]   // 90 + 60 + 120 = 270 fits with the standard interval
    [InlineData(230, 10)]   // needs the fast interval: 30 + 60 + 120 = 210
    [InlineData(200, null)] // nothing fits
    public void The_cheapest_interval_that_keeps_the_promise_is_chosen(int promised, int? expected)
    {
        Assert.Equal(expected, RtoBudget.ChooseInterval(promised, 3, true, 60, [Aurora]));
    }

    [Fact]
    public void S3_rpo_is_15_minutes_with_rtc_and_unbounded_without()
    {
        Assert.Equal(900, RpoBudget.S3Replication(true).TotalSeconds);
        Assert.True(double.IsPositiveInfinity(RpoBudget.S3Replication(false).TotalSeconds));
        Assert.Contains("unbounded", RpoBudget.S3Replication(false).Arithmetic);
    }

    [Fact]
    public void Aurora_rpo_is_the_cap_when_set_and_an_estimate_otherwise()
    {
        Assert.Equal(5, RpoBudget.Aurora(5).TotalSeconds);
        Assert.False(RpoBudget.Aurora(5).UsesEstimates);
        Assert.Equal(1, RpoBudget.Aurora(null).TotalSeconds);
        Assert.True(RpoBudget.Aurora(null).UsesEstimates);
    }

    [Fact]
    public void Cache_and_backup_rpo()
    {
        Assert.Equal(1, RpoBudget.GlobalDatastore().TotalSeconds);
        Assert.Equal(86400, RpoBudget.Backup(86400).TotalSeconds);
        Assert.Contains("1440 min", RpoBudget.Backup(86400).Arithmetic);
    }

    [Fact]
    public void Availability_combines_parallel_regions_and_failover_gaps()
    {
        var paths = new[] { new ServingPath("a", 60, 99.9), new ServingPath("b", 40, 99.9) };
        var r = AvailabilityEstimate.Compute(paths, rtoSeconds: 300, outagesPerRegionPerYear: 2);
        // all down: 0.001^2 = 1e-6; gaps: (0.6 + 0.4) x 2 x 300 s / year
        var expected = (1 - 1e-6 - 600 / AwsLimits.SecondsPerYear) * 100;
        Assert.Equal(expected, r.Percent, 9);
        Assert.Equal(2, r.Terms.Count);
        Assert.Contains(r.Assumptions, a => a.Contains("independently"));
    }

    [Fact]
    public void A_longer_rto_lowers_availability()
    {
        var paths = new[] { new ServingPath("a", 100, 99.9), new ServingPath("b", 0, 99.9) };
        Assert.True(AvailabilityEstimate.Compute(paths, 60, 1).Percent > AvailabilityEstimate.Compute(paths, 3600, 1).Percent);
    }
}
