using System.Globalization;
using System.Text;
using static System.FormattableString;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning.Cost;

/// <summary>Min / desired / max dollars a month.</summary>
public sealed record PlanCostRange(decimal Min, decimal Desired, decimal Max)
{
    public static PlanCostRange Of(CostRange r) => new(r.Min, r.Desired, r.Max);
}

/// <summary>A region's (or <c>global</c>'s) total beside the seed's figure for it.</summary>
public sealed record PlanCostRegion(string Region, PlanCostRange Monthly, UsdRange? Seed);

/// <summary>A service's total over all regions, beside the seed's figure for it.</summary>
public sealed record PlanCostService(string Service, PlanCostRange Monthly, UsdRange? Seed = null);

/// <summary>A priced line as plan.json reports it.</summary>
public sealed record PlanCostLine(string Region, string Service, string Item, string Quantity, decimal UnitPrice, string Unit, PlanCostRange Monthly, bool Usage, string Source);

/// <summary>
/// plan.json's <c>cost</c>: the monthly estimate at list prices. <c>lines</c> add up to <c>regions</c>, to
/// <c>services</c> and to <c>total</c> (a test checks), at min, desired and max node-group sizes.
/// </summary>
public sealed record PlanCost(
    string Currency,
    int HoursPerMonth,
    PlanCostRange Total,
    UsdRange? SeedTotal,
    string? SeedSource,
    decimal? Budget,
    IReadOnlyList<PlanCostRegion> Regions,
    IReadOnlyList<PlanCostService> Services,
    IReadOnlyList<PlanCostLine> Lines,
    IReadOnlyList<CostAssumption> Assumptions,
    IReadOnlyList<string> Unpriced)
{
    /// <summary><c>cost.assumptions.activeUsers</c>, when stated.</summary>
    public int? ActiveUsers { get; init; }

    /// <summary>The desired-size total per active user, when the users are stated.</summary>
    public decimal? PerUserDesired => ActiveUsers is > 0 and var users ? Math.Round(Total.Desired / users, 2) : null;
}

/// <summary>The cost section of plan.json and plan.md, read from <see cref="CostPlanner"/>.</summary>
public static class CostSection
{
    public static PlanCost Of(StackConfig c)
    {
        var e = CostPlanner.Estimate(c);
        var seed = c.Cost?.Reference;
        return new PlanCost("USD", e.HoursPerMonth, PlanCostRange.Of(e.Total), seed?.Total, seed?.Source, c.Objectives?.MonthlyBudgetUsd,
            e.ByRegion.Select(x => new PlanCostRegion(x.Region, PlanCostRange.Of(x.Monthly),
                x.Region == CostEstimate.Global ? seed?.Global : seed?.Regions?.GetValueOrDefault(x.Region))).ToList(),
            e.ByService.Select(x => new PlanCostService(x.Service, PlanCostRange.Of(x.Monthly), seed?.Services?.GetValueOrDefault(x.Service))).ToList(),
            e.Lines.Select(l => new PlanCostLine(l.Region, l.Service, l.Item, l.Quantity, l.UnitPrice, l.Unit, PlanCostRange.Of(l.Monthly), l.Usage, l.Source)).ToList(),
            e.Assumptions,
            e.Unpriced) { ActiveUsers = c.Cost?.EffectiveAssumptions.ActiveUsers };
    }

    public static void Render(StackConfig c, StringBuilder md)
    {
        var plan = Of(c);
        md.AppendLine("## Cost");
        md.AppendLine();
        md.AppendLine(
            $"Monthly estimate at list prices ({plan.HoursPerMonth.ToString(CultureInfo.InvariantCulture)} h a month, on-demand and spot as the node groups split them; `pricing/prices.json` names the source and date of every price). "
            + "Min / desired / max are the node groups' sizes; everything else is the same in all three. Usage-driven lines (*usage*) come from the assumptions below, not from measurements. "
            + "Not included: Reserved Instances or Savings Plans, internet data transfer outside CloudFront, Secrets Manager, ECR, Lambda-backed custom resources.");
        md.AppendLine();
        var seedTotal = plan.SeedTotal is null ? "-" : plan.SeedTotal.ToString();
        MarkdownTable.Write(md, ["Region", "Min:", "Desired:", "Max:", "Seed:"], plan.Regions
            .Select(r => new[] { r.Region, Usd.Format(r.Monthly.Min), Usd.Format(r.Monthly.Desired), Usd.Format(r.Monthly.Max), r.Seed is null ? "-" : r.Seed.ToString()! })
            .Append(["**Total**", $"**{Usd.Format(plan.Total.Min)}**", $"**{Usd.Format(plan.Total.Desired)}**", $"**{Usd.Format(plan.Total.Max)}**", $"**{seedTotal}**"]));
        if (plan.SeedSource is { } source)
            md.AppendLine(CultureInfo.InvariantCulture, $"Seed figures: {source}.");
        if (plan.Budget is { } budget)
            md.AppendLine(CultureInfo.InvariantCulture,
                $"Budget (`objectives.monthlyBudgetUsd`): {Usd.Format(budget)}; estimate at desired size {Usd.Format(plan.Total.Desired)} ({(plan.Total.Desired / budget * 100).ToString("0", CultureInfo.InvariantCulture)}% of it).");
        if (plan.PerUserDesired is { } perUser)
            md.AppendLine(CultureInfo.InvariantCulture,
                $"Per active user ({plan.ActiveUsers} users, `cost.assumptions.activeUsers`): {Usd.Format(perUser)} a month at desired size{(c.Objectives?.MonthlyBudgetPerUserUsd is { } promised ? $"; promised {Usd.Format(promised)}" : "")}.");
        md.AppendLine();
        MarkdownTable.Write(md, ["Service", "Min:", "Desired:", "Max:", "Seed:"], plan.Services.Select(s => new[]
        {
            s.Service, Usd.Format(s.Monthly.Min), Usd.Format(s.Monthly.Desired), Usd.Format(s.Monthly.Max), s.Seed is null ? "-" : s.Seed.ToString()!,
        }));
        if (plan.Assumptions.Count > 0)
        {
            md.AppendLine("Usage assumptions (`cost.assumptions`; 0 means none was stated):");
            md.AppendLine();
            foreach (var a in plan.Assumptions)
                md.AppendLine(CultureInfo.InvariantCulture, $"- `{a.Setting}` = {a.Value}: {a.UsedFor}");
            md.AppendLine();
        }
        if (plan.Unpriced.Count > 0)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"**Not priced** (no row in `pricing/prices.json`; left out of the totals): {string.Join(", ", plan.Unpriced)}.");
            md.AppendLine();
        }
        md.AppendLine("<details><summary>Every line</summary>");
        md.AppendLine();
        MarkdownTable.Write(md, ["Region", "Service", "Item", "Quantity (desired)", "Unit price:", "Desired:", "Source"], plan.Lines.Select(l => new[]
        {
            l.Region, l.Service, $"{l.Item}{(l.Usage ? " *(usage)*" : "")}", Invariant($"{l.Quantity}"),
            $"${l.UnitPrice.ToString("0.#####", CultureInfo.InvariantCulture)}/{l.Unit}", Usd.Format(l.Monthly.Desired), l.Source,
        }));
        md.AppendLine("</details>");
        md.AppendLine();
    }
}
