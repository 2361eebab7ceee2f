using MultiRegion.Infra.Model.Planning.Alerting;
using MultiRegion.Infra.Model.Tests.Edge;

namespace MultiRegion.Infra.Model.Tests.Alerting;

public sealed class AlertingRulesTests
{
    private static void Refused(string yaml, string path, string fragment) =>
        Assert.Contains(ShippedConfigs.Problems(yaml), p => p.Path == path && p.Message.Contains(fragment, StringComparison.Ordinal));

    [Fact]
    public void A_severity_with_no_route_is_refused()
        => Refused(ShippedConfigs.With("prod", "p3: { responseMinutes: 240, routes: [email] }", "p3: { responseMinutes: 240, routes: [] }"),
            "alerting.severities.p3.routes", "reaches nobody");

    [Fact]
    public void A_route_to_a_channel_that_is_not_configured_is_refused()
        => Refused(ShippedConfigs.With("dev", "    p1: { responseMinutes: 60, routes: [email] }", "    p1: { responseMinutes: 60, routes: [email, slack] }"),
            "alerting.severities.p1.routes", "alerting.slack is not configured");

    [Fact]
    public void An_alarm_naming_an_unknown_severity_is_refused_with_a_suggestion()
        => Refused(ShippedConfigs.With("prod", "regionDown: { severity: p0 }", "regionDown: { severity: P0 }"),
            "alerting.alarms.regionDown.severity", "'P0' is not a severity");

    [Fact]
    public void Region_down_alarms_cannot_be_left_without_a_route()
    {
        Refused(ShippedConfigs.With("dev", "  alarms:\n    regionDown: { severity: p1 }\n", ""), "alerting.alarms.regionDown", "give it a severity");
        var noAlerting = ShippedConfigs.Text("dev");
        noAlerting = noAlerting[..noAlerting.IndexOf("\nalerting:", StringComparison.Ordinal)];
        Refused(noAlerting, "alerting", "add an alerting section");
    }

    [Fact]
    public void An_alarm_on_something_the_config_does_not_deploy_is_refused()
        => Refused(ShippedConfigs.With("dev", "    regionDown: { severity: p1 }", "    regionDown: { severity: p1 }\n    storageReplicationLatency: { severity: p1, threshold: 900 }"),
            "alerting.alarms.storageReplicationLatency", "nothing to watch");

    [Theory]
    [InlineData("globalErrorRate: { severity: p0, threshold: 5, minutes: 5 }", "globalErrorRate: { severity: p0, threshold: 500, minutes: 5 }", "alerting.alarms.globalErrorRate.threshold")]
    [InlineData("globalErrorRate: { severity: p0, threshold: 5, minutes: 5 }", "globalErrorRate: { severity: p0, minutes: 5 }", "alerting.alarms.globalErrorRate.threshold")]
    [InlineData("regionErrorRate: { severity: p1, threshold: 1, minutes: 5 }", "regionErrorRate: { severity: p1, threshold: 1, minutes: 0 }", "alerting.alarms.regionErrorRate.minutes")]
    [InlineData("regionDown: { severity: p0 }", "regionDown: { severity: p0, threshold: 1 }", "alerting.alarms.regionDown.threshold")]
    public void Thresholds_and_periods_are_checked(string from, string to, string path) =>
        Assert.Contains(ShippedConfigs.Problems(ShippedConfigs.With("prod", from, to)), p => p.Path == path);

    [Fact]
    public void Prod_alarms_sit_in_the_region_their_metric_is_published_in()
    {
        var plan = AlertPlanner.Plan(ShippedConfigs.Load("prod"));
        Assert.All(plan.Where(a => a.InGlobalStack), a => Assert.Equal("us-east-1", a.Region));
        // Aurora and Global Datastore lag: published by the secondaries.
        Assert.Equal(["eu-west-1", "us-east-1"], plan.Where(a => a.Kind == AlarmKind.DatabaseReplicationLag).Select(a => a.Region).Order());
        Assert.Equal(4, plan.Count(a => a.Kind == AlarmKind.CacheReplicationLag));
        // S3 replication metrics: in the source (primary) region, one per replicated bucket and destination with RTC.
        Assert.All(plan.Where(a => a.Kind is AlarmKind.StorageReplicationLatency or AlarmKind.StorageReplicationFailures), a => Assert.Equal("us-west-2", a.Region));
        Assert.Equal(3, plan.Count(a => a.Kind == AlarmKind.RegionDown));
        Assert.All(plan, a => Assert.NotEmpty(a.Routes));
    }

    [Theory]
    [InlineData(1, 2, "rg-001,rg-002,rg-003")]
    [InlineData(2, 1, "rg-0001-001,rg-0001-002,rg-0002-001,rg-0002-002")]
    public void Cache_node_ids_follow_elasticache_naming(int shards, int replicas, string ids) =>
        Assert.Equal(ids.Split(','), AlertPlanner.CacheNodeIds("rg", shards, replicas));
}
