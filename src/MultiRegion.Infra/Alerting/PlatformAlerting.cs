using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning.Alerting;
using MultiRegion.Infra.Stacks;

namespace MultiRegion.Infra.Alerting;

/// <summary>
/// Alerting across the platform: severity topics in every regional stack and the global stack, the planned alarms in
/// the stack of the region their metric is published in, and one Slack channel for all. Nothing when the config has
/// no <c>alerting</c> section (the loader refuses that when alarms would exist).
/// </summary>
public sealed class PlatformAlerting
{
    public required IReadOnlyDictionary<string, SeverityTopics> RegionalTopics { get; init; }
    public required SeverityTopics GlobalTopics { get; init; }
    public required IReadOnlyList<PlannedAlarm> Plan { get; init; }

    public static PlatformAlerting? Attach(StackConfig config, IReadOnlyDictionary<string, RegionalStack> regional, GlobalStack global)
    {
        if (config.Alerting is not { } alerting) return null;
        var plan = AlertPlanner.Plan(config);
        var topics = new Dictionary<string, SeverityTopics>(StringComparer.Ordinal);
        foreach (var (region, stack) in regional)
        {
            var t = topics[region] = new SeverityTopics(stack, "Alerts", new SeverityTopicsProps(alerting, config.Prefix, region, config.ProtectData));
            var regionalAlarms = new StackAlarms(stack, "Alarms", new StackAlarmsProps(config,
                plan.Where(a => !a.InGlobalStack && a.Region == region).ToList(), t, stack.Ingress.LoadBalancer.LoadBalancerFullName));
            new RegionDashboard(stack, "Dashboard", $"{config.Prefix}-{region}", regionalAlarms.Alarms);
            // GuardDuty's high-severity findings: the same EventBridge rule also reaches the severity's topic.
            if (plan.FirstOrDefault(a => a.Kind == AlarmKind.SecurityFindings && a.Region == region) is { } findings
                && stack.Audit.ThreatDetection?.FindingsRule is { } rule)
                rule.AddTarget(new Amazon.CDK.AWS.Events.Targets.SnsTopic(t.Topics[findings.Severity]));
        }
        var globalTopics = new SeverityTopics(global, "Alerts", new SeverityTopicsProps(alerting, config.Prefix, SlackChannel.GlobalScope, config.ProtectData));
        // Budgets and the anomaly subscription name the global topics by ARN: create them after the topics and their
        // policies, so no notification is ever configured on a topic that does not exist or refuses the service yet.
        foreach (var notifier in global.CostNotifiers) notifier.Node.AddDependency(globalTopics);
        var globalPlan = plan.Where(a => a.InGlobalStack).ToList();
        var globalAlarms = new StackAlarms(global, "Alarms", new StackAlarmsProps(config, globalPlan, globalTopics,
            DistributionId: global.Cdn?.Distribution.DistributionId));
        var regionDown = global.Endpoints is { } endpoints ? StackAlarms.AttachRegionDown(endpoints.Alarms, globalPlan, globalTopics) : [];
        new RegionDashboard(global, "Dashboard", $"{config.Prefix}-global", [.. regionDown, .. globalAlarms.Alarms]);
        if (alerting.Slack is not null && alerting.Severities.Values.Any(s => s.Routes.Contains(AlertChannel.Slack)))
        {
            var slack = new SlackChannel(global, "Slack", config, alerting, [.. regional.Keys, SlackChannel.GlobalScope]);
            // Chatbot subscribes to the regional topics, so they must exist first.
            foreach (var stack in regional.Values) slack.Node.AddDependency(stack);
        }
        return new PlatformAlerting { RegionalTopics = topics, GlobalTopics = globalTopics, Plan = plan };
    }
}
