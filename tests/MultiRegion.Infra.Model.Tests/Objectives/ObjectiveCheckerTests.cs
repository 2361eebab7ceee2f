using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning.Objectives;

namespace MultiRegion.Infra.Model.Tests.Objectives;

public sealed class ObjectiveCheckerTests
{
    private static ObjectiveInputs Inputs(int interval = 30, bool rtc = true, int? auroraCap = null) => new(
        new DnsFailoverSettings(interval, 3, AliasRecords: true),
        [new DependentStep("Aurora unplanned failover", AwsLimits.AuroraUnplannedFailover)],
        new Dictionary<string, Budget>
        {
            ["database"] = RpoBudget.Aurora(auroraCap),
            ["bucket:models"] = RpoBudget.S3Replication(rtc),
        },
        ["database"],
        new Dictionary<string, int> { ["a"] = 60, ["b"] = 40 });

    private static ObjectivesConfig Objectives(int rto = 900, int rpo = 60, double availability = 99.9, params StoreObjective[] stores) =>
        new(availability, new RegionFailoverObjective(rto, rpo),
            new Dictionary<string, double> { ["a"] = 99.9, ["b"] = 99.9 }, 1, stores);

    private static ObjectiveResult Named(IEnumerable<ObjectiveResult> results, string name) => Assert.Single(results, r => r.Name == name);

    [Fact]
    public void Promises_within_budget_are_ok_with_their_terms()
    {
        var results = ObjectiveChecker.Check(Objectives(), Inputs());
        Assert.All(results, r => Assert.True(r.Ok, r.Name + ": " + r.Refusal));
        var rto = Named(results, "objectives.regionFailover.rtoSeconds");
        Assert.Equal("270 s", rto.Achievable);
        Assert.Equal(3, rto.Terms.Count);
        Assert.True(rto.Estimate);
    }

    [Fact]
    public void An_rto_below_the_budget_is_refused_with_the_arithmetic_and_a_fix()
    {
        var rto = Named(ObjectiveChecker.Check(Objectives(rto: 240), Inputs()), "objectives.regionFailover.rtoSeconds");
        Assert.False(rto.Ok);
        Assert.StartsWith("promised 4 min (240 s), but health check 30 s x 3 checks 90 s + DNS TTL (alias to load balancer) 60 s + slowest dependent step: Aurora unplanned failover 2 min (120 s) = 270 s", rto.Refusal);
        Assert.Contains("set edge.healthCheck.intervalSeconds to 10", rto.Fix);
    }

    [Fact]
    public void An_rto_no_interval_can_reach_names_the_minimum()
    {
        var rto = Named(ObjectiveChecker.Check(Objectives(rto: 30), Inputs(interval: 10)), "objectives.regionFailover.rtoSeconds");
        Assert.False(rto.Ok);
        Assert.Contains("promise at least 190 s", rto.Fix);
    }

    [Fact]
    public void Failover_rpo_is_the_worst_failover_store()
    {
        var rpo = Named(ObjectiveChecker.Check(Objectives(rpo: 10), Inputs(auroraCap: 20)), "objectives.regionFailover.rpoSeconds");
        Assert.False(rpo.Ok);
        Assert.Equal("20 s", rpo.Achievable);
        Assert.Contains("database: Aurora rds.global_db_rpo cap", rpo.Arithmetic);
    }

    [Fact]
    public void A_bucket_promise_under_15_minutes_is_refused_even_with_rtc()
    {
        var store = Named(ObjectiveChecker.Check(Objectives(stores: new StoreObjective("critical", "bucket:models", 60)), Inputs(rtc: true)),
            "objectives.stores[0].rpoSeconds");
        Assert.False(store.Ok);
        Assert.Contains("15 min", store.Fix);
    }

    [Fact]
    public void A_bucket_without_rtc_is_unbounded_and_the_fix_is_rtc()
    {
        var store = Named(ObjectiveChecker.Check(Objectives(stores: new StoreObjective("important", "bucket:models", 900)), Inputs(rtc: false)),
            "objectives.stores[0].rpoSeconds");
        Assert.False(store.Ok);
        Assert.Equal("unbounded", store.Achievable);
        Assert.Contains("turn on Replication Time Control", store.Fix);
    }

    [Fact]
    public void Availability_is_an_estimate_with_its_assumptions()
    {
        var ok = Named(ObjectiveChecker.Check(Objectives(availability: 99.99), Inputs()), "objectives.availabilityPercent");
        Assert.True(ok.Ok);
        Assert.True(ok.Estimate);
        Assert.Contains("assumptions", ok.Arithmetic);
        var refused = Named(ObjectiveChecker.Check(Objectives(availability: 99.99999), Inputs()), "objectives.availabilityPercent");
        Assert.False(refused.Ok);
    }
}
