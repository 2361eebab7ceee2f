using MultiRegion.Infra.Model.Planning;
using static MultiRegion.Infra.Model.Tests.Edge.ShippedConfigs;

namespace MultiRegion.Infra.Model.Tests.Edge;

public sealed class FailoverPlannerTests
{
    private static IReadOnlyDictionary<string, int> Split(FailoverPlan plan, params string[] failed) =>
        plan.Failures.Single(s => s.Failed.SequenceEqual(failed)).Split;

    [Fact]
    public void Prod_plan_has_the_seeds_exact_splits_not_proportional_ones()
    {
        var plan = FailoverPlanner.Plan(Load("prod"));
        Assert.Equal(new Dictionary<string, int> { ["us-east-1"] = 80, ["eu-west-1"] = 20 }, Split(plan, "us-west-2"));
        Assert.Equal(new Dictionary<string, int> { ["us-west-2"] = 80, ["eu-west-1"] = 20 }, Split(plan, "us-east-1"));
        Assert.Equal(new Dictionary<string, int> { ["us-west-2"] = 70, ["us-east-1"] = 30 }, Split(plan, "eu-west-1"));
    }

    [Fact]
    public void Two_regions_down_send_everything_to_the_one_left()
    {
        var plan = FailoverPlanner.Plan(Load("prod"));
        Assert.Equal(new Dictionary<string, int> { ["eu-west-1"] = 100 }, Split(plan, "us-west-2", "us-east-1"));
        Assert.Equal(new Dictionary<string, int> { ["us-east-1"] = 100 }, Split(plan, "us-west-2", "eu-west-1"));
        Assert.Equal(new Dictionary<string, int> { ["us-west-2"] = 100 }, Split(plan, "us-east-1", "eu-west-1"));
    }

    [Fact]
    public void Scenarios_are_normal_then_singles_then_pairs_with_stable_ids()
    {
        var plan = FailoverPlanner.Plan(Load("videochat"));
        Assert.Equal(
            ["normal", "down-us-west-2", "down-eu-west-1", "down-ap-southeast-1",
             "down-us-west-2-eu-west-1", "down-us-west-2-ap-southeast-1", "down-eu-west-1-ap-southeast-1"],
            plan.Scenarios.Select(s => s.Id));
        Assert.Equal(new Dictionary<string, int> { ["us-west-2"] = 60, ["eu-west-1"] = 20, ["ap-southeast-1"] = 20 }, plan.Normal.Split);
        Assert.Equal(["us-west-2", "ap-southeast-1"], plan.Scenarios[2].Surviving);
    }

    [Fact]
    public void Every_split_sums_to_100_and_names_only_survivors()
    {
        foreach (var name in new[] { "prod", "videochat", "dev" })
            foreach (var s in FailoverPlanner.Plan(Load(name)).Scenarios)
            {
                Assert.Equal(100, s.Split.Values.Sum());
                Assert.All(s.Split.Keys, r => Assert.Contains(r, s.Surviving));
            }
    }

    [Fact]
    public void Two_region_dev_fails_over_completely_and_has_no_pair()
    {
        var plan = FailoverPlanner.Plan(Load("dev"));
        Assert.Equal(2, plan.Failures.Count);
        Assert.Equal(new Dictionary<string, int> { ["us-east-1"] = 100 }, Split(plan, "us-west-2"));
        Assert.Equal(new Dictionary<string, int> { ["us-west-2"] = 100 }, Split(plan, "us-east-1"));
    }

    [Fact]
    public void A_pair_with_several_survivors_and_no_row_keeps_their_proportions()
    {
        // Four regions 40/30/20/10: rows for every single failure; the pair (a, b) has none.
        var yaml = MultiRegion.Infra.Tests.Shared.FourRegionVariant.Yaml(Text("prod"));
        var c = MultiRegion.Infra.Model.Loading.ConfigLoader.Parse(yaml, "four.yaml");
        var plan = FailoverPlanner.Plan(c);
        Assert.Equal(1 + 4 + 6, plan.Scenarios.Count);
        // us-west-2 and us-east-1 down: eu-west-1 (20) and eu-central-1 (10) split 67/33.
        Assert.Equal(new Dictionary<string, int> { ["eu-west-1"] = 67, ["eu-central-1"] = 33 }, Split(plan, "us-west-2", "us-east-1"));
        Assert.Equal(new Dictionary<string, int> { ["us-west-2"] = 50, ["us-east-1"] = 30, ["eu-west-1"] = 20 }, Split(plan, "eu-central-1"));
    }

    [Fact]
    public void Plan_rows_for_plan_json_are_the_failures_in_order()
    {
        var rows = PlanFailoverRow.Of(Load("prod"))!;
        Assert.Equal(6, rows.Count);
        Assert.Equal(["us-west-2"], rows[0].Failed);
        Assert.Equal(["us-east-1", "eu-west-1"], rows[5].Failed);
        var json = new PlanDocument("a", "b", "c", [], [], rows).ToJson();
        Assert.Contains("\"failed\": [\n        \"us-west-2\"\n      ],\n      \"split\": {\n        \"us-east-1\": 80,\n        \"eu-west-1\": 20", json.Replace("\r", ""));
    }

    [Fact]
    public void Plan_markdown_shows_the_failover_table()
    {
        var c = Load("prod");
        var md = PlanMarkdown.Render(c, new PlanDocument("mlops", "prod", "stacks/prod.yaml", PlanDocument.RegionsOf(c), [], PlanFailoverRow.Of(c)));
        Assert.Contains("## Failover splits", md);
        Assert.Contains("| us-west-2 | down | 80% | 20% |", md);
        Assert.Contains("| us-west-2, us-east-1 ~ | down | down | 100% |", md); // no row: Route53 weighted
    }
}
