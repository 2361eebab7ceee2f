using MultiRegion.Infra.Model.Planning;

namespace MultiRegion.Infra.Model.Tests.Data;

public sealed class DataPlanTests
{
    [Fact]
    public void Prod_plan_reports_rpo_relevant_settings()
    {
        var d = DataPlan.Of(DataYaml.Load(DataYaml.Shipped("prod")))!;
        Assert.Equal(20, d.Database!.GlobalDbRpoSeconds);
        Assert.Equal([("us-west-2", 3), ("us-east-1", 2), ("eu-west-1", 2)], d.Database.Members.Select(m => (m.Region, m.Instances)));
        Assert.All(d.Buckets, b => Assert.True(b.ReplicationTimeControl));
        Assert.Equal(new Dictionary<string, int> { ["us-west-2"] = 6, ["us-east-1"] = 3, ["eu-west-1"] = 2 }, d.Caches[0].NodesByRegion);
        Assert.Equal(("us-east-2", 90), (d.Backup!.CopyRegion, d.Backup.CopyRetentionDays));
    }

    [Fact]
    public void Plan_json_and_markdown_carry_the_data_section()
    {
        var config = DataYaml.Load(DataYaml.Shipped("prod"));
        var plan = new PlanDocument(config.App, config.Environment, "stacks/prod.yaml", PlanDocument.RegionsOf(config), []) { Data = DataPlan.Of(config) };
        Assert.Contains("\"globalDbRpoSeconds\": 20", plan.ToJson());
        Assert.Contains("\"replicationTimeControl\": true", plan.ToJson());
        var md = PlanMarkdown.Render(config, plan);
        Assert.Contains("## Data", md);
        Assert.Contains("us-east-1 (STANDARD_IA), eu-west-1 (GLACIER)", md);
    }

    [Fact]
    public void The_plan_says_how_often_auth_tokens_rotate_and_what_a_rollout_changes()
    {
        var prod = DataYaml.Load(DataYaml.Shipped("prod"));
        var md = PlanMarkdown.Render(prod, new PlanDocument(prod.App, prod.Environment, "stacks/prod.yaml", PlanDocument.RegionsOf(prod), []) { Data = DataPlan.Of(prod) });
        Assert.Contains("| every 30 days |", md);
        Assert.DoesNotContain("rollout:", md);

        var changed = DataYaml.Load(DataYaml.Shipped("prod").ReplaceOnce(
            "models:   { engineVersion: \"7.1\", evictionPolicy: allkeys-lru, authTokenRotationDays: 30 }",
            "models:   { engineVersion: \"7.1\", evictionPolicy: allkeys-lru, authTokenRotationDays: 7, createdWith: { nodeType: cache.r6g.2xlarge } }"));
        var models = DataPlan.Of(changed)!.Caches.Single(c => c.Name == "models");
        Assert.Equal(7, models.AuthTokenRotationDays);
        Assert.Contains("created with cache.r6g.2xlarge", models.Rollout);
    }

    [Fact]
    public void Videochat_plan_has_only_its_cache()
    {
        var d = DataPlan.Of(DataYaml.Load(DataYaml.Shipped("videochat")))!;
        Assert.Null(d.Database);
        Assert.Empty(d.Buckets);
        Assert.Null(d.Backup);
        Assert.Equal("state", Assert.Single(d.Caches).Name);
    }
}
