using Amazon.CDK;
using Constructs;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Global.Cost;

/// <summary>
/// Which cost guardrails a config gets: a <see cref="MonthlyBudget"/> for <c>objectives.monthlyBudgetUsd</c> and one
/// per <c>objectives.regionMonthlyBudgetUsd</c> entry, notifying the severity topic of <c>alerting.alarms.budget</c>,
/// and <see cref="CostAnomalyAlerts"/> when <c>alerting.alarms.costAnomalies</c> names a severity to tell. The topics
/// are the global stack's own (<c>Alerting/SeverityTopics</c>, built after this), named by their fixed names.
/// </summary>
public static class CostGuardrails
{
    /// <summary>Builds them; returns the budgets and anomaly alerts, so alert routing can order them after the topics they publish to.</summary>
    public static IReadOnlyList<Construct> Build(Construct scope, StackConfig config)
    {
        var notifiers = new List<Construct>();
        var alarms = config.Alerting?.AlarmSettings;
        var budgetTopic = alarms?.Budget is { } b ? TopicArn(scope, config, b.Severity) : null;
        var percent = alarms?.Budget?.Threshold ?? 80;
        if (config.Objectives?.MonthlyBudgetUsd is { } budget)
            notifiers.Add(new MonthlyBudget(scope, "Budget", new MonthlyBudgetProps(config.Prefix, budget, budgetTopic, percent)));
        foreach (var (region, amount) in config.Objectives?.RegionMonthlyBudgetUsd ?? new Dictionary<string, decimal>())
            notifiers.Add(new MonthlyBudget(scope, $"Budget{Regional.Compute.ConstructIds.Pascal(region)}",
                new MonthlyBudgetProps($"{config.Prefix}-{region}", amount, budgetTopic, percent, region)));
        if (alarms?.CostAnomalies is { } anomalies)
            notifiers.Add(new CostAnomalyAlerts(scope, "CostAnomalies",
                new CostAnomalyAlertsProps(config.Prefix, TopicArn(scope, config, anomalies.Severity), config.Cost?.AnomalyThresholdUsd ?? new CostConfig().AnomalyThresholdUsd)));
        return notifiers;
    }

    /// <summary>A global severity topic's ARN from its fixed name (the topic is in this stack, built later).</summary>
    private static string TopicArn(Construct scope, StackConfig config, string severity)
    {
        var stack = Stack.Of(scope);
        return $"arn:{Aws.PARTITION}:sns:{stack.Region}:{stack.Account}:{AlertingConfig.TopicName(config.Prefix, Alerting.SlackChannel.GlobalScope, severity)}";
    }
}
