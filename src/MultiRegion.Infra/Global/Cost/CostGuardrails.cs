using Constructs;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Global.Cost;

/// <summary>
/// Which cost guardrails a config gets: a <see cref="MonthlyBudget"/> for <c>objectives.monthlyBudgetUsd</c> and one
/// per <c>objectives.regionMonthlyBudgetUsd</c> entry, and <see cref="CostAnomalyAlerts"/> when <c>cost.alertEmails</c>
/// names someone to tell.
/// </summary>
public static class CostGuardrails
{
    public static void Build(Construct scope, StackConfig config)
    {
        var emails = config.Cost?.EffectiveAlertEmails ?? [];
        if (config.Objectives?.MonthlyBudgetUsd is { } budget)
            new MonthlyBudget(scope, "Budget", new MonthlyBudgetProps(config.Prefix, budget, emails));
        foreach (var (region, amount) in config.Objectives?.RegionMonthlyBudgetUsd ?? new Dictionary<string, decimal>())
            new MonthlyBudget(scope, $"Budget{Regional.Compute.ConstructIds.Pascal(region)}", new MonthlyBudgetProps($"{config.Prefix}-{region}", amount, emails, region));
        if (emails.Count > 0)
            new CostAnomalyAlerts(scope, "CostAnomalies", new CostAnomalyAlertsProps(config.Prefix, emails, config.Cost!.AnomalyThresholdUsd));
    }
}
