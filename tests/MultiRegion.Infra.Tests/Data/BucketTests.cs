using System.Text.Json;
using Amazon.CDK.Assertions;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Data;

public sealed class BucketTests
{
    private static readonly SynthesizedPlatform Prod = SynthesizedPlatform.Shipped("prod");

    private static Dictionary<string, object> Props(params (string Key, object Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value);

    private static JsonElement SourceBucket(string name) =>
        TemplateJson.Of(Prod, Prod.Platform.Regional["us-west-2"]).OfType("AWS::S3::Bucket")
            .Single(b => TemplateJson.Str(b.Resource, "BucketName") == $"mlops-prod-{name}-us-west-2-111111111111").Resource;

    /// <summary>(destination bucket, storage class, RTC minutes or 0) of each replication rule.</summary>
    private static List<(string Bucket, string StorageClass, int Rtc)> Rules(string name) =>
        TemplateJson.Prop(SourceBucket(name), "ReplicationConfiguration")!.Value.GetProperty("Rules").EnumerateArray()
            .Select(r =>
            {
                var d = r.GetProperty("Destination");
                var bucket = d.GetProperty("Bucket").GetRawText();
                var rtc = d.TryGetProperty("ReplicationTime", out var t) ? t.GetProperty("Time").GetProperty("Minutes").GetInt32() : 0;
                var metrics = d.TryGetProperty("Metrics", out var m) ? m.GetProperty("EventThreshold").GetProperty("Minutes").GetInt32() : 0;
                Assert.Equal(rtc, metrics); // RTC requires metrics with the same 15 minutes
                Assert.Equal("Disabled", r.GetProperty("DeleteMarkerReplication").GetProperty("Status").GetString());
                return (bucket[(bucket.IndexOf(":s3:::", StringComparison.Ordinal) + 6)..bucket.LastIndexOf('"')], d.GetProperty("StorageClass").GetString()!, rtc);
            })
            .ToList();

    [Fact]
    public void Data_replicates_to_us_east_1_as_standard_ia_and_eu_west_1_as_glacier()
    {
        Assert.Equal(
            [("mlops-prod-data-us-east-1-111111111111", "STANDARD_IA", 15), ("mlops-prod-data-eu-west-1-111111111111", "GLACIER", 15)],
            Rules("data"));
    }

    [Fact]
    public void Models_and_artifacts_replicate_as_the_seed_asks()
    {
        Assert.Equal(
            [("mlops-prod-models-us-east-1-111111111111", "STANDARD", 15), ("mlops-prod-models-eu-west-1-111111111111", "STANDARD_IA", 15)],
            Rules("models"));
        Assert.Equal([("mlops-prod-artifacts-us-east-1-111111111111", "STANDARD", 15)], Rules("artifacts"));
    }

    [Fact]
    public void Without_an_rpo_replication_has_no_time_control()
    {
        var dev = SynthesizedPlatform.Shipped("dev");
        var bucket = TemplateJson.Of(dev, dev.Platform.Regional["us-west-2"]).OfType("AWS::S3::Bucket")
            .Single(b => TemplateJson.Prop(b.Resource, "ReplicationConfiguration") is not null).Resource;
        var destination = TemplateJson.Prop(bucket, "ReplicationConfiguration")!.Value.GetProperty("Rules")[0].GetProperty("Destination");
        Assert.False(destination.TryGetProperty("ReplicationTime", out _));
        Assert.False(destination.TryGetProperty("Metrics", out _));
    }

    [Theory]
    [InlineData("data", new[] { 30, 90, 365 }, new[] { "STANDARD_IA", "GLACIER", "DEEP_ARCHIVE" })]
    [InlineData("models", new[] { 90 }, new[] { "STANDARD_IA" })]
    [InlineData("artifacts", new[] { 30 }, new[] { "STANDARD_IA" })]
    public void Lifecycle_follows_the_config(string name, int[] days, string[] classes)
    {
        var rules = TemplateJson.Prop(SourceBucket(name), "LifecycleConfiguration")!.Value.GetProperty("Rules").EnumerateArray().ToList();
        var transitions = rules.Single(r => r.TryGetProperty("Transitions", out _)).GetProperty("Transitions").EnumerateArray()
            .Select(t => (t.GetProperty("TransitionInDays").GetInt32(), t.GetProperty("StorageClass").GetString()!)).ToList();
        Assert.Equal(days.Zip(classes).ToList(), transitions);
    }

    [Fact]
    public void Buckets_are_versioned_kms_encrypted_private_and_tls_only()
    {
        var t = Prod.Regional("us-west-2");
        // The 3 data buckets and the audit trail's; the access-log bucket is SSE-S3, as ALB logs require (AuditTests).
        t.ResourcePropertiesCountIs("AWS::S3::Bucket", Props(
            ("VersioningConfiguration", Props(("Status", "Enabled"))),
            ("BucketEncryption", Props(("ServerSideEncryptionConfiguration", new object[]
            {
                Match.ObjectLike(Props(("ServerSideEncryptionByDefault", Match.ObjectLike(Props(("SSEAlgorithm", "aws:kms")))))),
            }))),
            ("PublicAccessBlockConfiguration", Props(("BlockPublicAcls", true), ("BlockPublicPolicy", true), ("IgnorePublicAcls", true), ("RestrictPublicBuckets", true)))), 4);
        t.ResourcePropertiesCountIs("AWS::S3::BucketPolicy", Props(("PolicyDocument", Props(("Statement", Match.ArrayWith(new object[]
        {
            Match.ObjectLike(Props(("Effect", "Deny"), ("Condition", Props(("Bool", Props(("aws:SecureTransport", "false"))))))),
            Match.ObjectLike(Props(("Effect", "Deny"), ("Condition", Props(("NumericLessThan", Props(("s3:TlsVersion", "1.2"))))))),
        })), ("Version", Match.AnyValue())))), 3);
    }

    [Fact]
    public void Replica_buckets_live_in_their_regions_with_their_own_key()
    {
        var east = Prod.TemplateOf(Prod.Platform.Data.ReplicaStacks["us-east-1"]);
        east.ResourceCountIs("AWS::S3::Bucket", 3);
        east.ResourceCountIs("AWS::KMS::Key", 1);
        east.HasResourceProperties("AWS::KMS::Alias", Props(("AliasName", "alias/mlops-prod/replicas")));
        east.AllResourcesProperties("AWS::S3::Bucket", Props(("VersioningConfiguration", Props(("Status", "Enabled")))));
        var eu = Prod.TemplateOf(Prod.Platform.Data.ReplicaStacks["eu-west-1"]);
        eu.ResourceCountIs("AWS::S3::Bucket", 2); // artifacts are not replicated to eu-west-1
        Assert.Equal("eu-west-1", Prod.Platform.Data.ReplicaStacks["eu-west-1"].Region);
        foreach (var replicas in Prod.Platform.Data.ReplicaStacks.Values)
            Assert.Contains(replicas, Prod.Platform.Regional["us-west-2"].Dependencies);
    }

    [Fact]
    public void The_replication_role_only_reads_its_source_and_writes_its_replicas()
    {
        var policies = TemplateJson.Of(Prod, Prod.Platform.Regional["us-west-2"]).OfType("AWS::IAM::Policy")
            .Where(p => p.LogicalId.StartsWith("DataArtifactsReplication", StringComparison.Ordinal)).ToList();
        var text = Assert.Single(policies).Resource.GetRawText();
        Assert.DoesNotContain("\"s3:*\"", text);
        Assert.DoesNotContain("\"kms:*\"", text);
        Assert.Contains("mlops-prod-artifacts-us-east-1-111111111111/*", text);
        Assert.DoesNotContain("mlops-prod-data-", text);
        Assert.Contains("alias/mlops-prod/replicas", text);
    }
}
