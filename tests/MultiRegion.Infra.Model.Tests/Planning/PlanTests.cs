using System.Text.Json;
using MultiRegion.Infra.Model.Loading;
using MultiRegion.Infra.Model.Planning;
using MultiRegion.Infra.Model.Tests.Loading;

namespace MultiRegion.Infra.Model.Tests.Planning;

public sealed class PlanTests
{
    private static readonly Model.Config.StackConfig Config = ConfigLoader.Parse(ValidYaml.Text, "test.yaml");

    [Fact]
    public void Stack_names_are_app_environment_region_and_the_global_stack_lives_in_us_east_1()
    {
        var stacks = StackLayout.For(Config);
        Assert.Contains(new StackSpec("shop-test-us-west-2", "us-west-2", StackKind.Regional, "primary"), stacks);
        Assert.Contains(new StackSpec("shop-test-us-east-1", "us-east-1", StackKind.Regional, "secondary"), stacks);
        Assert.Contains(new StackSpec("shop-test-global", "us-east-1", StackKind.Global, "global"), stacks);
    }

    [Fact]
    public void Plan_json_uses_camel_case_and_names_regions_with_role_and_weight()
    {
        var plan = new PlanDocument("shop", "test", "test.yaml", PlanDocument.RegionsOf(Config),
            [new PlanStack("shop-test-us-west-2", "us-west-2", 3, new Dictionary<string, int> { ["AWS::EC2::VPC"] = 1, ["AWS::EC2::Subnet"] = 2 })]);
        using var doc = JsonDocument.Parse(plan.ToJson());
        var region = doc.RootElement.GetProperty("regions")[1];
        Assert.Equal("us-east-1", region.GetProperty("name").GetString());
        Assert.Equal("secondary", region.GetProperty("role").GetString());
        Assert.Equal(30, region.GetProperty("weight").GetInt32());
        Assert.Equal(2, doc.RootElement.GetProperty("stacks")[0].GetProperty("resourcesByType").GetProperty("AWS::EC2::Subnet").GetInt32());
    }

    [Fact]
    public void Plan_markdown_has_the_region_table_and_a_mermaid_diagram_with_weights()
    {
        var plan = new PlanDocument("shop", "test", "test.yaml", PlanDocument.RegionsOf(Config), []);
        var md = PlanMarkdown.Render(Config, plan);
        Assert.Contains("| us-west-2 | primary | 70% | primary | cpu: 1/2/4 c5.large | 50% |", md);
        Assert.Contains("```mermaid", md);
        Assert.Contains("edge -- \"30%\" --> us_east_1", md);
        Assert.Contains("us_west_2 -. replication .-> us_east_1", md);
    }
}
