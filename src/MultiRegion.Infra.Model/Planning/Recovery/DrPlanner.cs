using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning.Objectives;

namespace MultiRegion.Infra.Model.Planning.Recovery;

/// <summary>One row of the seed's RTO/RPO matrix: what happens, who starts it, and the computed budgets.</summary>
/// <param name="Rto">Null when the plan cannot compute it (<paramref name="RtoNote"/> says why).</param>
/// <param name="Rpo">The worst store over every way the scenario can happen (which region(s) fail).</param>
/// <param name="WorstCase">The failed regions that give <paramref name="Rpo"/>.</param>
public sealed record DrScenario(
    string Key,
    string Name,
    string WhatHappens,
    string StartedBy,
    IReadOnlyList<string> Runbooks,
    Budget? Rto,
    string? RtoNote,
    Budget Rpo,
    IReadOnlyList<string> WorstCase,
    string? RpoNote,
    ScenarioObjective? Promised);

/// <summary>
/// The disaster-recovery matrix of a config, pure: per scenario (one AZ, one region, two regions, every region)
/// the computed RTO and RPO, checked against <c>recovery.scenarios</c>. Reads the same runbooks as the SSM
/// documents (<see cref="RunbookPlanner"/>) and the same store budgets as the objectives.
/// </summary>
public static class DrPlanner
{
    /// <summary>Aurora Multi-AZ: service "typically restored in less than 60 seconds" after an instance or AZ failure.</summary>
    private static readonly AwsFact AuroraInRegionFailover = new(60,
        "Aurora in-region failover: typically under 60 s (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.AuroraHighAvailability.html)", true);

    /// <summary>ElastiCache Multi-AZ automatic failover to a replica: typically under a minute (estimate, 2026-11).</summary>
    private static readonly AwsFact CacheInRegionFailover = new(60, "ElastiCache Multi-AZ automatic failover: about a minute (estimate, 2026-11)", true);

    public static IReadOnlyList<DrScenario> Scenarios(StackConfig c)
    {
        if (c.Recovery is not { } rc) return [];
        var regions = c.Regions.Select(r => r.Name).ToList();
        var promised = rc.EffectiveScenarios;
        var trigger = rc.Trigger.ToString().ToLowerInvariant();
        var list = new List<DrScenario>
        {
            Az(c, promised.GetValueOrDefault(RecoveryConfig.Az)),
            new(RecoveryConfig.OneRegion, "One region", "Route53 and CloudFront stop sending it traffic (automatic); the failover runbook promotes the survivors' "
                + "database and caches, re-points the writer parameters and raises the survivors' node-group floors; HPA floors by hand",
                trigger switch
                {
                    "automatic" => "the region-down alarm (EventBridge)",
                    "approval" => $"the region-down alarm, then an approver ({rc.MinRequiredApprovals} of {rc.Approvers?.Count ?? 0})",
                    _ => "an operator (documented command)",
                },
                regions.Select(r => RunbookPlanner.DocumentName(c, RunbookKind.Failover, r)).ToList(),
                OneRegionRto(c), c.Edge is null ? "no edge section: nothing moves traffic" : null,
                WorstRpo(c, Subsets(regions, 1), out var one), one, null, promised.GetValueOrDefault(RecoveryConfig.OneRegion)),
        };
        if (regions.Count >= 3)
            list.Add(new(RecoveryConfig.TwoRegions, "Two regions", "Route53 sends everything to the one left (automatic); an operator runs both regions' "
                + "failover runbooks with TargetRegion set to the survivor (the default target may be down too)",
                "an operator (the seed's \"Manual DR activation\")",
                regions.Select(r => RunbookPlanner.DocumentName(c, RunbookKind.Failover, r)).ToList(),
                TwoRegionsRto(c), c.Edge is null ? "no edge section: nothing moves traffic" : null,
                WorstRpo(c, Subsets(regions, 2), out var two), two, null, promised.GetValueOrDefault(RecoveryConfig.TwoRegions)));
        var backup = c.Data?.Backup;
        list.Add(new(RecoveryConfig.AllRegions, "Every region", backup is null
                ? "no backups configured: the data is lost"
                : $"full DR procedure: deploy the stacks to a new region and restore the latest copies from the {backup.Region} vault",
            "an operator (the seed's \"Full DR procedure\")", [],
            null, "not computed: restoring from backups and redeploying depends on data size and AWS restore times, which AWS does not bound",
            WorstRpo(c, [regions], out var all), all,
            c.Data?.EffectiveCaches.Count > 0 ? "caches are not counted: they are rebuilt (ElastiCache snapshots are regional and not copied)" : null,
            promised.GetValueOrDefault(RecoveryConfig.AllRegions)));
        return list;
    }

    /// <summary>Every promise of <c>recovery.scenarios</c> against the computed budget (empty without a recovery section).</summary>
    public static IReadOnlyList<ObjectiveResult> Check(StackConfig c)
    {
        var results = new List<ObjectiveResult>();
        foreach (var s in Scenarios(c))
        {
            if (s.Promised is not { } p) continue;
            var at = $"recovery.scenarios.{s.Key}";
            if (p.RtoSeconds is { } rto)
                results.Add(s.Rto is { } budget
                    ? Result($"{at}.rtoSeconds", rto, budget, budget.TotalSeconds <= rto ? null : $"promise at least {Format.Seconds(budget.TotalSeconds)}, or use a faster trigger")
                    : new ObjectiveResult($"{at}.rtoSeconds", Format.Seconds(rto), "not computed", true, [], s.RtoNote ?? "", true));
            if (p.RpoSeconds is { } rpo)
                results.Add(Result($"{at}.rpoSeconds", rpo, s.Rpo, s.Rpo.TotalSeconds <= rpo ? null : RpoFix(c, s.Rpo)));
        }
        return results;
    }

    private static ObjectiveResult Result(string name, int promised, Budget budget, string? fix) =>
        new(name, Format.Seconds(promised), Format.Seconds(budget.TotalSeconds), fix is null, budget.Terms, budget.Arithmetic, budget.UsesEstimates, fix);

    private static string RpoFix(StackConfig c, Budget rpo) =>
        rpo.Terms.Any(t => t.Name.Contains("between backups", StringComparison.Ordinal))
            ? $"backups copied to {c.Data?.Backup?.Region} cannot lose less than their interval and AWS Backup runs at most hourly: promise at least {Format.Seconds(rpo.TotalSeconds)}"
            : $"promise at least {Format.Seconds(rpo.TotalSeconds)}";

    private static DrScenario Az(StackConfig c, ScenarioObjective? promised)
    {
        var terms = new List<BudgetTerm>();
        if (c.Data?.Database is not null)
            terms.Add(new BudgetTerm("Aurora in-region failover", AuroraInRegionFailover.Seconds, AuroraInRegionFailover.Source, true));
        else if (c.Data?.EffectiveCaches.Count > 0)
            terms.Add(new BudgetTerm("ElastiCache Multi-AZ failover", CacheInRegionFailover.Seconds, CacheInRegionFailover.Source, true));
        return new DrScenario(RecoveryConfig.Az, "One availability zone",
            "nothing to run: load balancers skip the zone, Aurora and ElastiCache fail over inside the region (Multi-AZ), node groups replace nodes in the other zones",
            "nobody (automatic)", [],
            terms.Count == 0 ? null : new Budget(terms), terms.Count == 0 ? "no Multi-AZ store" : null,
            new Budget([new BudgetTerm("durable stores keep copies in several zones synchronously", 0,
                "Aurora storage: six copies across three AZs; S3: at least three AZs")]),
            [], "in-region cache replicas are asynchronous: a failover may lose the last writes", promised);
    }

    private static Budget? OneRegionRto(StackConfig c)
    {
        if (c.Edge is null) return null;
        var inputs = ObjectiveInputsBuilder.From(c);
        return RtoBudget.Compute(inputs.Dns, inputs.FailoverSteps, inputs.TriggerTerms);
    }

    private static Budget? TwoRegionsRto(StackConfig c)
    {
        if (c.Edge is null) return null;
        var inputs = ObjectiveInputsBuilder.From(c);
        // The operator names the survivor whatever the trigger mode: count a person's response.
        return RtoBudget.Compute(inputs.Dns, inputs.FailoverSteps, ObjectiveInputsBuilder.TriggerTerms(c.Recovery! with { Trigger = RecoveryTrigger.Manual }));
    }

    /// <summary>The worst store RPO over the given ways to fail; <paramref name="worst"/> names the failed regions.</summary>
    private static Budget WorstRpo(StackConfig c, IReadOnlyList<IReadOnlyList<string>> failures, out IReadOnlyList<string> worst)
    {
        Budget? max = null;
        worst = [];
        foreach (var failed in failures)
        {
            var b = Rpo(c, failed);
            if (max is null || b.TotalSeconds > max.TotalSeconds)
                (max, worst) = (b, failed);
        }
        return max ?? new Budget([]);
    }

    /// <summary>What the stores can lose when <paramref name="failed"/> are down: the worst store decides.</summary>
    public static Budget Rpo(StackConfig c, IReadOnlyList<string> failed)
    {
        var stores = ObjectiveInputsBuilder.Stores(c);
        var primary = c.PrimaryRegion.Name;
        var survivors = c.Regions.Select(r => r.Name).Where(r => !failed.Contains(r)).ToList();
        var backup = c.Data?.Backup is { } b && BackupSchedule.IntervalSeconds(b.Schedule) is { } interval
            ? new Budget([new BudgetTerm($"time between backups copied to {b.Region}", interval, $"data.backup.schedule {b.Schedule}")])
            : null;
        var candidates = new List<(string Store, Budget Budget)>();
        var data = c.Data ?? new DataConfig();
        if (data.Database is not null)
            candidates.Add((ObjectiveInputsBuilder.Database, !failed.Contains(primary) ? Nothing("writer survives")
                : survivors.Count > 0 ? stores[ObjectiveInputsBuilder.Database]
                : backup ?? RpoBudget.NotReplicated("database")));
        if (survivors.Count > 0 && failed.Contains(primary))
            foreach (var name in data.EffectiveCaches.Keys)
                candidates.Add((ObjectiveInputsBuilder.CachePrefix + name, stores[ObjectiveInputsBuilder.CachePrefix + name]));
        foreach (var (name, bucket) in data.EffectiveBuckets)
        {
            var key = ObjectiveInputsBuilder.BucketPrefix + name;
            candidates.Add((key, !failed.Contains(primary) ? Nothing("source bucket survives")
                : bucket.EffectiveReplicas.Any(r => survivors.Contains(r.Region)) ? stores[key]
                : backup ?? RpoBudget.NotReplicated($"bucket {name}")));
        }
        if (candidates.Count == 0) return Nothing("no durable store");
        var (store, worst) = candidates.MaxBy(x => x.Budget.TotalSeconds);
        return worst with { Terms = worst.Terms.Select(t => t with { Name = $"{store}: {t.Name}" }).ToList() };
    }

    private static Budget Nothing(string why) => new([new BudgetTerm(why, 0, "nothing to lose")]);

    private static IReadOnlyList<IReadOnlyList<string>> Subsets(IReadOnlyList<string> items, int size) => size switch
    {
        1 => items.Select(i => (IReadOnlyList<string>)[i]).ToList(),
        _ => items.SelectMany((a, i) => items.Skip(i + 1).Select(b => (IReadOnlyList<string>)[a, b])).ToList(),
    };
}
