using Amazon.CDK.Assertions;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Data;

public sealed class CacheTests
{
    private static readonly SynthesizedPlatform Prod = SynthesizedPlatform.Shipped("prod");

    private static Dictionary<string, object> Props(params (string Key, object Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value);

    [Theory]
    [InlineData("models", "allkeys-lru")]
    [InlineData("features", "allkeys-lfu")]
    public void Each_cache_is_a_global_datastore_with_its_eviction_policy(string cache, string policy)
    {
        var t = Prod.Regional("us-west-2");
        t.HasResourceProperties("AWS::ElastiCache::GlobalReplicationGroup", Props(
            ("GlobalReplicationGroupIdSuffix", $"mlops-prod-{cache}"),
            ("CacheNodeType", "cache.r6g.4xlarge"),
            ("EngineVersion", "7.1"),
            ("AutomaticFailoverEnabled", true),
            ("Members", new object[] { Match.ObjectLike(Props(("ReplicationGroupRegion", "us-west-2"), ("Role", "PRIMARY"))) })));
        t.HasResourceProperties("AWS::ElastiCache::ParameterGroup", Props(
            ("CacheParameterGroupFamily", "redis7"),
            ("Properties", Props(("maxmemory-policy", policy)))));
    }

    [Fact]
    public void The_primary_member_is_multi_az_encrypted_with_an_auth_token_from_secrets_manager()
    {
        Prod.Regional("us-west-2").HasResourceProperties("AWS::ElastiCache::ReplicationGroup", Props(
            ("ReplicationGroupId", "mlops-prod-models"),
            ("CacheNodeType", "cache.r6g.4xlarge"),
            ("NumCacheClusters", 6),
            ("MultiAZEnabled", true),
            ("AutomaticFailoverEnabled", true),
            ("AtRestEncryptionEnabled", true),
            ("TransitEncryptionEnabled", true),
            ("KmsKeyId", Match.AnyValue()),
            ("AuthToken", Props(("Fn::Join", new object[] { "", Match.ArrayWith(new object[] { "{{resolve:secretsmanager:" }) })))));
    }

    [Theory]
    [InlineData("us-east-1", 3)]
    [InlineData("eu-west-1", 2)]
    public void Secondaries_join_each_global_datastore_by_cross_region_reference(string region, int nodes)
    {
        var t = Prod.Regional(region);
        t.ResourceCountIs("AWS::ElastiCache::GlobalReplicationGroup", 0);
        // The id AWS assigns (prefix + suffix) comes from the primary's stack through CDK's cross-region export reader.
        t.ResourcePropertiesCountIs("AWS::ElastiCache::ReplicationGroup", Props(
            ("GlobalReplicationGroupId", Props(("Fn::GetAtt", Match.ArrayWith(new object[] { Match.StringLikeRegexp("ExportsReader") })))),
            ("NumCacheClusters", nodes),
            ("MultiAZEnabled", true),
            ("AutomaticFailoverEnabled", true)), 2);
        t.ResourcePropertiesCountIs("AWS::ElastiCache::ReplicationGroup", Props(("CacheNodeType", Match.AnyValue())), 0);
    }

    [Fact]
    public void Videochat_has_one_state_datastore_across_its_three_regions()
    {
        var video = SynthesizedPlatform.Shipped("videochat");
        video.Regional("us-west-2").ResourceCountIs("AWS::ElastiCache::GlobalReplicationGroup", 1);
        video.Regional("us-west-2").HasResourceProperties("AWS::ElastiCache::ParameterGroup", Props(("Properties", Props(("maxmemory-policy", "volatile-lru")))));
        video.Regional("ap-southeast-1").ResourceCountIs("AWS::ElastiCache::ReplicationGroup", 1);
        // No data bucket (they have fixed names); the region's access-log bucket is unnamed.
        video.Regional("ap-southeast-1").ResourcePropertiesCountIs("AWS::S3::Bucket", Props(("BucketName", Match.AnyValue())), 0);
    }
}
