using System.Globalization;
using System.Text;
using static System.FormattableString;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning.Alerting;

/// <summary>A severity as plan.json reports it.</summary>
public sealed record PlanSeverity(string Name, int ResponseMinutes, IReadOnlyList<AlertChannel> Routes);

/// <summary>plan.json's <c>alerts</c>: severities, every alarm with its threshold and route, and what no alarm covers.</summary>
public sealed record PlanAlerts(IReadOnlyList<PlanSeverity> Severities, IReadOnlyList<PlannedAlarm> Alarms, IReadOnlyList<string> NotAlertable)
{
    /// <summary>Alerts on application metrics, evaluated by the AMP workspace's ruler (observability.alerts).</summary>
    public IReadOnlyList<PlanApplicationAlert> ApplicationAlerts { get; init; } = [];
}

/// <summary>An alerting rule in the AMP workspace, as plan.json reports it.</summary>
public sealed record PlanApplicationAlert(string Name, string Severity, double Threshold, string Unit, int Minutes, string Series);

/// <summary>plan.md's "Alerts" section, from the same plan the alarm constructs are built from.</summary>
public static class AlertsSection
{
    public static PlanAlerts? Of(StackConfig c) => c.Alerting is not { } a ? null :
        new PlanAlerts(
            a.Severities.Select(s => new PlanSeverity(s.Key, s.Value.ResponseMinutes, s.Value.Routes)).ToList(),
            AlertPlanner.Plan(c),
            c.ObservabilityOn && c.Observability!.Alerts?.LatencyP95 is not null
                ? AlertPlanner.NotAlertable.Select(n => n.StartsWith("performance degradation", StringComparison.Ordinal)
                    ? "performance degradation > 50% (relative to a baseline: no rule; p95 latency itself is an application alert)" : n).ToList()
                : AlertPlanner.NotAlertable)
        {
            ApplicationAlerts = !c.ObservabilityOn || c.Observability!.Alerts is not { } app ? [] :
                app.All().Select(x => new PlanApplicationAlert(x.Key, x.Setting.Severity, x.Setting.Threshold ?? 0,
                    x.Key == "latencyP95" ? "ms" : "%", x.Setting.Minutes,
                    x.Key switch
                    {
                        "latencyP95" => app.LatencySeries + "_bucket",
                        "nodeUtilization" => "node_cpu_seconds_total, node_memory_MemAvailable_bytes (node exporter)",
                        "podUtilization" => "container_cpu_usage_seconds_total / kube_pod_container_resource_requests{cpu}, container_memory_working_set_bytes / kube_pod_container_resource_limits{memory} (cAdvisor, kube-state-metrics)",
                        _ => app.RequestsSeries,
                    })).ToList(),
        };

    public static void Render(PlanAlerts? alerts, StringBuilder md)
    {
        if (alerts is null) return;
        md.AppendLine("## Alerts");
        md.AppendLine();
        MarkdownTable.Write(md, ["Severity", "Respond within:", "Routes"], alerts.Severities.Select(s => new[]
        {
            s.Name, Invariant($"{s.ResponseMinutes} min"), string.Join(", ", s.Routes.Select(Channel)),
        }));
        MarkdownTable.Write(md, ["Alarm", "Watches", "Stack region", "Fires when", "Severity", "Metric"], alerts.Alarms.Select(a => new[]
        {
            a.Kind.ToString(), a.Subject, a.Region, FiresWhen(a), a.Severity, a.Metric,
        }));
        if (alerts.ApplicationAlerts.Count > 0)
        {
            md.AppendLine("Application alerts (Prometheus rules in the AMP workspace over every region's samples; its alert manager publishes to the primary region's severity topics):");
            md.AppendLine();
            MarkdownTable.Write(md, ["Alert", "Fires when", "Severity", "Series"], alerts.ApplicationAlerts.Select(a => new[]
            {
                a.Name, Invariant($"> {a.Threshold.ToString(CultureInfo.InvariantCulture)} {a.Unit} for {a.Minutes} min"), a.Severity, a.Series,
            }));
        }
        md.AppendLine("Not alertable from infrastructure metrics here:");
        md.AppendLine();
        foreach (var n in alerts.NotAlertable) md.AppendLine(CultureInfo.InvariantCulture, $"- {n}");
        md.AppendLine();
    }

    private static string FiresWhen(PlannedAlarm a) => a.Kind switch
    {
        AlarmKind.RegionDown => "the health check fails",
        AlarmKind.SecurityFindings => "a finding of severity 7 or more",
        AlarmKind.FailoverApprovals => "a runbook waits for approval",
        AlarmKind.Budget => $"actual > {a.Threshold.ToString(CultureInfo.InvariantCulture)}% or forecast > 100% of the budget",
        AlarmKind.CostAnomalies => $"an anomaly's impact reaches ${a.Threshold.ToString(CultureInfo.InvariantCulture)}",
        _ => Invariant($"> {a.Threshold.ToString(CultureInfo.InvariantCulture)} {a.Unit} for {a.Minutes} min"),
    };

    private static string Channel(AlertChannel c) => c switch
    {
        AlertChannel.PagerDuty => "PagerDuty",
        AlertChannel.Slack => "Slack (AWS Chatbot)",
        _ => "email",
    };
}
