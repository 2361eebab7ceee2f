using MultiRegion.Infra.Model.Loading;
using MultiRegion.Infra.Model.Planning;

namespace MultiRegion.Infra.Model.Tests.Compute;

public sealed class ComputePlanTests
{
    private const string Yaml = """
        app: t
        environment: test
        account: "111111111111"
        dns: { zoneName: example.com, hostedZoneId: Z0000000000000 }
        regions:
          - { name: us-west-2, role: primary, trafficWeight: 100, availabilityZones: [us-west-2a, us-west-2b], vpcCidr: 10.10.0.0/16 }
        sizing:
          primary:
            spotPercent: 70
            nodeGroups:
              general: { instanceTypes: [m5.large, m5a.large], minSize: 3, desiredSize: 3, maxSize: 15, scaleDownUtilization: 0.5 }
              gpu: { instanceTypes: [p3.2xlarge], minSize: 1, desiredSize: 2, maxSize: 10, gpu: true }
        compute:
          kubernetesVersion: "1.35"
          endpoint: { access: private }
        """;

    [Fact]
    public void Plan_json_lists_every_group_with_its_share()
    {
        var c = ConfigLoader.Parse(Yaml, "t.yaml");
        var region = Assert.Single(ComputeSection.Of(c)!);

        Assert.Equal("t-test-us-west-2", region.Cluster);
        Assert.Equal(["general-ondemand", "general-spot", "gpu-ondemand", "gpu-spot"], region.NodeGroups.Select(g => g.Name));
        var spot = region.NodeGroups.Single(g => g.Name == "general-spot");
        Assert.Equal((2, 2, 10), (spot.Min, spot.Desired, spot.Max));
        Assert.Equal(["m5.large", "m5a.large"], spot.InstanceTypes);
    }

    [Fact]
    public void Plan_md_shows_node_groups_per_region_and_tier()
    {
        var c = ConfigLoader.Parse(Yaml, "t.yaml");
        var md = PlanMarkdown.Render(c, new PlanDocument("t", "test", "t.yaml", PlanDocument.RegionsOf(c), []));

        Assert.Contains("## Compute", md);
        Assert.Contains("| us-west-2 | general | 3/3/15 | 70% | 1/1/5 m5.large | 2/2/10 m5.large, m5a.large | 50% |", md);
        Assert.Contains("| us-west-2 | gpu (GPU, tainted) | 1/2/10 | 70% | 1/1/3 p3.2xlarge | 0/1/7 p3.2xlarge | default |", md);
    }

    [Fact]
    public void No_compute_section_no_plan_section()
    {
        var c = ConfigLoader.Parse(Yaml[..Yaml.IndexOf("compute:", StringComparison.Ordinal)], "t.yaml");
        Assert.Null(ComputeSection.Of(c));
        Assert.DoesNotContain("## Compute", PlanMarkdown.Render(c, new PlanDocument("t", "test", "t.yaml", PlanDocument.RegionsOf(c), [])));
    }
}
