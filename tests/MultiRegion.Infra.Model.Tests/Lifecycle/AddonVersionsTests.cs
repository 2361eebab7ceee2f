using System.Text.RegularExpressions;
using MultiRegion.Infra.Model.Lifecycle;
using MultiRegion.Infra.Model.Loading;
using MultiRegion.Infra.Model.Tests.Data;
using MultiRegion.Infra.Model.Validation;

namespace MultiRegion.Infra.Model.Tests.Lifecycle;

/// <summary>The add-on version table and how a config's overrides are held to it.</summary>
public sealed class AddonVersionsTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    public static TheoryData<AddonVersion> Rows()
    {
        var rows = new TheoryData<AddonVersion>();
        foreach (var r in AddonVersions.All) rows.Add(r);
        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Every_row_is_a_sourced_version_that_supports_the_shipped_kubernetes_minor(AddonVersion row)
    {
        Assert.Matches(new Regex(@"^[0-9]+\.[0-9]+\.[0-9]+$"), row.Version);
        Assert.StartsWith("https://", row.Source);
        Assert.True(row.MaxMinor is null || row.MinMinor <= row.MaxMinor);
        Assert.True(row.Supports(35), $"{row.Addon} {row.Version} does not support 1.35");
        if (row.Addon == Addon.ClusterAutoscaler)
        {
            // The autoscaler is built per Kubernetes minor: one minor per row, and the image of that minor.
            Assert.Equal(row.MinMinor, row.MaxMinor);
            Assert.StartsWith($"v1.{row.MinMinor}.", row.ImageTag);
        }
        if (row.Addon == Addon.LoadBalancerController)
            Assert.Contains(row.Version, ComputeRules.LoadBalancerControllerVersions);
    }

    [Fact]
    public void Every_component_has_a_row_for_every_version_a_config_may_ship()
    {
        foreach (var version in KubernetesVersions.Shippable(Today))
            foreach (var addon in Enum.GetValues<Addon>())
                Assert.NotEmpty(AddonVersions.For(addon, AddonVersions.MinorOf(version)!.Value));
    }

    [Fact]
    public void Without_overrides_a_cluster_gets_the_table_versions_for_its_minor()
    {
        var c = ConfigLoader.Parse(DataYaml.Shipped("prod"), "prod.yaml", Today);
        var a = AddonVersions.Resolve(c.Compute!);
        Assert.Equal(("9.59.0", "v1.35.0", "3.13.0", "2.8.2", "4.12.5", "0.18.2"),
            (a.ClusterAutoscalerChart, a.ClusterAutoscalerImageTag, a.MetricsServerChart, a.LoadBalancerController, a.VpaChart, a.NvidiaDevicePluginChart));
    }

    [Fact]
    public void An_override_not_checked_for_the_clusters_minor_is_refused_with_the_ones_that_are()
    {
        var yaml = DataYaml.Shipped("dev").ReplaceOnce("  autoscaler:\n", "  addons: { clusterAutoscalerChart: \"9.37.0\" }\n  autoscaler:\n");
        var p = Assert.Single(DataYaml.Problems(yaml));
        Assert.Equal("compute.addons.clusterAutoscalerChart", p.Path);
        Assert.Contains("9.59.0", p.Message);
    }

    [Fact]
    public void An_autoscaler_image_of_another_minor_is_refused()
    {
        var yaml = DataYaml.Shipped("dev").ReplaceOnce("  autoscaler:\n", "  addons: { clusterAutoscalerImageTag: v1.30.7 }\n  autoscaler:\n");
        var p = Assert.Single(DataYaml.Problems(yaml));
        Assert.Equal("compute.addons.clusterAutoscalerImageTag", p.Path);
        Assert.Contains("v1.35.0", p.Message);
    }
}
