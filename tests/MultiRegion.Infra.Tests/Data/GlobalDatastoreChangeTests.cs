using Amazon.CDK.Assertions;
using MultiRegion.Infra.Model.Loading;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Data;

/// <summary>
/// A dev variant whose Global Datastore was created on older settings (createdWith) and is being moved to the
/// configured ones: node type, engine version and eviction policy change only on the Global Datastore resource,
/// never on the member (ElastiCache refuses those changes through a member). Synthesized once for this class.
/// </summary>
public sealed class GlobalDatastoreChangeTests
{
    private static readonly SynthesizedPlatform Changed = SynthesizedPlatform.Of(ConfigLoader.Parse(
        File.ReadAllText(Path.Combine(RepoPaths.Stacks, "dev.yaml")).Replace(
            "models: { engineVersion: \"7.1\", evictionPolicy: allkeys-lru, snapshotRetentionDays: 0 }",
            "models: { engineVersion: \"7.1\", evictionPolicy: allkeys-lfu, snapshotRetentionDays: 0, createdWith: { nodeType: cache.m5.large, engineVersion: \"6.2\", evictionPolicy: allkeys-lru } }",
            StringComparison.Ordinal),
        "dev-changed.yaml"));

    private static Dictionary<string, object> Props(params (string Key, object Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value);

    [Fact]
    public void The_member_keeps_what_it_was_created_with()
    {
        var t = Changed.Regional("us-west-2");
        t.HasResourceProperties("AWS::ElastiCache::ReplicationGroup", Props(
            ("CacheNodeType", "cache.m5.large"),
            ("EngineVersion", "6.2"),
            ("CacheParameterGroupName", Props(("Ref", Match.StringLikeRegexp("^DataModelsCacheParameters[0-9A-F]{8}$"))))));
        t.HasResourceProperties("AWS::ElastiCache::ParameterGroup", Props(
            ("CacheParameterGroupFamily", "redis6"), ("Properties", Props(("maxmemory-policy", "allkeys-lru")))));
    }

    [Fact]
    public void The_global_datastore_carries_the_configured_values_and_a_new_parameter_group()
    {
        var t = Changed.Regional("us-west-2");
        t.HasResourceProperties("AWS::ElastiCache::GlobalReplicationGroup", Props(
            ("CacheNodeType", "cache.m6g.large"),
            ("EngineVersion", "7.1"),
            ("CacheParameterGroupName", Props(("Ref", Match.StringLikeRegexp("^DataModelsCacheParameters[0-9A-F]{16}$"))))));
        t.HasResourceProperties("AWS::ElastiCache::ParameterGroup", Props(
            ("CacheParameterGroupFamily", "redis7"), ("Properties", Props(("maxmemory-policy", "allkeys-lfu")))));
        t.ResourceCountIs("AWS::ElastiCache::ParameterGroup", 2);
        Assert.Contains(Changed.Config.Warnings, w => w.Path == "data.caches.models.createdWith");
    }

    [Fact]
    public void Without_a_change_member_and_global_datastore_share_one_parameter_group()
    {
        var prod = TemplateJson.Of(SynthesizedPlatform.Shipped("prod"), SynthesizedPlatform.Shipped("prod").Platform.Regional["us-west-2"]);
        Assert.Equal(2, prod.OfType("AWS::ElastiCache::ParameterGroup").Count());
        foreach (var (_, gds) in prod.OfType("AWS::ElastiCache::GlobalReplicationGroup"))
        {
            var group = TemplateJson.Prop(gds, "CacheParameterGroupName")!.Value.GetProperty("Ref").GetString()!;
            Assert.Contains(prod.OfType("AWS::ElastiCache::ReplicationGroup"),
                m => TemplateJson.Prop(m.Resource, "CacheParameterGroupName") is { } p && p.GetProperty("Ref").GetString() == group);
        }
    }
}
