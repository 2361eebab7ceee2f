using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning.Observability;
using MultiRegion.Infra.Model.Tests.Edge;

namespace MultiRegion.Infra.Model.Tests.Observability;

public sealed class ObservabilityTests
{
    public static TheoryData<string> WithPipeline => new() { "prod", "videochat" };

    [Theory]
    [MemberData(nameof(WithPipeline))]
    public void Every_pods_metric_of_a_shipped_hpa_has_an_adapter_rule(string name)
    {
        var config = ShippedConfigs.Load(name);
        var pods = config.Compute!.EffectiveWorkloads.Values.SelectMany(w => w.Metrics).Where(m => m.Kind == MetricKind.Pods).ToList();
        // The seeds' custom metrics are back: a walk over none would prove nothing.
        Assert.True(pods.Count >= 2, $"{name} scales on no custom metric");
        var served = AdapterRulePlan.For(config).Select(r => r.Metric).ToHashSet();
        Assert.All(pods, m => Assert.Contains(m.Name!, served));
    }

    [Fact]
    public void Without_the_pipeline_no_rule_is_generated_and_the_shipped_pods_metrics_are_refused()
    {
        var off = ShippedConfigs.With("prod", "observability:\n  enabled: true", "observability:\n  enabled: false");
        var problems = ShippedConfigs.Problems(off);
        Assert.Contains(problems, p => p.Path == "compute.workloads.inference.metrics[2].kind");
        Assert.Contains(problems, p => p.Path == "compute.workloads.inference.metrics[3].kind");
    }

    [Theory]
    [InlineData("http_requests_per_second", "http_requests_total", "sum(rate(<<.Series>>{<<.LabelMatchers>>}[2m])) by (<<.GroupBy>>)")]
    [InlineData("inference_latency_p95_milliseconds", "inference_latency_milliseconds_bucket",
        "histogram_quantile(0.95, sum(rate(<<.Series>>{<<.LabelMatchers>>}[2m])) by (le, <<.GroupBy>>))")]
    [InlineData("socketio_connections", "socketio_connections", "avg(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)")]
    public void A_metric_name_says_which_series_serves_it_and_how(string metric, string series, string query)
    {
        var rule = AdapterRulePlan.RuleFor(metric)!;
        Assert.Equal(series, rule.Series);
        Assert.Equal(query, rule.MetricsQuery);
    }

    [Theory]
    [InlineData("rps-total")]
    [InlineData("9lives")]
    [InlineData(null)]
    public void A_name_that_is_not_a_prometheus_metric_gets_no_rule(string? metric) => Assert.Null(AdapterRulePlan.RuleFor(metric));

    [Fact]
    public void The_shipped_retentions_are_the_seeds()
    {
        var o = ShippedConfigs.Load("prod").Observability!;
        Assert.Equal(30, o.LocalRetentionDays);
        Assert.Equal(90, o.GlobalRetentionDays);
    }

    [Theory]
    [InlineData("globalRetentionDays: 90 ", "globalRetentionDays: 0 ", "observability.globalRetentionDays")]
    [InlineData("localRetentionDays: 30 ", "localRetentionDays: 0 ", "observability.localRetentionDays")]
    [InlineData("errorRate: { severity: p0,", "errorRate: { severity: p9,", "observability.alerts.errorRate.severity")]
    [InlineData("latencyP95: { severity: p1, threshold: 100,", "latencyP95: { severity: p1, threshold: 0,", "observability.alerts.latencyP95.threshold")]
    [InlineData("podUtilization: { severity: p2, threshold: 80,", "podUtilization: { severity: p2, threshold: 5000,", "observability.alerts.podUtilization.threshold")]
    [InlineData("podUtilization: { severity: p2,", "podUtilization: { severity: p7,", "observability.alerts.podUtilization.severity")]
    public void Observability_settings_are_checked(string from, string to, string path) =>
        Assert.Contains(ShippedConfigs.Problems(ShippedConfigs.With("prod", from, to)), p => p.Path == path);

    [Fact]
    public void A_global_store_shorter_than_the_local_one_is_only_a_warning()
    {
        var c = ConfigLoaderWith(ShippedConfigs.With("prod", "globalRetentionDays: 90 ", "globalRetentionDays: 7 "));
        Assert.Contains(c.Warnings, w => w.Path == "observability.globalRetentionDays");
    }

    [Fact]
    public void The_plan_lists_the_application_alerts_and_says_who_serves_pods_metrics()
    {
        var c = ShippedConfigs.Load("prod");
        var alerts = MultiRegion.Infra.Model.Planning.Alerting.AlertsSection.Of(c)!.ApplicationAlerts;
        Assert.Equal(["errorRate", "regionErrorRate", "latencyP95", "nodeUtilization", "podUtilization"], alerts.Select(a => a.Name));
        Assert.Equal(c.Observability!.Alerts!.PodUtilization!.Threshold, alerts.Single(a => a.Name == "podUtilization").Threshold);
        Assert.Equal(c.Observability!.Alerts!.LatencyP95!.Threshold, alerts.Single(a => a.Name == "latencyP95").Threshold);
        var md = new System.Text.StringBuilder();
        MultiRegion.Infra.Model.Planning.ComputeSection.Render(c, md);
        Assert.Contains("pods metrics by prometheus-adapter", md.ToString());
        Assert.Contains("| http_requests_per_second | http_requests_total |", md.ToString());
    }

    private static StackConfig ConfigLoaderWith(string yaml) => MultiRegion.Infra.Model.Loading.ConfigLoader.Parse(yaml, "test.yaml");
}
