using System.Text.Json;
using MultiRegion.Infra.Tests.Data;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Recovery;

/// <summary>The synthesized runbooks: where they live, what they run, what their roles may do, what starts them.</summary>
public sealed class RunbookTemplateTests
{
    private static readonly SynthesizedPlatform Prod = SynthesizedPlatform.Shipped("prod");

    private static TemplateJson Regional(SynthesizedPlatform p, string region) => TemplateJson.Of(p, p.Platform.Regional[region]);

    private static List<string> DocumentNames(TemplateJson t) =>
        t.OfType("AWS::SSM::Document").Select(d => TemplateJson.Str(d.Resource, "Name")!).OrderBy(n => n, StringComparer.Ordinal).ToList();

    [Theory]
    [InlineData("us-west-2", "eu-west-1", "us-east-1")]
    [InlineData("us-east-1", "eu-west-1", "us-west-2")]
    [InlineData("eu-west-1", "us-east-1", "us-west-2")]
    public void A_region_hosts_the_runbooks_of_the_other_regions_only(string region, string a, string b)
    {
        Assert.Equal(
            [$"mlops-prod-failback-{a}", $"mlops-prod-failback-{b}", $"mlops-prod-failover-{a}", $"mlops-prod-failover-{b}"],
            DocumentNames(Regional(Prod, region)));
    }

    [Fact]
    public void A_runbook_is_a_schema_0_3_automation_whose_steps_run_in_order()
    {
        var doc = Regional(Prod, "us-east-1").OfType("AWS::SSM::Document").Single(d => TemplateJson.Str(d.Resource, "Name") == "mlops-prod-failover-us-west-2").Resource;
        Assert.Equal("Automation", TemplateJson.Str(doc, "DocumentType"));
        var content = TemplateJson.Prop(doc, "Content")!.Value;
        Assert.Equal("0.3", content.GetProperty("schemaVersion").GetString());
        Assert.Equal(JsonValueKind.Object, content.GetProperty("assumeRole").ValueKind); // the role's GetAtt
        Assert.Equal("us-east-1", content.GetProperty("parameters").GetProperty("TargetRegion").GetProperty("default").GetString());
        var steps = content.GetProperty("mainSteps").EnumerateArray().Select(s => (s.GetProperty("name").GetString(), s.GetProperty("action").GetString())).ToList();
        Assert.Equal([("Approve", "aws:approve"), ("PromoteDatabase", "aws:executeScript"), ("PromoteCacheModels", "aws:executeScript"),
            ("PromoteCacheFeatures", "aws:executeScript"), ("RepointWriters", "aws:executeScript"), ("RaiseNodeGroupFloors", "aws:executeScript")], steps);
        var approve = content.GetProperty("mainSteps")[0].GetProperty("inputs");
        Assert.Equal(JsonValueKind.Object, approve.GetProperty("NotificationArn").ValueKind); // the approval topic's Ref
    }

    [Theory]
    [InlineData("us-west-2")]
    [InlineData("us-east-1")]
    [InlineData("eu-west-1")]
    public void Approval_requests_go_to_an_automation_topic_subscribed_like_the_failover_approvals_severity(string region)
    {
        var t = Regional(Prod, region);
        var config = SynthesizedPlatform.Shipped("prod").Config;
        // SSM Automation takes only a topic whose name starts with "Automation" (aws:approve, NotificationArn).
        var (topicId, _) = t.OfType("AWS::SNS::Topic").Single(x => TemplateJson.Str(x.Resource, "TopicName") == "Automation-mlops-prod-failover-approval");
        foreach (var (_, doc) in t.OfType("AWS::SSM::Document"))
        {
            var content = TemplateJson.Prop(doc, "Content")!.Value;
            foreach (var step in content.GetProperty("mainSteps").EnumerateArray().Where(x => x.GetProperty("action").GetString() == "aws:approve"))
                Assert.Equal(topicId, step.GetProperty("inputs").GetProperty("NotificationArn").GetProperty("Ref").GetString());
        }
        // The same people as the severity: every address it mails, and its PagerDuty endpoint.
        var alerting = config.Alerting!;
        var severity = alerting.Severities[alerting.AlarmSettings.FailoverApprovals!.Severity];
        var subscriptions = t.OfType("AWS::SNS::Subscription")
            .Where(x => TemplateJson.Prop(x.Resource, "TopicArn")!.Value.GetRawText().Contains(topicId, StringComparison.Ordinal))
            .Select(x => (Protocol: TemplateJson.Str(x.Resource, "Protocol"), Endpoint: TemplateJson.Str(x.Resource, "Endpoint")))
            .ToList();
        Assert.Equal(severity.EmailAddresses(alerting).Order(), subscriptions.Where(x => x.Protocol == "email").Select(x => x.Endpoint).Order());
        Assert.Contains(subscriptions, x => x.Protocol == "https" && x.Endpoint!.Contains(alerting.PagerDuty!.EndpointSecret, StringComparison.Ordinal));
        Assert.Equal(severity.Routes.Contains(MultiRegion.Infra.Model.Config.AlertChannel.PagerDuty) ? 1 : 0, subscriptions.Count(x => x.Protocol == "https"));
    }

    [Fact]
    public void A_runbook_role_is_assumed_by_ssm_of_this_account_and_never_reaches_the_failed_region()
    {
        var t = Regional(Prod, "us-east-1");
        var role = t.OfType("AWS::IAM::Role").Single(r => TemplateJson.Str(r.Resource, "RoleName") == "mlops-prod-failover-us-west-2-us-east-1");
        var trust = TemplateJson.Prop(role.Resource, "AssumeRolePolicyDocument")!.Value.GetRawText();
        Assert.Contains("ssm.amazonaws.com", trust);
        Assert.Contains("aws:SourceAccount", trust);
        var policy = t.OfType("AWS::IAM::Policy").Single(p => TemplateJson.Prop(p.Resource, "Roles")!.Value.GetRawText().Contains(role.LogicalId)).Resource;
        var text = TemplateJson.Prop(policy, "PolicyDocument")!.Value.GetRawText();
        Assert.Contains("rds:FailoverGlobalCluster", text);
        Assert.Contains("eks:UpdateNodegroupConfig", text);
        Assert.Contains("sns:Publish", text);
        Assert.DoesNotContain("us-west-2", text);
    }

    [Fact]
    public void Each_regions_alarm_starts_its_failover_runbook_in_the_alarm_region_except_the_alarm_regions_own()
    {
        var rules = TemplateJson.Of(Prod, Prod.Platform.Global).OfType("AWS::Events::Rule").Select(r => r.Resource).ToList();
        Assert.Equal(2, rules.Count);
        var targets = rules.Select(r => TemplateJson.Prop(r, "Targets")!.Value[0].GetProperty("Arn").GetRawText()).ToList();
        Assert.Contains(targets, a => a.Contains("automation-definition/mlops-prod-failover-us-west-2:$DEFAULT"));
        Assert.Contains(targets, a => a.Contains("automation-definition/mlops-prod-failover-eu-west-1:$DEFAULT"));
        Assert.DoesNotContain(targets, a => a.Contains("failover-us-east-1"));
        var pattern = TemplateJson.Prop(rules[0], "EventPattern")!.Value;
        Assert.Equal("CloudWatch Alarm State Change", pattern.GetProperty("detail-type")[0].GetString());
        Assert.Equal("ALARM", pattern.GetProperty("detail").GetProperty("state").GetProperty("value")[0].GetString());
    }

    [Fact]
    public void Videochat_hosts_its_runbooks_in_us_east_1_beside_the_alarms_with_a_rule_per_region()
    {
        var videochat = SynthesizedPlatform.Shipped("videochat");
        var global = TemplateJson.Of(videochat, videochat.Platform.Global);
        Assert.Equal(6, DocumentNames(global).Count(n => n.Contains("-failover-") || n.Contains("-failback-")));
        Assert.Equal(3, global.OfType("AWS::Events::Rule").Count());
    }

    [Fact]
    public void Every_region_holds_a_writer_parameter_per_store_pointing_at_the_primary()
    {
        foreach (var region in new[] { "us-west-2", "us-east-1", "eu-west-1" })
        {
            var values = Regional(Prod, region).OfType("AWS::SSM::Parameter")
                .Where(p => TemplateJson.Str(p.Resource, "Name")?.StartsWith("/mlops-prod/recovery/writer/", StringComparison.Ordinal) == true)
                .Select(p => TemplateJson.Str(p.Resource, "Value")!).ToList();
            Assert.Equal(3, values.Count);
            Assert.All(values, v => Assert.Contains("\"region\":\"us-west-2\"", v));
        }
    }
}
