using MultiRegion.Infra.Model.Planning;

namespace MultiRegion.Infra.Model.Tests.Data;

/// <summary><c>data.regions</c>: members only in the named regions, the others compute only and reading from the nearest.</summary>
public sealed class DataRegionsTests
{
    private const string FourthRegion = """
          - name: eu-central-1
            role: tertiary
            trafficWeight: 0
            availabilityZones: [eu-central-1a, eu-central-1b, eu-central-1c]
            vpcCidr: 10.40.0.0/16

        network:
        """;

    private static string ProdWithFourthRegion(string? dataRegions) =>
        DataYaml.Shipped("prod")
            .ReplaceOnce("\nnetwork:\n", "\n" + FourthRegion + "\n")
            .ReplaceOnce("    eu-west-1: 99.9\n", "    eu-west-1: 99.9\n    eu-central-1: 99.9\n")
            .ReplaceOnce("\ndata:\n", dataRegions is null ? "\ndata:\n" : $"\ndata:\n  regions: [{dataRegions}]\n");

    [Fact]
    public void A_fourth_region_in_prod_is_refused_without_data_regions()
    {
        var problems = DataYaml.Problems(ProdWithFourthRegion(null));
        Assert.Contains(problems, p => p.Path.StartsWith("data.caches.", StringComparison.Ordinal) && p.Message.Contains("at most 2", StringComparison.Ordinal));
    }

    [Fact]
    public void A_fourth_region_in_prod_loads_by_naming_the_data_regions_and_reads_from_the_nearest()
    {
        var c = DataYaml.Load(ProdWithFourthRegion("us-west-2, us-east-1, eu-west-1"));
        var read = Assert.Single(DataReadPlanner.Of(c));
        Assert.Equal(new DataRead("eu-central-1", "eu-west-1", SameContinent: true), read);
        Assert.Equal("eu-west-1", DataReadPlanner.DataRegionOf(c, "eu-central-1"));
        Assert.Equal("us-east-1", DataReadPlanner.DataRegionOf(c, "us-east-1"));
        Assert.Equal(["us-west-2", "us-east-1", "eu-west-1"], DataPlan.Of(c)!.Database!.Members.Select(m => m.Region));
    }

    [Fact]
    public void The_primary_must_be_a_data_region()
    {
        var problems = DataYaml.Problems(ProdWithFourthRegion("us-east-1, eu-west-1, eu-central-1"));
        Assert.Contains(problems, p => p.Path == "data.regions" && p.Message.Contains("primary region 'us-west-2' is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void A_data_region_must_be_a_region_of_the_config()
    {
        var problems = DataYaml.Problems(ProdWithFourthRegion("us-west-2, us-east-1, eu-west-3"));
        Assert.Contains(problems, p => p.Path == "data.regions[2]" && p.Message.Contains("'eu-west-3' is not a region", StringComparison.Ordinal));
    }

    [Fact]
    public void Global_reads_asia_from_the_primary_across_a_continent()
    {
        var c = DataYaml.Load(DataYaml.Shipped("global"));
        Assert.Equal(
            [new DataRead("eu-central-1", "eu-west-1", true), new DataRead("ap-southeast-1", "us-west-2", false), new DataRead("ap-northeast-1", "us-west-2", false)],
            DataReadPlanner.Of(c));
        var md = PlanMarkdown.Render(c, new PlanDocument(c.App, c.Environment, "stacks/global.yaml", PlanDocument.RegionsOf(c), [], PlanFailoverRow.Of(c)));
        Assert.Contains("| ap-southeast-1 | us-west-2 | cross-continent (Asia Pacific -> North America) |", md);
        Assert.Contains("## AWS limits", md);
    }
}
