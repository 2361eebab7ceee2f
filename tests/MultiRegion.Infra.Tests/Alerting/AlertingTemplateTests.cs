using System.Text.Json.Nodes;
using MultiRegion.Infra.Model.Planning.Alerting;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Alerting;

/// <summary>The synthesized alarms, topics and subscriptions of the shipped configs.</summary>
public sealed class AlertingTemplateTests
{
    private static JsonObject Template(SynthesizedPlatform p, Amazon.CDK.Stack stack) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(p.Outdir, stack.TemplateFile)))!.AsObject();

    private static IEnumerable<(string Stack, JsonObject Template)> Templates(SynthesizedPlatform p) =>
        p.Platform.Stacks.Select(s => (s.Spec.Name, Template(p, s.Stack)));

    private static IEnumerable<(string Id, JsonObject Props)> OfType(JsonObject template, string type) =>
        template["Resources"]!.AsObject()
            .Where(kv => (string?)kv.Value!["Type"] == type)
            .Select(kv => (kv.Key, kv.Value!["Properties"]!.AsObject()));

    [Theory]
    [InlineData("prod")]
    [InlineData("videochat")]
    [InlineData("dev")]
    public void Every_alarm_in_every_template_notifies_a_severity_topic_of_its_own_stack(string config)
    {
        var p = SynthesizedPlatform.Shipped(config);
        var count = 0;
        foreach (var (stack, template) in Templates(p))
        {
            var topics = OfType(template, "AWS::SNS::Topic").Select(t => t.Id).ToHashSet();
            foreach (var (id, props) in OfType(template, "AWS::CloudWatch::Alarm"))
            {
                count++;
                var actions = props["AlarmActions"]?.AsArray();
                Assert.True(actions is { Count: > 0 }, $"{stack}/{id} has no alarm action");
                foreach (var action in actions!)
                    Assert.Contains((string)action!["Ref"]!, topics);
            }
        }
        // Security findings, cost notifications and approval requests publish to the topics themselves: not alarms.
        Assert.Equal(AlertPlanner.Plan(p.Config).Count(a => a.IsCloudWatchAlarm), count);
    }

    [Fact]
    public void Prod_alarm_thresholds_come_from_the_config()
    {
        var p = SynthesizedPlatform.Shipped("prod");
        var alarms = p.Config.Alerting!.AlarmSettings;
        var east = Template(p, p.Platform.Regional["us-east-1"]);
        var byDescription = OfType(east, "AWS::CloudWatch::Alarm").ToDictionary(a => (string)a.Props["AlarmName"]!, a => a.Props);

        var errorRate = byDescription["mlops-prod-p1-RegionErrorRate-us-east-1"];
        Assert.Equal(alarms.RegionErrorRate!.Threshold, (double)errorRate["Threshold"]!);
        Assert.Equal(alarms.RegionErrorRate.Minutes, (int)errorRate["EvaluationPeriods"]!);
        var lag = byDescription["mlops-prod-p1-DatabaseReplicationLag-us-east-1"];
        Assert.Equal(300, (double)lag["Threshold"]!);
        Assert.Contains(lag["Metrics"]!.AsArray(), m => (string?)m!["Expression"] == "lag / 1000");

        var cache = byDescription["mlops-prod-p1-CacheReplicationLag-models-us-east-1"];
        // One metric per node of the secondary member (3 nodes) plus the MAX expression.
        Assert.Equal(4, cache["Metrics"]!.AsArray().Count);

        var west = Template(p, p.Platform.Regional["us-west-2"]);
        var failures = OfType(west, "AWS::CloudWatch::Alarm").Single(a => (string?)a.Props["AlarmName"] == "mlops-prod-p0-StorageReplicationFailures-data-to-us-east-1").Props;
        Assert.Equal(0, (double)failures["Threshold"]!);
        Assert.Equal("OperationsFailedReplication", (string?)failures["MetricName"]);
    }

    [Fact]
    public void Videochat_cross_region_sync_alarm_uses_the_seed_threshold_of_10_seconds()
    {
        var p = SynthesizedPlatform.Shipped("videochat");
        var eu = Template(p, p.Platform.Regional["eu-west-1"]);
        var lag = OfType(eu, "AWS::CloudWatch::Alarm").Single(a => ((string)a.Props["AlarmName"]!).Contains("CacheReplicationLag")).Props;
        Assert.Equal(10, (double)lag["Threshold"]!);
    }

    [Fact]
    public void Topics_are_kms_encrypted_and_pagerduty_is_resolved_from_secrets_manager()
    {
        var p = SynthesizedPlatform.Shipped("prod");
        foreach (var (stack, template) in Templates(p).Where(t => OfType(t.Template, "AWS::SNS::Topic").Any()))
        {
            foreach (var (id, props) in OfType(template, "AWS::SNS::Topic"))
                Assert.True(props["KmsMasterKeyId"] is not null, $"{stack}/{id} is not encrypted");
            foreach (var (_, props) in OfType(template, "AWS::SNS::Subscription").Where(s => (string?)s.Props["Protocol"] == "https"))
                Assert.Equal("{{resolve:secretsmanager:mlops/prod/pagerduty-sns-url:SecretString}}", (string?)props["Endpoint"]);
        }
        // P3 routes to email only: no https subscription on a p3 topic.
        var west = Template(p, p.Platform.Regional["us-west-2"]);
        var p3 = OfType(west, "AWS::SNS::Topic").Single(t => (string?)t.Props["TopicName"] == "mlops-prod-us-west-2-alerts-p3").Id;
        Assert.All(OfType(west, "AWS::SNS::Subscription").Where(s => (string?)s.Props["TopicArn"]!["Ref"] == p3),
            s => Assert.Equal("email", (string?)s.Props["Protocol"]));
    }

    [Fact]
    public void Slack_gets_the_slack_routed_topics_of_every_region_and_the_global_stack()
    {
        var p = SynthesizedPlatform.Shipped("prod");
        var channel = Assert.Single(OfType(Template(p, p.Platform.Global), "AWS::Chatbot::SlackChannelConfiguration")).Props;
        var arns = channel["SnsTopicArns"]!.AsArray().Select(a => a!.ToJsonString()).ToList();
        // p0, p1, p2 route to Slack; 3 regions + global; and failoverApprovals is p0, so each region's approval topic.
        Assert.Equal(3 * 4 + 3, arns.Count);
        Assert.Contains(arns, a => a.Contains("mlops-prod-eu-west-1-alerts-p2"));
        foreach (var region in p.Config.Regions.Select(r => r.Name))
            Assert.Contains(arns, a => a.Contains($":sns:{region}:") && a.Contains("Automation-mlops-prod-failover-approval"));
        Assert.DoesNotContain(arns, a => a.Contains("alerts-p3"));
    }

    [Fact]
    public void Each_stack_with_alarms_has_a_dashboard_graphing_every_one_of_them()
    {
        var p = SynthesizedPlatform.Shipped("prod");
        var dashboards = 0;
        foreach (var (stack, template) in Templates(p))
        {
            var alarms = OfType(template, "AWS::CloudWatch::Alarm").Select(a => a.Id).ToList();
            var boards = OfType(template, "AWS::CloudWatch::Dashboard").ToList();
            if (alarms.Count == 0) continue;
            var body = Assert.Single(boards).Props["DashboardBody"]!.ToJsonString();
            dashboards++;
            Assert.All(alarms, id => Assert.Contains($"\"{id}\"", body));
        }
        Assert.Equal(p.Config.Regions.Count + 1, dashboards);
    }

    [Fact]
    public void GuardDuty_findings_reach_the_configured_severity_topic_in_every_region()
    {
        var p = SynthesizedPlatform.Shipped("prod");
        foreach (var region in p.Config.Regions.Select(r => r.Name))
        {
            var template = Template(p, p.Platform.Regional[region]);
            var p0 = OfType(template, "AWS::SNS::Topic").Single(t => (string?)t.Props["TopicName"] == $"mlops-prod-{region}-alerts-p0").Id;
            var rule = OfType(template, "AWS::Events::Rule").Single(r => r.Props["EventPattern"]!.ToJsonString().Contains("aws.guardduty")).Props;
            Assert.Contains(rule["Targets"]!.AsArray(), t => (string?)t!["Arn"]!["Ref"] == p0);
        }
    }
}
