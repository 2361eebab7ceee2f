using MultiRegion.Infra.Model.Loading;
using MultiRegion.Infra.Model.Tests.Edge;

namespace MultiRegion.Infra.Model.Tests.Cost;

public sealed class BudgetObjectiveTests
{
    private static ConfigProblem Single(IEnumerable<ConfigProblem> problems, string path) => Assert.Single(problems, p => p.Path == path);

    [Fact]
    public void A_budget_below_the_estimate_is_refused_with_the_arithmetic_and_the_biggest_lines()
    {
        var p = Single(ShippedConfigs.Problems(ShippedConfigs.With("prod", "monthlyBudgetUsd: 66000", "monthlyBudgetUsd: 33000")), "objectives.monthlyBudgetUsd");
        Assert.Contains("promised $33,000, but estimate at desired size us-west-2 $", p.Message);
        Assert.Matches(@"global \$[\d,.]+ = \$59,", p.Message);
        Assert.Contains("biggest lines: us-west-2 ElastiCache models: cache.r6g.4xlarge x 6", p.Message);
        Assert.Contains("raise objectives.monthlyBudgetUsd to at least", p.Message);
    }

    [Fact]
    public void A_budget_within_ten_percent_of_the_estimate_loads_with_a_warning()
    {
        var c = ConfigLoader.Parse(ShippedConfigs.With("prod", "monthlyBudgetUsd: 66000", "monthlyBudgetUsd: 62000"), "test.yaml");
        var w = Assert.Single(c.Warnings, w => w.Path == "objectives.monthlyBudgetUsd");
        Assert.Contains("within 10% of the budget $62,000", w.Message);
        Assert.DoesNotContain(ShippedConfigs.Load("prod").Warnings, x => x.Path == "objectives.monthlyBudgetUsd");
    }

    [Fact]
    public void A_region_budget_below_its_estimate_is_refused_at_its_path()
    {
        var p = Single(ShippedConfigs.Problems(ShippedConfigs.With("videochat", "us-west-2: 1200", "us-west-2: 800")),
            "objectives.regionMonthlyBudgetUsd.us-west-2");
        Assert.Contains("promised $800, but us-west-2 estimate at desired size $1,", p.Message);
        Assert.Contains("ElastiCache", p.Message);
    }

    [Fact]
    public void The_video_chat_cost_per_user_is_checked_and_warned_near_its_limit()
    {
        var c = ShippedConfigs.Load("videochat");
        var perUser = Assert.Single(c.ObjectiveResults, r => r.Name == "objectives.monthlyBudgetPerUserUsd");
        Assert.True(perUser.Ok);
        Assert.Contains("/ 500 active users", perUser.Arithmetic);
        Assert.Contains(c.Warnings, w => w.Path == "objectives.monthlyBudgetPerUserUsd");
        Single(ShippedConfigs.Problems(ShippedConfigs.With("videochat", "monthlyBudgetPerUserUsd: 6", "monthlyBudgetPerUserUsd: 4")),
            "objectives.monthlyBudgetPerUserUsd");
    }

    [Fact]
    public void A_cost_per_user_needs_the_number_of_users()
    {
        var yaml = ShippedConfigs.With("videochat", "    activeUsers: 500               # seed: \"500+ concurrent users\"\n", "");
        ShippedConfigs.Rejects(yaml, "objectives.monthlyBudgetPerUserUsd", "cost.assumptions.activeUsers");
    }

    [Fact]
    public void A_region_budget_must_name_a_region_of_the_config()
    {
        ShippedConfigs.Rejects(ShippedConfigs.With("videochat", "    eu-west-1: 950 ", "    eu-west-2: 950 "),
            "objectives.regionMonthlyBudgetUsd.eu-west-2", "not a region of this config", "eu-west-1");
    }

    [Fact]
    public void The_retired_cost_alert_emails_are_refused_with_where_the_addresses_go_now()
    {
        ShippedConfigs.Rejects(ShippedConfigs.With("prod", "cost:\n", "cost:\n  alertEmails: [platform-cost@mlops.example.com]\n"),
            "cost.alertEmails", "retired", "alerting.alarms.budget", "alerting.alarms.costAnomalies", "alerting.severities.<severity>.email");
    }

    [Fact]
    public void Assumptions_must_name_buckets_of_the_config()
    {
        ShippedConfigs.Rejects(ShippedConfigs.With("prod", "bucketGb: { data: 20000,", "bucketGb: { dta: 20000,"),
            "cost.assumptions.bucketGb.dta", "not a bucket of data.buckets", "data");
    }

    [Fact]
    public void Seed_figures_must_name_services_of_the_estimate()
    {
        ShippedConfigs.Rejects(ShippedConfigs.With("prod", "      Route53: { low: 50, high: 100 }", "      Route 53: { low: 50, high: 100 }"),
            "cost.reference.services.Route 53", "not a service of the estimate", "Route53");
    }

    [Fact]
    public void A_budget_without_a_budget_alarm_loads_with_a_warning()
    {
        var c = ConfigLoader.Parse(ShippedConfigs.With("prod", "    budget: { severity: p3, threshold: 80 }\n", ""), "test.yaml");
        Assert.Contains(c.Warnings, w => w.Path == "alerting.alarms.budget" && w.Message.Contains("nobody to alert", StringComparison.Ordinal));
    }
}
