using System.Globalization;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning.Objectives;

/// <summary>The deployed settings objectives are checked against, extracted from a stack config.</summary>
/// <param name="Dns">How DNS failover is built (health check and TTL).</param>
/// <param name="FailoverSteps">Recovery steps a region failover waits for (Aurora failover, cache promotion, ...).</param>
/// <param name="StoreRpo">RPO budget of every store by key: <c>database</c>, <c>cache</c>, <c>bucket:&lt;name&gt;</c>.</param>
/// <param name="FailoverStores">Keys of the stores a region failover relies on (checked against regionFailover.rpoSeconds).</param>
/// <param name="Weights">Traffic weight by region.</param>
/// <param name="TriggerTerms">What starting the failover runbook costs in the configured trigger mode (event delivery, a person's response).</param>
public sealed record ObjectiveInputs(
    DnsFailoverSettings Dns,
    IReadOnlyList<DependentStep> FailoverSteps,
    IReadOnlyDictionary<string, Budget> StoreRpo,
    IReadOnlyList<string> FailoverStores,
    IReadOnlyDictionary<string, int> Weights,
    IReadOnlyList<BudgetTerm>? TriggerTerms = null);

/// <summary>Checks every promise of an <see cref="ObjectivesConfig"/>. Pure: the same inputs give the same verdicts.</summary>
public static class ObjectiveChecker
{
    public const string Prefix = "objectives";

    public static IReadOnlyList<ObjectiveResult> Check(ObjectivesConfig o, ObjectiveInputs inputs)
    {
        var results = new List<ObjectiveResult>();
        var rto = RtoBudget.Compute(inputs.Dns, inputs.FailoverSteps, inputs.TriggerTerms);
        results.Add(CheckRto(o.RegionFailover.RtoSeconds, rto, inputs));
        results.Add(CheckFailoverRpo(o.RegionFailover.RpoSeconds, inputs));
        for (var i = 0; i < (o.Stores?.Count ?? 0); i++)
            results.Add(CheckStore($"{Prefix}.stores[{i}]", o.Stores![i], inputs));
        results.Add(CheckAvailability(o, rto.TotalSeconds, inputs));
        return results;
    }

    private static ObjectiveResult CheckRto(int promised, Budget rto, ObjectiveInputs inputs)
    {
        var ok = rto.TotalSeconds <= promised;
        string? fix = null;
        if (!ok)
        {
            var faster = inputs.Dns with { IntervalSeconds = 10 };
            var fastBudget = RtoBudget.Compute(faster, inputs.FailoverSteps, inputs.TriggerTerms);
            fix = inputs.Dns.IntervalSeconds != 10 && fastBudget.TotalSeconds <= promised
                ? $"set edge.healthCheck.intervalSeconds to 10 ({fastBudget.Arithmetic})"
                : $"promise at least {Format.Seconds(MinimumRto(inputs))} (10 s checks x 1 failure is the fastest Route53 detects), or lower the failure threshold";
        }
        return Result($"{Prefix}.regionFailover.rtoSeconds", Format.Seconds(promised), rto, ok, fix);
    }

    private static double MinimumRto(ObjectiveInputs inputs) =>
        RtoBudget.Compute(inputs.Dns with { IntervalSeconds = 10, FailureThreshold = 1 }, inputs.FailoverSteps, inputs.TriggerTerms).TotalSeconds;

    private static ObjectiveResult CheckFailoverRpo(int promised, ObjectiveInputs inputs)
    {
        var stores = inputs.FailoverStores.Where(inputs.StoreRpo.ContainsKey).ToList();
        if (stores.Count == 0)
            return new ObjectiveResult($"{Prefix}.regionFailover.rpoSeconds", Format.Seconds(promised), "0 s", true, [],
                "no replicated store to lose data from", false);
        // The worst store decides what a region failover can lose.
        var (key, budget) = stores.Select(k => (k, inputs.StoreRpo[k])).MaxBy(x => x.Item2.TotalSeconds);
        var ok = budget.TotalSeconds <= promised;
        return Result($"{Prefix}.regionFailover.rpoSeconds", Format.Seconds(promised), budget with { Terms = budget.Terms.Select(t => t with { Name = $"{key}: {t.Name}" }).ToList() },
            ok, ok ? null : FixFor(key, promised, budget));
    }

    private static ObjectiveResult CheckStore(string path, StoreObjective s, ObjectiveInputs inputs)
    {
        var budget = inputs.StoreRpo[s.Store]; // existence is a validation rule, checked before
        var ok = budget.TotalSeconds <= s.RpoSeconds;
        return Result($"{path}.rpoSeconds", Format.Seconds(s.RpoSeconds), budget, ok, ok ? null : FixFor(s.Store, s.RpoSeconds, budget))
            with { Subject = $"{s.Name}: {s.Store}" };
    }

    private static ObjectiveResult CheckAvailability(ObjectivesConfig o, double rtoSeconds, ObjectiveInputs inputs)
    {
        var paths = inputs.Weights
            .Select(w => new ServingPath(w.Key, w.Value, o.RegionAvailabilityPercent.GetValueOrDefault(w.Key, double.NaN)))
            .ToList();
        var estimate = AvailabilityEstimate.Compute(paths, rtoSeconds, o.RegionOutagesPerYear);
        var ok = estimate.Percent >= o.AvailabilityPercent;
        var downtime = (100 - estimate.Percent) / 100 * AwsLimits.SecondsPerYear;
        var arithmetic = $"estimated {Format.Percent(Math.Round(estimate.Percent, 5))} = 100% - ({string.Join(" + ", estimate.Terms.Select(t => $"{t.Name} {Minutes(t.Seconds)}"))} = {Minutes(downtime)} a year) "
                         + $"[assumptions: {string.Join("; ", estimate.Assumptions)}]";
        return new ObjectiveResult($"{Prefix}.availabilityPercent", Format.Percent(o.AvailabilityPercent), Format.Percent(Math.Round(estimate.Percent, 5)),
            ok, estimate.Terms, arithmetic, true,
            ok ? null : "raise the regions' serving-path availability, add a region, or shorten the failover RTO");
    }

    private static string Minutes(double seconds) => $"{(seconds / 60).ToString("0.##", CultureInfo.InvariantCulture)} min";

    private static string FixFor(string store, int promised, Budget budget) => store switch
    {
        _ when store.StartsWith("bucket:", StringComparison.Ordinal) && double.IsPositiveInfinity(budget.TotalSeconds) && promised >= AwsLimits.S3ReplicationTimeControl.Seconds
            => $"turn on Replication Time Control for {store} (15 min bound)",
        _ when store.StartsWith("bucket:", StringComparison.Ordinal)
            => $"S3 replication cannot promise less than 15 min (with Replication Time Control): promise at least 900 s or keep this data in a store with a tighter bound",
        "database" => "Aurora Global cannot bound its lag below rds.global_db_rpo's 20 s minimum; promise at least the budget above",
        _ => $"promise at least {Format.Seconds(budget.TotalSeconds)}",
    };

    private static ObjectiveResult Result(string name, string promised, Budget budget, bool ok, string? fix) =>
        new(name, promised, Format.Seconds(budget.TotalSeconds), ok, budget.Terms, budget.Arithmetic, budget.UsesEstimates, fix);
}
