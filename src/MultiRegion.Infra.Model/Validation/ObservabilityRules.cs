using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Validation;

/// <summary>Rules of the <c>observability</c> section (the metrics pipeline).</summary>
internal static class ObservabilityRules
{
    public static void Validate(StackConfig c, ProblemSink sink)
    {
        if (c.Observability is not { Enabled: true } o) return;
        const string at = "observability";
        sink.Require(c.Compute is not null, $"{at}.enabled", "the metrics pipeline runs in the EKS clusters: it needs a compute section");
        // Prometheus' --storage.tsdb.retention.time; a day at least, so the adapter's 2-minute windows always have data.
        sink.Require(o.LocalRetentionDays is >= 1 and <= 3650, $"{at}.localRetentionDays", $"{o.LocalRetentionDays} is outside 1..3650 days");
        // AWS::APS::Workspace WorkspaceConfiguration.RetentionPeriodInDays: minimum 1
        // (https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-aps-workspace-workspaceconfiguration.html).
        sink.Require(o.GlobalRetentionDays is >= 1 and <= 1095, $"{at}.globalRetentionDays", $"{o.GlobalRetentionDays} is outside 1..1095 days");
        sink.Require(o.LocalStorageGi is >= 10 and <= 16384, $"{at}.localStorageGi", $"{o.LocalStorageGi} is outside 10..16384 GiB (gp3 volume sizes)");
        foreach (var (key, alert) in o.Alerts?.All() ?? [])
        {
            var ap = $"{at}.alerts.{key}";
            sink.Require(c.Alerting is { } a && a.Severities.ContainsKey(alert.Severity), $"{ap}.severity",
                $"'{alert.Severity}' is not a severity of alerting.severities: the workspace's alert manager routes only to those topics");
            sink.Require(alert.Threshold is > 0, $"{ap}.threshold", "an application alert needs a threshold above 0");
            if (key == "nodeUtilization")
                sink.Require(alert.Threshold is null or <= 100, $"{ap}.threshold", $"{alert.Threshold} is not a percentage of a node's CPU or memory");
            // A pod may use more CPU than it requests (up to its limit or the node), so above 100 is a valid threshold;
            // 1000% is ten times the request, beyond any useful alert.
            if (key == "podUtilization")
                sink.Require(alert.Threshold is null or <= 1000, $"{ap}.threshold", $"{alert.Threshold} is not a percentage of a pod's CPU requests or memory limits (at most 1000)");
            sink.Require(alert.Minutes is >= 1 and <= 1440, $"{ap}.minutes", $"{alert.Minutes} is outside 1..1440 minutes");
        }
        if (o.Alerts is { } al)
            foreach (var (key, series) in new[] { ("requestsSeries", al.RequestsSeries), ("latencySeries", al.LatencySeries) })
                sink.Require(Planning.Observability.AdapterRulePlan.RuleFor(series) is not null, $"{at}.alerts.{key}",
                    $"'{series}' is not a Prometheus metric name");
        if (o.GlobalRetentionDays < o.LocalRetentionDays)
            sink.Warn($"{at}.globalRetentionDays",
                $"the global store keeps {o.GlobalRetentionDays} days, less than each cluster's {o.LocalRetentionDays}: the seed keeps the global store longer");
    }
}
