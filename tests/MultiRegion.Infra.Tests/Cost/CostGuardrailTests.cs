using Amazon.CDK.Assertions;
using MultiRegion.Infra.Model.Planning.Cost;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Cost;

/// <summary>The AWS side of the cost objectives: budgets and anomaly alerts in the global stack (us-east-1).</summary>
public sealed class CostGuardrailTests
{
    private static Dictionary<string, object> D(object o) => (Dictionary<string, object>)o;

    private static IReadOnlyList<Dictionary<string, object>> Budgets(SynthesizedPlatform p) =>
        p.Global.FindResources("AWS::Budgets::Budget").Values.Select(r => D(D(r)["Properties"])).ToList();

    /// <summary>The global severity topic a cost alert must reach, and the ARN the template gives it (a Fn::Join, as JSON).</summary>
    private static string GlobalTopic(SynthesizedPlatform p, string severity) =>
        MultiRegion.Infra.Model.Config.AlertingConfig.TopicName(p.Config.Prefix, "global", severity);

    private static string Json(object o) => System.Text.Json.JsonSerializer.Serialize(o);

    [Theory]
    [InlineData("prod")]
    [InlineData("videochat")]
    public void The_environment_budget_is_the_objective_and_notifies_the_budget_severity_topic_at_the_configured_percent_and_at_100_percent_forecast(string name)
    {
        var p = SynthesizedPlatform.Shipped(name);
        var setting = p.Config.Alerting!.AlarmSettings.Budget!;
        var budget = Assert.Single(Budgets(p), b => (string)D(b["Budget"])["BudgetName"] == p.Config.Prefix);
        var data = D(budget["Budget"]);
        Assert.Equal("COST", data["BudgetType"]);
        Assert.Equal("MONTHLY", data["TimeUnit"]);
        Assert.Equal((double)p.Config.Objectives!.MonthlyBudgetUsd!.Value, Convert.ToDouble(D(data["BudgetLimit"])["Amount"]));
        Assert.False(data.ContainsKey("CostFilters"));
        var notifications = ((object[])budget["NotificationsWithSubscribers"]).Select(D).ToList();
        Assert.Equal([$"ACTUAL {setting.Threshold}", "FORECASTED 100"],
            notifications.Select(n => $"{D(n["Notification"])["NotificationType"]} {Convert.ToDouble(D(n["Notification"])["Threshold"])}").Order());
        foreach (var n in notifications)
        {
            var subscriber = D(Assert.Single((object[])n["Subscribers"]));
            Assert.Equal("SNS", subscriber["SubscriptionType"]);
            Assert.Contains($":sns:us-east-1:{p.Config.Account}:{GlobalTopic(p, setting.Severity)}", Json(subscriber["Address"]));
        }
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("videochat")]
    public void The_cost_severity_topics_let_budgets_and_cost_anomaly_detection_publish_through_topic_and_key_policy(string name)
    {
        var p = SynthesizedPlatform.Shipped(name);
        var alarms = p.Config.Alerting!.AlarmSettings;
        var topics = p.Global.FindResources("AWS::SNS::Topic");
        string LogicalId(string severity) => topics.Single(t => (string)D(D(t.Value)["Properties"])["TopicName"] == GlobalTopic(p, severity)).Key;
        var policies = p.Global.FindResources("AWS::SNS::TopicPolicy").Values.Select(v => Json(D(v)["Properties"])).ToList();
        foreach (var (severity, principal) in new[] { (alarms.Budget!.Severity, "budgets.amazonaws.com"), (alarms.CostAnomalies!.Severity, "costalerts.amazonaws.com") })
        {
            var policy = Assert.Single(policies, x => x.Contains($"\"Ref\":\"{LogicalId(severity)}\"", StringComparison.Ordinal));
            Assert.Contains(principal, policy);
        }
        // Only the cost severities' topics admit them.
        var others = p.Config.Alerting.Severities.Keys.Except([alarms.Budget.Severity, alarms.CostAnomalies.Severity]).ToList();
        Assert.NotEmpty(others);
        foreach (var severity in others)
            Assert.DoesNotContain("costalerts", Assert.Single(policies, x => x.Contains($"\"Ref\":\"{LogicalId(severity)}\"", StringComparison.Ordinal)));
        // The topics are encrypted with a customer managed key: both services must be able to use it.
        var keys = p.Global.FindResources("AWS::KMS::Key").Values.Select(Json).ToList();
        Assert.Contains(keys, k => k.Contains("budgets.amazonaws.com") && k.Contains("costalerts.amazonaws.com") && k.Contains("kms:GenerateDataKey*"));
    }

    [Fact]
    public void Each_region_budget_filters_on_its_region()
    {
        var p = SynthesizedPlatform.Shipped("videochat");
        foreach (var (region, amount) in p.Config.Objectives!.RegionMonthlyBudgetUsd!)
        {
            var data = D(Assert.Single(Budgets(p), b => (string)D(b["Budget"])["BudgetName"] == $"{p.Config.Prefix}-{region}")["Budget"]);
            Assert.Equal((double)amount, Convert.ToDouble(D(data["BudgetLimit"])["Amount"]));
            Assert.Equal([region], ((object[])D(data["CostFilters"])["Region"]).Cast<string>());
        }
    }

    [Theory]
    [InlineData("prod", "500")]
    [InlineData("videochat", "50")]
    public void Cost_anomalies_above_the_threshold_go_at_once_to_the_cost_anomalies_severity_topic(string name, string threshold)
    {
        var p = SynthesizedPlatform.Shipped(name);
        p.Global.ResourceCountIs("AWS::CE::AnomalyMonitor", 1);
        p.Global.HasResourceProperties("AWS::CE::AnomalyMonitor", new Dictionary<string, object> { ["MonitorType"] = "DIMENSIONAL", ["MonitorDimension"] = "SERVICE" });
        var sub = D(D(p.Global.FindResources("AWS::CE::AnomalySubscription").Values.Single())["Properties"]);
        // An SNS subscriber takes IMMEDIATE only (API_AnomalySubscription).
        Assert.Equal("IMMEDIATE", sub["Frequency"]);
        Assert.Contains($"\"Values\":[\"{threshold}\"]", (string)sub["ThresholdExpression"]);
        var subscriber = D(Assert.Single((object[])sub["Subscribers"]));
        Assert.Equal("SNS", subscriber["Type"]);
        Assert.Contains($":{GlobalTopic(p, p.Config.Alerting!.AlarmSettings.CostAnomalies!.Severity)}", Json(subscriber["Address"]));
    }

    [Fact]
    public void A_config_without_a_budget_or_cost_alarms_gets_no_cost_resources()
    {
        var dev = SynthesizedPlatform.Shipped("dev");
        dev.Global.ResourceCountIs("AWS::Budgets::Budget", 0);
        dev.Global.ResourceCountIs("AWS::CE::AnomalySubscription", 0);
    }

    [Fact]
    public void The_plan_json_cost_lines_add_up_to_its_total()
    {
        var plan = CostSection.Of(SynthesizedPlatform.LoadShipped("prod"));
        Assert.Equal(plan.Total.Desired, plan.Lines.Sum(l => l.Monthly.Desired));
        Assert.Equal(66000m, plan.Budget);
        Assert.Equal(33000m, plan.SeedTotal!.High);
    }
}
