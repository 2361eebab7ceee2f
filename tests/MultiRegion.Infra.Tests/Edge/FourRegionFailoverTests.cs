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
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.Stacks, "prod.yaml"))
            .Replace("trafficWeight: 60", "trafficWeight: 40")
            .Replace("trafficWeight: 10\n", "trafficWeight: 20\n")
            .Replace("{ us-east-1: 80, eu-west-1: 20 }", "{ us-east-1: 70, eu-west-1: 20, eu-central-1: 10 }")
            .Replace("{ us-west-2: 80, eu-west-1: 20 }", "{ us-west-2: 70, eu-west-1: 20, eu-central-1: 10 }")
            .Replace("      - { failed: [eu-west-1], split: { us-west-2: 70, us-east-1: 30 } }\n",
                "      - { failed: [eu-west-1], split: { us-west-2: 70, us-east-1: 20, eu-central-1: 10 } }\n"
                + "      - { failed: [eu-central-1], split: { us-west-2: 50, us-east-1: 30, eu-west-1: 20 } }\n"
                + "      - { failed: [us-west-2, eu-west-1], split: { us-east-1: 90, eu-central-1: 10 } }\n")
            .Replace("\nnetwork:\n", """

                  - name: eu-central-1
                    role: tertiary
                    trafficWeight: 10
                    availabilityZones: [eu-central-1a, eu-central-1b]
                    vpcCidr: 10.40.0.0/16

                network:

                """);
        // A Global Datastore spans at most 3 regions, and the objectives name the shipped regions: this routing variant leaves both out.
        yaml = WithoutSection(WithoutSection(yaml, "data"), "objectives");
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
        foreach (var row in rows)
        {
            var answer = sim.Resolve($"api.{c.Dns.ZoneName}", c.Regions.Select(r => r.Name).Except(row.Failed));
            Assert.False(sim.FailedOpen);
            Assert.Equal(row.Split.Keys.Order(), answer.Keys.Order());
            foreach (var (region, pct) in row.Split)
                Assert.Equal(pct / 100.0, answer[region], 9);
        }
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

    /// <summary>Drops one top-level section (its key line and indented body) from a stack config's YAML.</summary>
    private static string WithoutSection(string yaml, string key)
    {
        var lines = yaml.Split('\n').ToList();
        var start = lines.FindIndex(l => l == key + ":");
        if (start < 0) return yaml;
        var end = start + 1;
        while (end < lines.Count && (lines[end].Length == 0 || lines[end][0] == ' ' || lines[end][0] == '#')) end++;
        lines.RemoveRange(start, end - start);
        return string.Join('\n', lines);
    }
}
