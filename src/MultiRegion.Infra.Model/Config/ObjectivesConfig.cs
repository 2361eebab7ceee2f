namespace MultiRegion.Infra.Model.Config;

/// <summary>
/// The <c>objectives</c> section: what the platform promises. The program checks every promise against
/// the settings it will deploy and the AWS limits, and refuses to synthesize a promise it cannot keep.
/// </summary>
/// <param name="AvailabilityPercent">Promised availability of the whole platform, e.g. 99.95.</param>
/// <param name="RegionFailover">RTO and RPO when a region is lost.</param>
/// <param name="RegionAvailabilityPercent">Availability of each region's serving path (the seeds' regional SLOs), by region name; the estimate's inputs.</param>
/// <param name="RegionOutagesPerYear">Assumed region outages per region per year, for the availability estimate.</param>
/// <param name="Stores">Per-store RPO promises (the seeds' data tiers).</param>
/// <param name="MonthlyBudgetUsd">Spending promise: the cost estimate at desired size must stay within it (a warning within 10%); also the AWS budget's amount.</param>
/// <param name="RegionMonthlyBudgetUsd">Optional budget per region name, checked against that region's estimate.</param>
/// <param name="MonthlyBudgetPerUserUsd">Optional cost per active user (needs <c>cost.assumptions.activeUsers</c>).</param>
public sealed record ObjectivesConfig(
    double AvailabilityPercent,
    RegionFailoverObjective RegionFailover,
    IReadOnlyDictionary<string, double> RegionAvailabilityPercent,
    double RegionOutagesPerYear = 1,
    IReadOnlyList<StoreObjective>? Stores = null,
    decimal? MonthlyBudgetUsd = null,
    IReadOnlyDictionary<string, decimal>? RegionMonthlyBudgetUsd = null,
    decimal? MonthlyBudgetPerUserUsd = null);

/// <param name="RtoSeconds">Time until traffic is served by the surviving regions.</param>
/// <param name="RpoSeconds">Data the failover may lose, for every replicated store the platform fails over with (database, cache).</param>
public sealed record RegionFailoverObjective(int RtoSeconds, int RpoSeconds);

/// <summary>An RPO promise for one tier of data and the store that holds it.</summary>
/// <param name="Name">The tier, e.g. <c>critical</c>.</param>
/// <param name="Store"><c>database</c>, <c>cache</c>, or <c>bucket:&lt;name&gt;</c>.</param>
/// <param name="Holds">What data the tier is (for people reading the plan).</param>
public sealed record StoreObjective(string Name, string Store, int RpoSeconds, string? Holds = null);
