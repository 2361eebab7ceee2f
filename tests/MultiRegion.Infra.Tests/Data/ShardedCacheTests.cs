using Amazon.CDK.Assertions;
using MultiRegion.Infra.Model.Loading;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Data;

/// <summary>A dev variant with two shards per member (cluster mode enabled), synthesized once for this class.</summary>
public sealed class ShardedCacheTests
{
    private static readonly SynthesizedPlatform Sharded = SynthesizedPlatform.Of(ConfigLoader.Parse(
        File.ReadAllText(Path.Combine(RepoPaths.Stacks, "dev.yaml"))
            .Replace("cache: { nodeType: cache.m6g.large, replicasPerShard: 1 }", "cache: { nodeType: cache.m6g.large, replicasPerShard: 1, shards: 2 }", StringComparison.Ordinal),
        "dev-sharded.yaml"));

    private static Dictionary<string, object> Props(params (string Key, object Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value);

    [Fact]
    public void The_primary_sets_the_shard_count_and_cluster_mode()
    {
        var t = Sharded.Regional("us-west-2");
        t.HasResourceProperties("AWS::ElastiCache::ReplicationGroup", Props(("NumNodeGroups", 2), ("ReplicasPerNodeGroup", 1), ("NumCacheClusters", Match.Absent())));
        t.HasResourceProperties("AWS::ElastiCache::ParameterGroup", Props(("Properties", Match.ObjectLike(Props(("cluster-enabled", "yes"))))));
    }

    [Fact]
    public void A_secondary_takes_the_shard_count_from_the_global_datastore()
    {
        Sharded.Regional("us-east-1").HasResourceProperties("AWS::ElastiCache::ReplicationGroup", Props(
            ("ReplicasPerNodeGroup", 1),
            ("NumNodeGroups", Match.Absent()),
            ("GlobalReplicationGroupId", Match.AnyValue())));
    }
}
