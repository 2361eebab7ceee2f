using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning.Objectives;

/// <summary>Reads, from a stack config, the settings its objectives depend on.</summary>
public static class ObjectiveInputsBuilder
{
    public const string Database = "database", Backup = "backup", CachePrefix = "cache:", BucketPrefix = "bucket:";

    /// <summary>The stores a config has, by objective key, with their RPO budgets.</summary>
    public static IReadOnlyDictionary<string, Budget> Stores(StackConfig c)
    {
        var stores = new Dictionary<string, Budget>(StringComparer.Ordinal);
        if (c.Data is not { } data) return stores;
        if (data.Database is { } db)
            stores[Database] = RpoBudget.Aurora(db.RpoCapSeconds);
        foreach (var name in data.EffectiveCaches.Keys)
            stores[CachePrefix + name] = RpoBudget.GlobalDatastore();
        foreach (var (name, bucket) in data.EffectiveBuckets)
            stores[BucketPrefix + name] = bucket.EffectiveReplicas.Count == 0
                ? RpoBudget.NotReplicated($"bucket {name}")
                : RpoBudget.S3Replication(bucket.ReplicationTimeControl);
        if (data.Backup is { } backup && BackupSchedule.IntervalSeconds(backup.Schedule) is { } interval)
            stores[Backup] = RpoBudget.Backup(interval);
        return stores;
    }

    /// <summary>The inputs of <see cref="ObjectiveChecker"/>; the config must have an edge with a chosen interval.</summary>
    public static ObjectiveInputs From(StackConfig c)
    {
        var edge = c.Edge ?? throw new InvalidOperationException("objectives need the edge section (DNS failover)");
        var steps = new List<DependentStep>();
        if (c.Recovery is not null)
        {
            // The failover runbook promotes the stores one after another: its critical path is one step.
            var path = Recovery.RunbookPlanner.Failover(c, c.PrimaryRegion.Name).CriticalPath;
            if (path.Terms.Count > 0)
                steps.Add(new DependentStep($"failover runbook ({path.Arithmetic})",
                    new AwsFact(path.TotalSeconds, string.Join("; ", path.Terms.Select(t => t.Source)), path.UsesEstimates)));
        }
        else
        {
            // When the primary region is lost, writes wait for the database's secondary to be promoted.
            if (c.Data?.Database is not null)
                steps.Add(new DependentStep("Aurora unplanned failover", AwsLimits.AuroraUnplannedFailover));
            if (c.Data?.EffectiveCaches.Count > 0)
                steps.Add(new DependentStep("Global Datastore promotion", AwsLimits.GlobalDatastorePromotion));
        }
        if (edge.Accelerator is not null)
            steps.Add(AcceleratorFailover.Step(c));

        var stores = Stores(c);
        return new ObjectiveInputs(
            // Every routed name is an alias to a load balancer (or to another alias): clients keep answers for the ELB's TTL.
            new DnsFailoverSettings(edge.HealthCheck.Interval, edge.HealthCheck.FailureThreshold, AliasRecords: true),
            steps,
            stores,
            stores.Keys.Where(k => k == Database || k.StartsWith(CachePrefix, StringComparison.Ordinal)).ToList(),
            c.Regions.ToDictionary(r => r.Name, r => r.TrafficWeight, StringComparer.Ordinal),
            TriggerTerms(c.Recovery));
    }

    /// <summary>
    /// What starting the failover runbook costs: automatic = the alarm's event reaching SSM; approval and manual =
    /// a person answering the page (recovery.humanResponseSeconds, seed P0: 5 min) on top.
    /// </summary>
    public static IReadOnlyList<BudgetTerm> TriggerTerms(RecoveryConfig? rc) => rc switch
    {
        null => [],
        { Trigger: RecoveryTrigger.Automatic } =>
            [new BudgetTerm("alarm starts the runbook (automatic)", AwsLimits.EventDelivery.Seconds, AwsLimits.EventDelivery.Source, true)],
        { Trigger: RecoveryTrigger.Approval } =>
        [
            new BudgetTerm("alarm starts the runbook", AwsLimits.EventDelivery.Seconds, AwsLimits.EventDelivery.Source, true),
            new BudgetTerm("approver responds (approval)", rc.HumanResponseSeconds, "recovery.humanResponseSeconds (seed: P0 5 min response)"),
        ],
        _ => [new BudgetTerm("operator starts the runbook (manual)", rc.HumanResponseSeconds, "recovery.humanResponseSeconds (seed: P0 5 min response)")],
    };
}
