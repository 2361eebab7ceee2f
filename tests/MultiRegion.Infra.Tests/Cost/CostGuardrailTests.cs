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

    [Theory]
    [InlineData("prod")]
    [InlineData("videochat")]
    public void The_environment_budget_is_the_objective_and_alerts_at_80_percent_actual_and_100_percent_forecast(string name)
    {
        var p = SynthesizedPlatform.Shipped(name);
        var budget = Assert.Single(Budgets(p), b => (string)D(b["Budget"])["BudgetName"] == p.Config.Prefix);
        var data = D(budget["Budget"]);
        Assert.Equal("COST", data["BudgetType"]);
        Assert.Equal("MONTHLY", data["TimeUnit"]);
        Assert.Equal((double)p.Config.Objectives!.MonthlyBudgetUsd!.Value, Convert.ToDouble(D(data["BudgetLimit"])["Amount"]));
        Assert.False(data.ContainsKey("CostFilters"));
        var notifications = ((object[])budget["NotificationsWithSubscribers"]).Select(D).ToList();
        Assert.Equal(["ACTUAL 80", "FORECASTED 100"],
            notifications.Select(n => $"{D(n["Notification"])["NotificationType"]} {D(n["Notification"])["Threshold"]}").Order());
        Assert.All(notifications, n => Assert.Equal(p.Config.Cost!.EffectiveAlertEmails,
            ((object[])n["Subscribers"]).Select(D).Select(s => (string)s["Address"])));
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
    public void Cost_anomalies_are_mailed_daily_above_the_threshold(string name, string threshold)
    {
        var p = SynthesizedPlatform.Shipped(name);
        p.Global.ResourceCountIs("AWS::CE::AnomalyMonitor", 1);
        p.Global.HasResourceProperties("AWS::CE::AnomalyMonitor", new Dictionary<string, object> { ["MonitorType"] = "DIMENSIONAL", ["MonitorDimension"] = "SERVICE" });
        var sub = D(D(p.Global.FindResources("AWS::CE::AnomalySubscription").Values.Single())["Properties"]);
        Assert.Equal("DAILY", sub["Frequency"]);
        Assert.Contains($"\"Values\":[\"{threshold}\"]", (string)sub["ThresholdExpression"]);
        Assert.Equal(p.Config.Cost!.EffectiveAlertEmails, ((object[])sub["Subscribers"]).Select(D).Select(s => (string)s["Address"]));
    }

    [Fact]
    public void A_config_without_a_budget_or_alert_emails_gets_no_cost_resources()
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
