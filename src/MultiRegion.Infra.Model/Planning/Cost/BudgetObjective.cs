using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning.Objectives;

namespace MultiRegion.Infra.Model.Planning.Cost;

/// <summary>
/// The spending promises of <c>objectives</c> (<c>monthlyBudgetUsd</c>, <c>regionMonthlyBudgetUsd</c>,
/// <c>monthlyBudgetPerUserUsd</c>) held to the estimate at desired size, like the other objectives: over budget is
/// refused with the arithmetic and the biggest lines; within 10% of it loads with a warning.
/// </summary>
public static class BudgetObjective
{
    /// <summary>An estimate within this share of the budget (but not over) is a warning.</summary>
    public const decimal WarningMargin = 0.10m;

    private const string At = ObjectiveChecker.Prefix;

    public static IReadOnlyList<ObjectiveResult> Check(StackConfig c) => Check(c, CostPlanner.Estimate(c));

    public static IReadOnlyList<ObjectiveResult> Check(StackConfig c, CostEstimate e)
    {
        if (c.Objectives is not { } o) return [];
        var results = new List<ObjectiveResult>();
        if (o.MonthlyBudgetUsd is { } budget)
        {
            var total = e.Total.Desired;
            var terms = string.Join(" + ", e.ByRegion.Select(x => $"{x.Region} {Usd.Format(x.Monthly.Desired)}"));
            results.Add(Result($"{At}.monthlyBudgetUsd", budget, total,
                $"estimate at desired size {terms} = {Usd.Format(total)}; biggest lines: {Lines(e.Biggest(3))}",
                $"raise objectives.monthlyBudgetUsd to at least {Usd.Format(Math.Ceiling(total))} or cut the biggest lines"));
        }
        foreach (var (region, regionBudget) in o.RegionMonthlyBudgetUsd ?? new Dictionary<string, decimal>())
        {
            var total = e.RegionTotal(region).Desired;
            results.Add(Result($"{At}.regionMonthlyBudgetUsd.{region}", regionBudget, total,
                $"{region} estimate at desired size {Usd.Format(total)}; biggest lines: {Lines(e.Biggest(3, region))}",
                $"raise it to at least {Usd.Format(Math.Ceiling(total))} or cut the region's biggest lines"));
        }
        if (o.MonthlyBudgetPerUserUsd is { } perUser && c.Cost?.EffectiveAssumptions.ActiveUsers is > 0 and var users)
        {
            var cost = Math.Round(e.Total.Desired / users, 2);
            results.Add(Result($"{At}.monthlyBudgetPerUserUsd", perUser, cost,
                $"{Usd.Format(e.Total.Desired)} / {users} active users (cost.assumptions.activeUsers) = {Usd.Format(cost)} per user",
                $"promise at least {Usd.Format(Math.Ceiling(cost * 100) / 100)} per user, or cut the biggest lines: {Lines(e.Biggest(3))}"));
        }
        return results;
    }

    /// <summary>Budgets nearly used up (over 90% but within), and an estimate that could not price everything.</summary>
    public static IReadOnlyList<(string Path, string Message)> Warnings(StackConfig c)
    {
        if (c.Objectives is not { } o) return [];
        var e = CostPlanner.Estimate(c);
        var warnings = new List<(string, string)>();
        void Near(string path, decimal budget, decimal estimate, string what)
        {
            if (estimate <= budget && estimate > budget * (1 - WarningMargin))
                warnings.Add((path, $"{what} {Usd.Format(estimate)} at desired size is within {WarningMargin * 100:0}% of the budget {Usd.Format(budget)}: the autoscaler growing past desired size exceeds it"));
        }
        if (o.MonthlyBudgetUsd is { } budget)
            Near($"{At}.monthlyBudgetUsd", budget, e.Total.Desired, "the estimate");
        foreach (var (region, regionBudget) in o.RegionMonthlyBudgetUsd ?? new Dictionary<string, decimal>())
            Near($"{At}.regionMonthlyBudgetUsd.{region}", regionBudget, e.RegionTotal(region).Desired, $"the {region} estimate");
        if (o.MonthlyBudgetPerUserUsd is { } perUser && c.Cost?.EffectiveAssumptions.ActiveUsers is > 0 and var users)
            Near($"{At}.monthlyBudgetPerUserUsd", perUser, Math.Round(e.Total.Desired / users, 2), $"the cost per user ({users} users)");
        if ((o.MonthlyBudgetUsd ?? o.MonthlyBudgetPerUserUsd) is not null || o.RegionMonthlyBudgetUsd is { Count: > 0 })
            if (e.Unpriced.Count > 0)
                warnings.Add(($"{At}.monthlyBudgetUsd", $"the estimate has no price for {string.Join(", ", e.Unpriced)} (add rows to pricing/prices.json): the budget check leaves them out"));
        return warnings;
    }

    private static string Lines(IEnumerable<CostLine> lines) =>
        string.Join(", ", lines.Select(l => $"{l.Region} {l.Service} {l.Item} {Usd.Format(l.Monthly.Desired)}"));

    // Estimate: list prices, some recalled or derived, and usage assumptions (prices.json says which).
    private static ObjectiveResult Result(string name, decimal promised, decimal estimate, string arithmetic, string fix) =>
        new(name, Usd.Format(promised), Usd.Format(estimate), estimate <= promised, [], arithmetic, true, estimate <= promised ? null : fix);
}
