using System.Text.Json;
using Amazon.CDK.Assertions;
using MultiRegion.Infra.Model.Planning;
using MultiRegion.Infra.Tests.Data;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Audit;

/// <summary>The audit trail, access logs, load balancer protection and GuardDuty of the shipped configs.</summary>
public sealed class AuditTests
{
    private static readonly SynthesizedPlatform Prod = SynthesizedPlatform.Shipped("prod");

    private static Dictionary<string, object> Props(params (string Key, object Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value);

    private static TemplateJson Json(SynthesizedPlatform p, string region) => TemplateJson.Of(p, p.Platform.Regional[region]);

    [Fact]
    public void Prod_has_exactly_one_trail_multi_region_with_validation_in_the_primary_region()
    {
        var trails = Prod.Platform.Stacks.SelectMany(s => TemplateJson.Of(Prod, s.Stack).OfType("AWS::CloudTrail::Trail")).ToList();
        var trail = Assert.Single(trails).Resource;
        Prod.Regional("us-west-2").HasResourceProperties("AWS::CloudTrail::Trail", Props(
            ("TrailName", "mlops-prod-audit"),
            ("IsLogging", true),
            ("IsMultiRegionTrail", true),
            ("IncludeGlobalServiceEvents", true),
            ("EnableLogFileValidation", true),
            ("KMSKeyId", Match.AnyValue())));
        var selector = TemplateJson.Prop(trail, "EventSelectors")!.Value[0];
        Assert.True(selector.GetProperty("IncludeManagementEvents").GetBoolean());
        Assert.Equal("All", selector.GetProperty("ReadWriteType").GetString());
    }

    [Fact]
    public void The_trail_records_data_events_of_every_data_bucket_and_replica()
    {
        var trail = Json(Prod, "us-west-2").OfType("AWS::CloudTrail::Trail").Single().Resource;
        var resource = TemplateJson.Prop(trail, "EventSelectors")!.Value[0].GetProperty("DataResources")[0];
        Assert.Equal("AWS::S3::Object", resource.GetProperty("Type").GetString());
        var values = resource.GetProperty("Values").GetRawText();
        var expected = AuditNames.DataEventBuckets(Prod.Config);
        Assert.Equal(8, expected.Count);
        Assert.All(expected, bucket => Assert.Contains($":s3:::{bucket}/", values));
    }

    [Fact]
    public void The_trail_bucket_is_kms_encrypted_versioned_access_logged_and_object_locked_in_prod()
    {
        var t = Json(Prod, "us-west-2");
        var (id, bucket) = t.OfType("AWS::S3::Bucket").Single(b => TemplateJson.Prop(b.Resource, "ObjectLockEnabled") is not null);
        Assert.Equal("RetainExceptOnCreate", bucket.GetProperty("DeletionPolicy").GetString());
        Assert.Equal("Enabled", TemplateJson.Prop(bucket, "VersioningConfiguration")!.Value.GetProperty("Status").GetString());
        Assert.Equal("aws:kms", TemplateJson.Prop(bucket, "BucketEncryption")!.Value.GetProperty("ServerSideEncryptionConfiguration")[0]
            .GetProperty("ServerSideEncryptionByDefault").GetProperty("SSEAlgorithm").GetString());
        var retention = TemplateJson.Prop(bucket, "ObjectLockConfiguration")!.Value.GetProperty("Rule").GetProperty("DefaultRetention");
        Assert.Equal("GOVERNANCE", retention.GetProperty("Mode").GetString());
        Assert.Equal(365, retention.GetProperty("Days").GetInt32());
        Assert.Equal("s3-access/audit/", TemplateJson.Prop(bucket, "LoggingConfiguration")!.Value.GetProperty("LogFilePrefix").GetString());

        // CloudTrail may write only under AWSLogs/<account>/ and only for this trail; nobody may bypass the lock.
        var policy = t.OfType("AWS::S3::BucketPolicy").Single(p => TemplateJson.Prop(p.Resource, "Bucket")!.Value.GetRawText().Contains(id)).Resource;
        var statements = TemplateJson.Prop(policy, "PolicyDocument")!.Value.GetProperty("Statement").EnumerateArray().ToList();
        var write = statements.Single(s => s.TryGetProperty("Sid", out var sid) && sid.GetString() == "AWSCloudTrailWrite");
        Assert.Contains("aws:SourceArn", write.GetProperty("Condition").GetProperty("StringEquals").GetRawText());
        Assert.Contains(":trail/mlops-prod-audit", write.GetProperty("Condition").GetProperty("StringEquals").GetRawText());
        var deny = statements.Single(s => s.TryGetProperty("Sid", out var sid) && sid.GetString() == "DenyObjectLockBypass");
        Assert.Equal("Deny", deny.GetProperty("Effect").GetString());
        Assert.Contains("s3:BypassGovernanceRetention", deny.GetProperty("Action").GetRawText());
    }

    [Fact]
    public void The_trail_key_lets_cloudtrail_encrypt_only_for_this_trail()
    {
        var keys = Json(Prod, "us-west-2").OfType("AWS::KMS::Key").Select(k => k.Resource.GetRawText()).ToList();
        var key = Assert.Single(keys, k => k.Contains("cloudtrail.amazonaws.com"));
        Assert.Contains("kms:EncryptionContext:aws:cloudtrail:arn", key);
        Assert.Contains("\"EnableKeyRotation\": true", key);
    }

    [Theory]
    [InlineData("us-west-2")]
    [InlineData("us-east-1")]
    [InlineData("eu-west-1")]
    public void Prod_load_balancers_log_access_and_are_deletion_protected(string region)
    {
        var attributes = Json(Prod, region).OfType("AWS::ElasticLoadBalancingV2::LoadBalancer").Single().Resource;
        var pairs = TemplateJson.Prop(attributes, "LoadBalancerAttributes")!.Value.EnumerateArray()
            .ToDictionary(a => a.GetProperty("Key").GetString()!, a => a.GetProperty("Value"));
        Assert.Equal("true", pairs["deletion_protection.enabled"].GetString());
        Assert.Equal("true", pairs["access_logs.s3.enabled"].GetString());
        Assert.Equal(JsonValueKind.Object, pairs["access_logs.s3.bucket"].ValueKind); // a Ref to the region's log bucket
    }

    [Fact]
    public void Alb_log_delivery_is_granted_in_the_log_bucket_policy_of_each_region()
    {
        foreach (var region in new[] { "us-west-2", "eu-west-1" })
        {
            var policies = Json(Prod, region).OfType("AWS::S3::BucketPolicy").Select(p => p.Resource.GetRawText()).ToList();
            Assert.Contains(policies, p => p.Contains("/alb/AWSLogs/"));
        }
    }

    [Fact]
    public void Dev_load_balancers_can_be_deleted()
    {
        var dev = SynthesizedPlatform.Shipped("dev");
        dev.Regional("us-west-2").HasResourceProperties("AWS::ElasticLoadBalancingV2::LoadBalancer", Props(
            ("LoadBalancerAttributes", Match.ArrayWith(new object[] { Props(("Key", "deletion_protection.enabled"), ("Value", "false")) }))));
        dev.Regional("us-west-2").ResourceCountIs("AWS::GuardDuty::Detector", 0);
    }

    [Theory]
    [InlineData("us-west-2")]
    [InlineData("us-east-1")]
    [InlineData("eu-west-1")]
    public void GuardDuty_high_and_critical_findings_have_a_rule_in_every_prod_region_and_no_topic_of_their_own(string region)
    {
        var t = Prod.Regional(region);
        t.HasResourceProperties("AWS::GuardDuty::Detector", Props(("Enable", true), ("Features", Match.ArrayWith(new object[]
        {
            Props(("Name", "S3_DATA_EVENTS"), ("Status", "ENABLED")),
            Props(("Name", "EKS_AUDIT_LOGS"), ("Status", "ENABLED")),
        }))));
        t.HasResourceProperties("AWS::Events::Rule", Props(("EventPattern", Props(
            ("source", new[] { "aws.guardduty" }),
            ("detail-type", new[] { "GuardDuty Finding" }),
            ("detail", Props(("severity", new object[] { Props(("numeric", new object[] { ">=", 7 })) })))))));
        // The retired security.p0Email channel: its topic is gone (the rule's target is the securityFindings severity
        // topic, AlertingTemplateTests); only its key stays, for the stateful lock.
        var topics = Json(Prod, region).OfType("AWS::SNS::Topic").Select(x => x.Resource.GetRawText()).ToList();
        Assert.DoesNotContain(topics, x => x.Contains("p0-security"));
        Assert.Contains(Json(Prod, region).OfType("AWS::KMS::Key"), k => k.LogicalId.StartsWith("AuditThreatDetectionTopicKey", StringComparison.Ordinal));
        // EventBridge must be able to use the severity topics' key, or publishing fails silently.
        var keys = Json(Prod, region).OfType("AWS::KMS::Key").Select(k => k.Resource.GetRawText()).ToList();
        Assert.Contains(keys, k => k.Contains("events.amazonaws.com"));
    }
}
