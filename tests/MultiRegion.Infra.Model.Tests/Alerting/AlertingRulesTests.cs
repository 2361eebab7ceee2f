using MultiRegion.Infra.Model.Planning.Alerting;
using MultiRegion.Infra.Model.Tests.Edge;

namespace MultiRegion.Infra.Model.Tests.Alerting;

public sealed class AlertingRulesTests
{
    private static void Refused(string yaml, string path, string fragment) =>
        Assert.Contains(ShippedConfigs.Problems(yaml), p => p.Path == path && p.Message.Contains(fragment, StringComparison.Ordinal));

    [Fact]
    public void A_severity_with_no_route_is_refused()
        => Refused(ShippedConfigs.With("prod", "p2: { responseMinutes: 60, routes: [slack, email] }", "p2: { responseMinutes: 60, routes: [] }"),
            "alerting.severities.p2.routes", "reaches nobody");

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

    [Fact]
    public void A_severity_email_list_without_an_email_route_is_refused()
        => Refused(ShippedConfigs.With("prod", "p3: { responseMinutes: 240, routes: [email], email:", "p3: { responseMinutes: 240, routes: [slack], email:"),
            "alerting.severities.p3.email", "routes do not include email");

    [Fact]
    public void A_severity_routed_to_email_is_accepted_with_only_its_own_addresses()
    {
        var yaml = ShippedConfigs.With("dev", "    p1: { responseMinutes: 60, routes: [email] }", "    p1: { responseMinutes: 60, routes: [email], email: [a@acme.io] }")
            .Replace("  email: [platform-dev@mlops.example.com]\n", "", StringComparison.Ordinal);
        var c = Model.Loading.ConfigLoader.Parse(yaml, "test.yaml");
        Assert.Equal(["a@acme.io"], c.Alerting!.Severities["p1"].EmailAddresses(c.Alerting));
        Refused(yaml.Replace("email: [a@acme.io]", "email: []", StringComparison.Ordinal), "alerting.severities.p1.routes", "neither alerting.email nor");
    }

    [Fact]
    public void Approval_runbooks_without_a_failover_approvals_severity_are_refused()
        => Refused(ShippedConfigs.With("prod", "    failoverApprovals: { severity: p0 }\n", ""),
            "alerting.alarms.failoverApprovals", "nobody hears the runbook wait");

    [Fact]
    public void A_failover_approvals_severity_without_approval_runbooks_loads_with_a_warning()
    {
        var c = Model.Loading.ConfigLoader.Parse(ShippedConfigs.With("videochat", "    costAnomalies: { severity: info }", "    costAnomalies: { severity: info }\n    failoverApprovals: { severity: critical }"), "test.yaml");
        Assert.Contains(c.Warnings, w => w.Path == "alerting.alarms.failoverApprovals" && w.Message.Contains("nothing to notify", StringComparison.Ordinal));
        Assert.DoesNotContain(AlertPlanner.Plan(c), a => a.Kind == AlarmKind.FailoverApprovals);
    }

    [Theory]
    [InlineData("budget: { severity: p3, threshold: 80 }", "budget: { severity: p3 }", "alerting.alarms.budget.threshold")]
    [InlineData("budget: { severity: p3, threshold: 80 }", "budget: { severity: p3, threshold: 0 }", "alerting.alarms.budget.threshold")]
    [InlineData("costAnomalies: { severity: p3 }", "costAnomalies: { severity: p3, threshold: 5 }", "alerting.alarms.costAnomalies.threshold")]
    [InlineData("costAnomalies: { severity: p3 }", "costAnomalies: { severity: p4 }", "alerting.alarms.costAnomalies.severity")]
    public void Cost_alert_settings_are_checked(string from, string to, string path) =>
        Assert.Contains(ShippedConfigs.Problems(ShippedConfigs.With("prod", from, to)), p => p.Path == path);

    [Fact]
    public void Cost_alerts_and_failover_approvals_are_planned_with_their_severity_and_not_as_cloudwatch_alarms()
    {
        var c = ShippedConfigs.Load("prod");
        var plan = AlertPlanner.Plan(c);
        var budget = Assert.Single(plan, a => a.Kind == AlarmKind.Budget);
        Assert.Equal(("p3", 80.0, "us-east-1"), (budget.Severity, budget.Threshold, budget.Region));
        var anomalies = Assert.Single(plan, a => a.Kind == AlarmKind.CostAnomalies);
        Assert.Equal(("p3", (double)c.Cost!.AnomalyThresholdUsd), (anomalies.Severity, anomalies.Threshold));
        // Every region hosts runbooks with an approval step, so each has an approval topic routed like p0.
        Assert.Equal(c.Regions.Select(r => r.Name).Order(), plan.Where(a => a.Kind == AlarmKind.FailoverApprovals).Select(a => a.Region).Order());
        Assert.All(plan.Where(a => a.Kind is AlarmKind.Budget or AlarmKind.CostAnomalies or AlarmKind.FailoverApprovals or AlarmKind.SecurityFindings),
            a => Assert.False(a.IsCloudWatchAlarm));
        Assert.DoesNotContain(AlertPlanner.NotAlertable, n => n.Contains("cost anomalies", StringComparison.Ordinal));
    }
}
