using MultiRegion.Infra.Model.Loading;
using MultiRegion.Infra.Model.Planning;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Edge;

/// <summary>
/// The record tree is not specific to three regions: with four, pairs of failures leave two regions, whose split
/// comes from a row when given and from their normal weights otherwise. Walks the synthesized tree for all ten.
/// </summary>
public sealed class FourRegionFailoverTests
{
    private static readonly SynthesizedPlatform Four = SynthesizedPlatform.Of(FourRegions());

    private static Model.Config.StackConfig FourRegions()
    {
        var yaml = MultiRegion.Infra.Tests.Shared.FourRegionVariant.Yaml(File.ReadAllText(Path.Combine(RepoPaths.Stacks, "prod.yaml")),
            "      - { failed: [us-west-2, eu-west-1], split: { us-east-1: 90, eu-central-1: 10 } }");
        return ConfigLoader.Parse(yaml, "four.yaml") with { SourcePath = "four.yaml" };
    }

    [Fact]
    public void Every_scenario_of_four_regions_resolves_to_its_row()
    {
        var c = Four.Config;
        var sim = new Route53Simulator(Path.Combine(Four.Outdir, Four.Platform.Global.TemplateFile), c.Regions.Select(r => r.Name), c.Dns.ZoneName);
        var rows = PlanFailoverRow.Of(c)!;
        Assert.Equal(4 + 6, rows.Count);
        Assert.Equal(new Dictionary<string, int> { ["us-east-1"] = 90, ["eu-central-1"] = 10 },
            rows.Single(r => r.Failed.SequenceEqual(["us-west-2", "eu-west-1"])).Split);
        FailoverTreeTests.AssertEveryScenario(c, sim, $"api.{c.Dns.ZoneName}");
    }

    [Fact]
    public void Three_regions_down_fall_back_to_whatever_is_left()
    {
        var c = Four.Config;
        var sim = new Route53Simulator(Path.Combine(Four.Outdir, Four.Platform.Global.TemplateFile), c.Regions.Select(r => r.Name), c.Dns.ZoneName);
        var answer = sim.Resolve($"api.{c.Dns.ZoneName}", ["eu-central-1"]);
        Assert.False(sim.FailedOpen);
        Assert.Equal(1.0, answer["eu-central-1"], 9);
    }
}
