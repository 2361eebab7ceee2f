namespace MultiRegion.Infra.Model.Config;

/// <summary>ElastiCache engines that support Global Datastores.</summary>
public enum CacheEngine
{
    Redis,
    Valkey,
}

/// <summary>
/// One ElastiCache Global Datastore: a primary replication group in the primary region, secondaries in up to two
/// other regions, replicated one way (primary to secondaries, asynchronously). Node type, shard count and replicas
/// per shard come from each region's sizing tier <c>cache</c>; AWS requires one node type and shard count for all.
/// </summary>
/// <param name="EngineVersion">
/// Engine version, e.g. <c>7.1</c>; one for every member. A change on an existing Global Datastore needs
/// <paramref name="CreatedWith"/> (see there).
/// </param>
/// <param name="EvictionPolicy">Redis <c>maxmemory-policy</c>, e.g. <c>allkeys-lru</c>; set through the parameter group.</param>
/// <param name="SnapshotRetentionDays">Daily snapshots of the primary kept this many days (0-35; 0 turns them off).</param>
/// <param name="Parameters">Extra parameters of the cache parameter group.</param>
/// <param name="AuthTokenRotationDays">
/// Rotate the AUTH token every this many days (1-1000, Secrets Manager's schedule range). 30 by default: the
/// same monthly cadence as a typical password policy; each rotation keeps the previous token valid until the next
/// one, so clients have a whole interval to re-read the secret.
/// </param>
/// <param name="CreatedWith">
/// What the existing primary member was created with, once node type, engine version, eviction policy or
/// parameters change on a deployed Global Datastore; null for a new environment or while nothing changed.
/// </param>
public sealed record CacheConfig(
    string EngineVersion,
    string EvictionPolicy,
    CacheEngine Engine = CacheEngine.Redis,
    int SnapshotRetentionDays = 7,
    IReadOnlyDictionary<string, string>? Parameters = null,
    int AuthTokenRotationDays = 30,
    CacheCreatedWith? CreatedWith = null)
{
    public static readonly IReadOnlyList<string> EvictionPolicies =
    [
        "volatile-lru", "allkeys-lru", "volatile-lfu", "allkeys-lfu",
        "volatile-random", "allkeys-random", "volatile-ttl", "noeviction",
    ];

    public string EngineName => Engine.ToString().ToLowerInvariant();

    public string MajorVersion => EngineVersion.Split('.')[0];

    /// <summary>Cache parameter group family, e.g. <c>redis7</c> or <c>valkey8</c>.</summary>
    public string ParameterGroupFamily => FamilyOf(EngineVersion);

    /// <summary>The engine version the primary member keeps in its template (what it was created with).</summary>
    public string CreatedEngineVersion => CreatedWith?.EngineVersion ?? EngineVersion;

    public string CreatedEvictionPolicy => CreatedWith?.EvictionPolicy ?? EvictionPolicy;

    public IReadOnlyDictionary<string, string>? CreatedParameters => CreatedWith?.Parameters ?? Parameters;

    public string CreatedParameterGroupFamily => FamilyOf(CreatedEngineVersion);

    /// <summary>The node type the members keep in their template, given the current one from the sizing tier.</summary>
    public string CreatedNodeType(string current) => CreatedWith?.NodeType ?? current;

    private string FamilyOf(string version) => $"{EngineName}{version.Split('.')[0]}";
}
