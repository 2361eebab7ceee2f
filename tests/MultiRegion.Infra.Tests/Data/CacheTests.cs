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
        // The id AWS assigns (prefix + suffix) comes from the primary's stack through an SSM parameter read at deploy time.
        t.ResourcePropertiesCountIs("AWS::ElastiCache::ReplicationGroup", Props(
            ("GlobalReplicationGroupId", Props(("Fn::GetAtt", Match.ArrayWith(new object[] { Match.StringLikeRegexp("ReferencesRead.*GlobalDatastore") })))),
            ("NumCacheClusters", nodes),
            ("MultiAZEnabled", true),
            ("AutomaticFailoverEnabled", true)), 2);
        t.ResourcePropertiesCountIs("AWS::ElastiCache::ReplicationGroup", Props(("CacheNodeType", Match.AnyValue())), 0);
    }

    [Fact]
    public void Each_auth_token_rotates_on_the_configured_schedule_through_its_own_lambda()
    {
        var t = Prod.Regional("us-west-2");
        t.ResourcePropertiesCountIs("AWS::SecretsManager::RotationSchedule", Props(
            ("SecretId", Props(("Ref", Match.StringLikeRegexp("^Data(Models|Features)CacheAuthToken")))),
            ("RotationLambdaARN", Props(("Fn::GetAtt", Match.ArrayWith(new object[] { Match.StringLikeRegexp("AuthTokenRotationFunction") })))),
            ("RotationRules", Props(("AutomaticallyAfterDays", 30))),
            // Never during a deploy: the secondaries join the Global Datastore right after.
            ("RotateImmediatelyOnUpdate", false)), 2);
        t.HasResourceProperties("AWS::Lambda::Function", Props(
            ("Runtime", "python3.12"),
            ("Handler", "index.handler"),
            ("Environment", Props(("Variables", Props(
                ("REPLICATION_GROUP_ID", "mlops-prod-models"),
                ("GLOBAL_DATASTORE_ID", Props(("Ref", Match.StringLikeRegexp("^DataModelsCacheGlobalDatastore"))))))))));
        t.HasResourceProperties("AWS::Lambda::Permission", Props(
            ("Principal", "secretsmanager.amazonaws.com"), ("SourceAccount", "111111111111")));
        // Secondaries hold no rotation: the token is set on the primary member and the secret replicates.
        Prod.Regional("us-east-1").ResourceCountIs("AWS::SecretsManager::RotationSchedule", 0);
    }

    [Fact]
    public void The_rotation_lambda_can_touch_only_its_secret_key_and_cache()
    {
        var t = TemplateJson.Of(Prod, Prod.Platform.Regional["us-west-2"]);
        var policy = t.OfType("AWS::IAM::Policy").Single(p => p.LogicalId.StartsWith("DataModelsCacheAuthTokenRotation", StringComparison.Ordinal)).Resource;
        var statements = TemplateJson.Prop(policy, "PolicyDocument")!.Value.GetProperty("Statement").EnumerateArray().ToList();
        var wildcard = statements.Where(st => st.GetProperty("Resource").ValueKind == System.Text.Json.JsonValueKind.String && st.GetProperty("Resource").GetString() == "*")
            .Select(st => st.GetProperty("Action").ToString()).ToList();
        // Only GetRandomPassword, which has no resource to scope to.
        Assert.Equal(["secretsmanager:GetRandomPassword"], wildcard);
        var text = string.Join("\n", statements.Select(st => st.ToString()));
        Assert.Contains("\"Ref\":\"DataModelsCacheAuthToken", text.Replace(" ", ""));
        Assert.Contains(":replicationgroup:mlops-prod-models", text);
        Assert.Contains(":globalreplicationgroup:", text);
        var actions = statements.SelectMany(st => st.GetProperty("Action") is { ValueKind: System.Text.Json.JsonValueKind.Array } a
            ? a.EnumerateArray().Select(x => x.GetString()!) : [st.GetProperty("Action").GetString()!]).ToList();
        Assert.DoesNotContain(actions, a => a.EndsWith(":*", StringComparison.Ordinal));
        Assert.DoesNotContain("mlops-prod-features", text);
    }

    [Fact]
    public void The_rotation_handler_fits_inline_and_follows_rotate_then_set()
    {
        var source = MultiRegion.Infra.Regional.Data.Cache.AuthTokenRotation.Source;
        // CloudFormation's ZipFile limit for inline code.
        Assert.True(source.Length <= 4096, $"{source.Length} characters");
        foreach (var step in new[] { "'createSecret'", "'setSecret'", "'testSecret'", "'finishSecret'", "'ROTATE'", "'SET'", "AWSPREVIOUS" })
            Assert.Contains(step, source);
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
