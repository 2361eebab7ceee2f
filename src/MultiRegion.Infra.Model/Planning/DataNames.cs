using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning;

/// <summary>
/// Physical names of the data tier. Stateful resources get fixed names on purpose: CloudFormation cannot replace
/// a named resource without an explicit rename, so a refactor cannot silently recreate (and empty) a store.
/// Names other stacks need (replica buckets, the copy vault, KMS aliases) are derived here instead of being
/// passed as references, so stacks in different regions can be deployed in dependency order without lookups.
/// </summary>
public static class DataNames
{
    /// <summary>S3 bucket of <paramref name="bucket"/> in <paramref name="region"/> (the source in the primary region, else a replica).</summary>
    public static string Bucket(StackConfig c, string bucket, string region) => $"{c.Prefix}-{bucket}-{region}-{c.Account}";

    /// <summary>Aurora global cluster identifier.</summary>
    public static string GlobalDatabase(StackConfig c) => $"{c.Prefix}-global-db";

    /// <summary>Aurora cluster identifier of a region's member.</summary>
    public static string DatabaseCluster(StackConfig c, string region) => $"{c.Prefix}-db-{region}";

    /// <summary>ElastiCache replication group id of a cache's member (one per region; ids are regional).</summary>
    public static string ReplicationGroup(StackConfig c, string cache) => $"{c.Prefix}-{cache}";

    /// <summary>Suffix of a Global Datastore's id; AWS prefixes it with a region-specific code.</summary>
    public static string GlobalDatastoreSuffix(StackConfig c, string cache) => $"{c.Prefix}-{cache}";

    /// <summary>KMS alias of a regional stack's data key.</summary>
    public static string DataKeyAlias(StackConfig c) => $"alias/{c.Prefix}/data";

    /// <summary>KMS alias of the key that encrypts a region's bucket replicas.</summary>
    public static string ReplicaKeyAlias(StackConfig c) => $"alias/{c.Prefix}/replicas";

    /// <summary>KMS alias of the backup region's vault key.</summary>
    public static string BackupKeyAlias(StackConfig c) => $"alias/{c.Prefix}/backup-copies";

    /// <summary>Backup vault in the primary region.</summary>
    public static string PrimaryVault(StackConfig c) => $"{c.Prefix}-backups";

    /// <summary>Backup vault in the backup region that receives the copies.</summary>
    public static string CopyVault(StackConfig c) => $"{c.Prefix}-backup-copies";

    public static string ReplicaStackName(StackConfig c, string region) => $"{c.Prefix}-{region}-replicas";

    public static string BackupStackName(StackConfig c) => $"{c.Prefix}-backup";
}
