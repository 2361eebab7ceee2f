namespace MultiRegion.Infra.Model.Config;

/// <summary>
/// Capacity of one kind of region, declared once and used by every region whose role (or <c>sizing</c>) names it.
/// </summary>
/// <param name="NodeGroups">Kubernetes node tiers by name (e.g. cpu, memory, gpu).</param>
/// <param name="SpotPercent">Share of each node tier's capacity run on spot, 0-100.</param>
/// <param name="Database">Aurora instance sizing; required when the config has a database.</param>
/// <param name="Cache">ElastiCache sizing; required when the config has a cache.</param>
public sealed record SizingTier(
    IReadOnlyDictionary<string, NodeGroupSizing> NodeGroups,
    int SpotPercent,
    DatabaseSizing? Database = null,
    CacheSizing? Cache = null);

/// <summary>Bounds and instance types of one node tier. Desired size is only the initial size (see README).</summary>
/// <param name="InstanceTypes">Instance types; on-demand uses the first, spot the whole list (diversified).</param>
/// <param name="Gpu">GPU tier: nodes get the <c>nvidia.com/gpu=true:NoSchedule</c> taint and a GPU label.</param>
/// <param name="ScaleDownUtilization">Cluster Autoscaler scale-down utilization threshold for this tier (0-1).</param>
public sealed record NodeGroupSizing(
    IReadOnlyList<string> InstanceTypes,
    int MinSize,
    int DesiredSize,
    int MaxSize,
    bool Gpu = false,
    double? ScaleDownUtilization = null);

/// <summary>Aurora instance class and reader count for a region.</summary>
public sealed record DatabaseSizing(
    string InstanceClass,
    int ReadReplicas);

/// <summary>ElastiCache node type and replicas per shard for a region. A Global Datastore needs one node type everywhere.</summary>
/// <param name="Shards">Node groups (shards); 1 is cluster mode disabled. A Global Datastore needs one shard count everywhere.</param>
public sealed record CacheSizing(
    string NodeType,
    int ReplicasPerShard,
    int Shards = 1);
