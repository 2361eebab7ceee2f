using MultiRegion.Infra.Model.Loading;
using MultiRegion.Infra.Model.Planning;
using MultiRegion.Infra.Tests.Shared;
using static MultiRegion.Infra.Model.Tests.Edge.ShippedConfigs;

namespace MultiRegion.Infra.Model.Tests.Limits;

public sealed class LimitsPlannerTests
{
    private static string Many(int count, bool singles = false, bool pairs = false) => ManyRegionsVariant.Yaml(Text("dev"), count, singles, pairs);

    [Fact]
    public void Prod_needs_checks_only_for_its_three_rows()
    {
        var dns = LimitsPlanner.Dns(Load("prod"));
        Assert.Equal(3 + 3 + 3, dns.HealthChecks); // region checks, survivors-up of each pair, failed-down of each region
    }

    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    [InlineData(10)]
    public void Ten_regions_with_a_row_per_single_failure_load_and_stay_under_the_limits(int count)
    {
        var c = ConfigLoader.Parse(Many(count, singles: true), "many.yaml");
        var uses = LimitsPlanner.Of(c);
        Assert.All(uses, u => Assert.False(u.Over, $"{u.Quota.Name}: {u.Used} ({u.Arithmetic})"));
        Assert.True(uses.Single(u => u.Quota == AwsQuota.ResourcesPerTemplate).Used < 400);
        Assert.True(LimitsPlanner.Dns(c).HealthChecks <= 3 * count);
    }

    [Fact]
    public void A_row_for_every_pair_of_ten_regions_is_refused_with_the_arithmetic()
    {
        var problems = Problems(Many(10, singles: true, pairs: true));
        var p = Assert.Single(problems, p => p.Message.Contains("CloudFormation resources per template", StringComparison.Ordinal));
        Assert.Equal("edge.routing.failover", p.Path);
        Assert.Contains("records (55 failover rows) +", p.Message, StringComparison.Ordinal);
        Assert.Contains("hard limit", p.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Health_checks_are_counted_with_sharing_and_stay_far_from_the_account_quota()
    {
        // Six regions with every single and pair row: 6 endpoint checks, survivors-up of 6 singles and 15 pairs,
        // failed-down of the same 21 rows. The refusal for template size comes long before the 200-check quota.
        var c = ConfigLoader.Parse(Many(6, singles: true, pairs: true), "many.yaml");
        var checks = LimitsPlanner.Of(c).Single(u => u.Quota == AwsQuota.HealthChecksPerAccount);
        Assert.Equal(6 + 6 + 15 + 6 + 15, checks.Used);
        Assert.False(checks.Near);
        Assert.DoesNotContain(c.Warnings, w => w.Message.Contains("Route53 health checks per account", StringComparison.Ordinal));
    }

    [Fact]
    public void Eighty_percent_of_a_quota_counts_as_near()
    {
        Assert.True(new LimitUse(AwsQuota.HealthChecksPerAccount, "account", 160, "").Near);
        Assert.False(new LimitUse(AwsQuota.HealthChecksPerAccount, "account", 159, "").Near);
        Assert.True(new LimitUse(AwsQuota.ResourcesPerTemplate, "s", 501, "").Over);
    }
}
