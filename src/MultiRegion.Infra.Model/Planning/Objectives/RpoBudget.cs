namespace MultiRegion.Infra.Model.Planning.Objectives;

/// <summary>What can be lost when a region is lost, per kind of store, from the settings that will be deployed.</summary>
public static class RpoBudget
{
    /// <summary>Aurora Global: the rds.global_db_rpo cap when set (a bound), else the typical lag (an estimate).</summary>
    public static Budget Aurora(int? globalDbRpoSeconds) => new([
        globalDbRpoSeconds is { } cap
            ? new BudgetTerm("Aurora rds.global_db_rpo cap", cap, "rds.global_db_rpo caps RPO (may block commits when secondaries lag)")
            : new BudgetTerm("Aurora replication lag", AwsLimits.AuroraReplicationLag.Seconds, AwsLimits.AuroraReplicationLag.Source, true),
    ]);

    /// <summary>Global Datastore: asynchronous, usually under a second.</summary>
    public static Budget GlobalDatastore() => new([
        new BudgetTerm("Global Datastore replication lag", AwsLimits.GlobalDatastoreReplicationLag.Seconds, AwsLimits.GlobalDatastoreReplicationLag.Source, true),
    ]);

    /// <summary>S3 replication: 15 minutes with Replication Time Control, no bound without it.</summary>
    public static Budget S3Replication(bool replicationTimeControl) => new([
        replicationTimeControl
            ? new BudgetTerm("S3 replication with RTC", AwsLimits.S3ReplicationTimeControl.Seconds, AwsLimits.S3ReplicationTimeControl.Source)
            : new BudgetTerm("S3 replication without RTC", double.PositiveInfinity, "S3 CRR without Replication Time Control has no time bound"),
    ]);

    /// <summary>Backups: everything since the last backup, so the schedule's interval.</summary>
    public static Budget Backup(double intervalSeconds) => new([
        new BudgetTerm("time between backups", intervalSeconds, "backup plan schedule"),
    ]);

    /// <summary>Not replicated at all: lost with the region.</summary>
    public static Budget NotReplicated(string store) => new([
        new BudgetTerm($"{store} is not replicated", double.PositiveInfinity, "no cross-region copy is configured"),
    ]);
}
