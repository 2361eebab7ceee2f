namespace MultiRegion.Infra.Model.Config;

/// <summary>
/// The <c>data</c> section of a stack config: which data stores exist and how they replicate. Every part is
/// optional, so a platform has only the stores its config names (the video chat has a cache and nothing else).
/// Sizes (instance classes, node types, replica counts) come from each region's sizing tier.
/// </summary>
/// <param name="Database">Aurora PostgreSQL Global Database; none when absent.</param>
/// <param name="Caches">ElastiCache Global Datastores by name (one per eviction policy); none when absent.</param>
/// <param name="Buckets">S3 buckets in the primary region by short name, with their replicas and lifecycle.</param>
/// <param name="Backup">AWS Backup plan with a copy to a vault in another region.</param>
/// <param name="Regions">Regions that hold members of the database and the caches (the primary region must be one).
/// The others run compute only and read from the nearest of these (<see cref="Planning.DataReadPlanner"/>). Absent:
/// every region, which a Global Datastore (1 primary + 2 secondaries) caps at three.</param>
public sealed record DataConfig(
    DatabaseConfig? Database = null,
    IReadOnlyDictionary<string, CacheConfig>? Caches = null,
    IReadOnlyDictionary<string, BucketConfig>? Buckets = null,
    BackupConfig? Backup = null,
    IReadOnlyList<string>? Regions = null)
{
    /// <summary>The regions holding database and cache members, in config order.</summary>
    public IReadOnlyList<RegionConfig> MemberRegions(IReadOnlyList<RegionConfig> all) =>
        Regions is null ? all : all.Where(r => Regions.Contains(r.Name)).ToList();

    public IReadOnlyDictionary<string, CacheConfig> EffectiveCaches => Caches ?? new Dictionary<string, CacheConfig>();

    public IReadOnlyDictionary<string, BucketConfig> EffectiveBuckets => Buckets ?? new Dictionary<string, BucketConfig>();

    /// <summary>Regions that receive bucket replicas, in order of first mention.</summary>
    public IReadOnlyList<string> ReplicaRegions =>
        EffectiveBuckets.Values.SelectMany(b => b.EffectiveReplicas).Select(r => r.Region).Distinct().ToList();
}
