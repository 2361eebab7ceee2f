using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning;

/// <summary>
/// Computes the exact traffic split for every single-region failure and every pair of failures from the
/// config's failover table. Pure; the CDK record tree and plan.json are both built from its result, so what
/// the plan promises is what the records do.
/// </summary>
public static class FailoverPlanner
{
    /// <summary>
    /// The plan of a validated config. Rows of the table are used as given; every scenario without a row keeps the
    /// survivors' normal weights' proportions, which is what Route53's weighted routing with health checks does by
    /// itself (a single survivor takes everything), so such scenarios cost no records.
    /// </summary>
    public static FailoverPlan Plan(StackConfig config)
    {
        var regions = config.Regions.Select(r => r.Name).ToList();
        var rows = config.Edge?.Routing.Failover ?? [];
        var scenarios = new List<FailoverScenario>
        {
            Scenario(regions, [], config.Regions.ToDictionary(r => r.Name, r => r.TrafficWeight)) with { Shares = WeightedShares(config, regions) },
        };

        foreach (var failed in FailureSets(regions))
        {
            var surviving = regions.Except(failed).ToList();
            if (surviving.Count == 0)
                continue; // every region down: nothing to route to
            var row = rows.FirstOrDefault(r => SameSet(r.Failed, failed));
            IReadOnlyDictionary<string, int> split = row is not null ? row.Split
                : surviving.Count == 1 ? new Dictionary<string, int> { [surviving[0]] = 100 }
                : Proportional(config, surviving);
            var scenario = Scenario(regions, failed, split);
            scenarios.Add(scenario with
            {
                Configured = row is not null,
                Shares = row is not null ? scenario.Split.ToDictionary(kv => kv.Key, kv => kv.Value / 100.0, StringComparer.Ordinal) : WeightedShares(config, surviving),
            });
        }
        return new FailoverPlan(scenarios);
    }

    /// <summary>Every single region, then every pair, in config order.</summary>
    public static IEnumerable<IReadOnlyList<string>> FailureSets(IReadOnlyList<string> regions)
    {
        foreach (var r in regions)
            yield return [r];
        for (var a = 0; a < regions.Count; a++)
            for (var b = a + 1; b < regions.Count; b++)
                yield return [regions[a], regions[b]];
    }

    private static FailoverScenario Scenario(IReadOnlyList<string> regions, IReadOnlyList<string> failed, IReadOnlyDictionary<string, int> split)
    {
        var ordered = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in regions)
            if (split.TryGetValue(r, out var pct) && pct > 0)
                ordered[r] = pct;
        return new FailoverScenario(regions.Where(failed.Contains).ToList(), ordered)
        {
            Surviving = regions.Except(failed).ToList(),
        };
    }

    /// <summary>
    /// What Route53's weighted records with health checks give the survivors: weight / sum of the healthy records'
    /// weights, unrounded. When every survivor weighs 0, Route53 considers the zero-weight records only once all
    /// nonzero ones are unhealthy, and then answers them with equal probability.
    /// https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-how-route-53-chooses-records.html
    /// </summary>
    public static IReadOnlyDictionary<string, double> WeightedShares(StackConfig c, IReadOnlyList<string> surviving)
    {
        var weights = surviving.Select(r => (r, w: (double)c.Region(r).TrafficWeight)).ToList();
        if (weights.Sum(x => x.w) == 0)
            weights = weights.Select(x => (x.r, w: 1.0)).ToList();
        var total = weights.Sum(x => x.w);
        return weights.Where(x => x.w > 0).ToDictionary(x => x.r, x => x.w / total, StringComparer.Ordinal);
    }

    /// <summary>Largest-remainder split of 100 by the survivors' normal weights (ties to config order).</summary>
    private static Dictionary<string, int> Proportional(StackConfig c, IReadOnlyList<string> surviving)
    {
        var weights = surviving.Select(r => (r, w: c.Region(r).TrafficWeight)).ToList();
        var total = weights.Sum(x => x.w);
        if (total == 0)
            weights = weights.Select(x => (x.r, w: 1)).ToList();
        total = weights.Sum(x => x.w);
        var shares = weights.Select(x => (x.r, exact: 100.0 * x.w / total)).ToList();
        var result = shares.ToDictionary(x => x.r, x => (int)Math.Floor(x.exact), StringComparer.Ordinal);
        var left = 100 - result.Values.Sum();
        foreach (var (r, _) in shares.OrderByDescending(x => x.exact - Math.Floor(x.exact)).Take(left))
            result[r]++;
        return result;
    }

    internal static bool SameSet(IReadOnlyList<string> a, IReadOnlyList<string> b) =>
        a.Count == b.Count && a.All(b.Contains);
}
