namespace MultiRegion.Infra.Model.Config;

/// <summary>
/// One S3 bucket in the primary region, always versioned, KMS-encrypted, private and TLS-only, with replicas in
/// other regions and a lifecycle.
/// </summary>
/// <param name="Replicas">Where the bucket replicates to, with the replica's storage class.</param>
/// <param name="RpoMinutes">
/// Recovery point objective of the replicas, in minutes. When set, replication uses Replication Time Control
/// with metrics (99.99% of objects within 15 minutes), so it must be at least 15. Null: replication without a
/// time bound.
/// </param>
/// <param name="Lifecycle">Storage class transitions of current versions, in increasing age.</param>
/// <param name="NoncurrentVersionExpirationDays">Delete overwritten or deleted versions after this many days; null keeps them.</param>
public sealed record BucketConfig(
    IReadOnlyList<BucketReplicaConfig>? Replicas = null,
    int? RpoMinutes = null,
    IReadOnlyList<LifecycleTransitionConfig>? Lifecycle = null,
    int? NoncurrentVersionExpirationDays = null)
{
    /// <summary>The only time value Replication Time Control and its metrics accept.</summary>
    public const int ReplicationTimeControlMinutes = 15;

    public IReadOnlyList<BucketReplicaConfig> EffectiveReplicas => Replicas ?? [];

    public IReadOnlyList<LifecycleTransitionConfig> EffectiveLifecycle => Lifecycle ?? [];

    /// <summary>Replication Time Control (and replication metrics) is on exactly when the config bounds the RPO.</summary>
    public bool ReplicationTimeControl => RpoMinutes is not null && EffectiveReplicas.Count > 0;
}

/// <summary>A replica of a bucket in another region.</summary>
/// <param name="Region">Destination region; the replica bucket is created there with its own KMS key.</param>
/// <param name="StorageClass">S3 storage class of the replicated objects, e.g. <c>STANDARD_IA</c>.</param>
public sealed record BucketReplicaConfig(string Region, string StorageClass = "STANDARD");

/// <summary>Objects move to <paramref name="StorageClass"/> when <paramref name="AfterDays"/> old.</summary>
public sealed record LifecycleTransitionConfig(int AfterDays, string StorageClass);

/// <summary>S3 storage classes, in the order lifecycle transitions may go (the S3 "waterfall").</summary>
public static class S3StorageClasses
{
    public const string Standard = "STANDARD";

    /// <summary>Classes a replication rule may write, coldest last.</summary>
    public static readonly IReadOnlyList<string> Replication =
        ["STANDARD", "STANDARD_IA", "INTELLIGENT_TIERING", "ONEZONE_IA", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"];

    /// <summary>Classes a lifecycle transition may target, in waterfall order.</summary>
    public static readonly IReadOnlyList<string> Transitions =
        ["STANDARD_IA", "INTELLIGENT_TIERING", "ONEZONE_IA", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE"];

    /// <summary>S3 keeps objects in STANDARD at least this long before an IA transition.</summary>
    public const int MinDaysBeforeInfrequentAccess = 30;

    /// <summary>Position in the transition waterfall; -1 when not a transition class.</summary>
    public static int Rank(string storageClass) => Transitions.ToList().IndexOf(storageClass);

    public static bool IsInfrequentAccess(string storageClass) => storageClass is "STANDARD_IA" or "ONEZONE_IA";
}
