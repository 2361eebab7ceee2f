using System.Text.Json.Nodes;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Compute;

/// <summary>Changing a node group bound in the config changes that bound in the template, and nothing else.</summary>
public sealed class BoundChangeTests
{
    private static readonly SynthesizedPlatform Dev = SynthesizedPlatform.Shipped("dev");
    private static readonly SynthesizedPlatform Raised = SynthesizedPlatform.Of(RaiseCpuMax(Dev.Config, 6));

    private static StackConfig RaiseCpuMax(StackConfig c, int max)
    {
        var primary = c.Sizing["primary"];
        var cpu = primary.NodeGroups["cpu"] with { MaxSize = max };
        var groups = new Dictionary<string, NodeGroupSizing>(primary.NodeGroups) { ["cpu"] = cpu };
        var sizing = new Dictionary<string, SizingTier>(c.Sizing) { ["primary"] = primary with { NodeGroups = groups } };
        return c with { Sizing = sizing };
    }

    [Fact]
    public void Raising_max_changes_only_the_node_groups_max_size()
    {
        var before = Template(Dev, "us-west-2");
        var after = Template(Raised, "us-west-2");

        var differences = new List<string>();
        Diff(before, after, "", differences);

        // dev is all spot: one group, one number.
        var path = Assert.Single(differences);
        Assert.Matches(@"^/Resources/ComputeNodeGroupsCpuSpot[0-9A-F]{8}/Properties/ScalingConfig/MaxSize$", path);
        Assert.Equal(6, (int)after["Resources"]!.AsObject().Single(r => path.Contains(r.Key)).Value!["Properties"]!["ScalingConfig"]!["MaxSize"]!);
        Assert.True(JsonNode.DeepEquals(Template(Dev, "us-east-1"), Template(Raised, "us-east-1")));
    }

    private static JsonNode Template(SynthesizedPlatform p, string region) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(p.Outdir, p.Platform.Regional[region].TemplateFile)))!;

    private static void Diff(JsonNode? a, JsonNode? b, string path, List<string> differences)
    {
        if (a is JsonObject oa && b is JsonObject ob)
        {
            foreach (var key in oa.Select(kv => kv.Key).Union(ob.Select(kv => kv.Key)))
                Diff(oa[key], ob[key], $"{path}/{key}", differences);
        }
        else if (a is JsonArray xa && b is JsonArray xb && xa.Count == xb.Count)
        {
            for (var i = 0; i < xa.Count; i++)
                Diff(xa[i], xb[i], $"{path}/{i}", differences);
        }
        else if (!JsonNode.DeepEquals(a, b))
            differences.Add(path);
    }
}
