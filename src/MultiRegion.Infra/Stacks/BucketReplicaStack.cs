using Amazon.CDK;
using Constructs;
using MultiRegion.Infra.Composition;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning;
using MultiRegion.Infra.Regional.Data;
using MultiRegion.Infra.Regional.Data.Storage;

namespace MultiRegion.Infra.Stacks;

/// <summary>
/// The replica buckets one region receives, with their own KMS key. A stack of its own because S3 checks that
/// a replication destination exists (and is versioned) when the source's replication is configured, so these
/// deploy before the primary region's stack, while the region's own stack deploys after it (Aurora and cache
/// secondaries need their primaries first).
/// </summary>
public sealed class BucketReplicaStack : Stack
{
    public DataKey Key { get; }
    public IReadOnlyDictionary<string, SecureBucket> Buckets { get; }

    public BucketReplicaStack(Construct scope, StackConfig config, StackSpec spec)
        : base(scope, spec.Name, PlatformStackProps.For(config, spec, $"bucket replicas in {spec.Region}"))
    {
        PlatformStackProps.Tag(this, config, spec);
        Key = new DataKey(this, "ReplicaKey", DataNames.ReplicaKeyAlias(config), $"{config.Prefix} bucket replicas in {spec.Region}", config.ProtectData);
        var buckets = new Dictionary<string, SecureBucket>(StringComparer.Ordinal);
        foreach (var (name, bucket) in config.Data!.EffectiveBuckets)
        {
            if (!bucket.EffectiveReplicas.Any(r => r.Region == spec.Region)) continue;
            // Same lifecycle as the source, so a replica ages like the original (transitions to a warmer class than
            // the replica's own are ignored by S3).
            buckets[name] = new SecureBucket(this, $"{DataIds.Pascal(name)}Bucket",
                new SecureBucketProps(DataNames.Bucket(config, name, spec.Region), Key.Key, bucket, config.ProtectData));
        }
        Buckets = buckets;
    }
}
