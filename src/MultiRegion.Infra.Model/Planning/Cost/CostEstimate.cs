namespace MultiRegion.Infra.Model.Planning.Cost;

/// <summary>Monthly dollars at the node groups' minimum, desired and maximum sizes.</summary>
public readonly record struct CostRange(decimal Min, decimal Desired, decimal Max)
{
    public static readonly CostRange Zero = new(0, 0, 0);

    public static CostRange Fixed(decimal monthly) => new(monthly, monthly, monthly);

    public static CostRange operator +(CostRange a, CostRange b) => new(a.Min + b.Min, a.Desired + b.Desired, a.Max + b.Max);
}

/// <summary>
/// One priced line of the estimate: a quantity times a unit price, per month.
/// </summary>
/// <param name="Region">AWS region, or <c>global</c> for CloudFront, Route53, the edge web ACL and Global Accelerator.</param>
/// <param name="Service">Billing service as people know it (EC2, Aurora, NAT gateway, ...).</param>
/// <param name="Item">What this line is, e.g. <c>cpu on-demand c5.2xlarge</c>.</param>
/// <param name="Quantity">The quantity at desired size in words, e.g. <c>5 nodes x 730 h</c>.</param>
/// <param name="UnitPrice">Price per <paramref name="Unit"/> (spot: after the assumed discount).</param>
/// <param name="Monthly">Dollars a month at min / desired / max size (rounded to cents; totals add these).</param>
/// <param name="Usage">True when the quantity is a stated usage assumption (traffic, storage), not a setting.</param>
/// <param name="Source">The price's citation (source, basis, date seen).</param>
public sealed record CostLine(
    string Region,
    string Service,
    string Item,
    string Quantity,
    decimal UnitPrice,
    string Unit,
    CostRange Monthly,
    bool Usage,
    string Source);

/// <summary>A usage figure the estimate assumed, with the config path it comes from.</summary>
public sealed record CostAssumption(string Setting, string Value, string UsedFor);

/// <summary>The monthly estimate of one stack config: every line, what it assumed, and what it could not price.</summary>
public sealed record CostEstimate(
    IReadOnlyList<CostLine> Lines,
    IReadOnlyList<CostAssumption> Assumptions,
    IReadOnlyList<string> Unpriced,
    int HoursPerMonth)
{
    public const string Global = "global";

    public CostRange Total => Lines.Aggregate(CostRange.Zero, (sum, l) => sum + l.Monthly);

    /// <summary>Totals per region (config order, then <c>global</c>).</summary>
    public IReadOnlyList<(string Region, CostRange Monthly)> ByRegion =>
        Lines.GroupBy(l => l.Region).Select(g => (g.Key, g.Aggregate(CostRange.Zero, (s, l) => s + l.Monthly))).ToList();

    /// <summary>Totals per service, most expensive (at desired size) first.</summary>
    public IReadOnlyList<(string Service, CostRange Monthly)> ByService =>
        Lines.GroupBy(l => l.Service).Select(g => (g.Key, g.Aggregate(CostRange.Zero, (s, l) => s + l.Monthly)))
            .OrderByDescending(x => x.Item2.Desired).ToList();

    public CostRange RegionTotal(string region) =>
        Lines.Where(l => l.Region == region).Aggregate(CostRange.Zero, (s, l) => s + l.Monthly);

    /// <summary>The most expensive lines at desired size, for refusals and the plan.</summary>
    public IReadOnlyList<CostLine> Biggest(int count, string? region = null) =>
        Lines.Where(l => region is null || l.Region == region).OrderByDescending(l => l.Monthly.Desired).Take(count).ToList();
}
