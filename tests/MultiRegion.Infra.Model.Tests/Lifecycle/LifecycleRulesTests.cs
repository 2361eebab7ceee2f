using MultiRegion.Infra.Model.Loading;
using MultiRegion.Infra.Model.Tests.Data;

namespace MultiRegion.Infra.Model.Tests.Lifecycle;

/// <summary>The lifecycle guard at load, with the run's date pinned.</summary>
public sealed class LifecycleRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    private static string Dev => DataYaml.Shipped("dev");

    private static IReadOnlyList<ConfigProblem> Problems(string yaml, DateOnly today) =>
        Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "test.yaml", today)).Problems;

    [Theory]
    [InlineData("prod")]
    [InlineData("videochat")]
    [InlineData("dev")]
    public void Shipped_configs_load_today_with_no_lifecycle_warning(string name)
    {
        var c = ConfigLoader.Parse(DataYaml.Shipped(name), $"{name}.yaml", Today);
        Assert.DoesNotContain(c.Warnings, w => w.Path == "compute.kubernetesVersion" || w.Message.Contains("source:", StringComparison.Ordinal));
    }

    [Fact]
    public void Kubernetes_1_30_is_refused_with_the_end_of_extended_support_and_the_source()
    {
        var p = Assert.Single(Problems(Dev.ReplaceOnce("kubernetesVersion: \"1.35\"", "kubernetesVersion: \"1.30\""), Today));
        Assert.Equal("compute.kubernetesVersion", p.Path);
        Assert.Contains("2026-07-23", p.Message);
        Assert.Contains("https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html", p.Message);
        Assert.Contains("1.35", p.Message);
    }

    [Fact]
    public void A_version_within_ninety_days_of_the_end_of_extended_support_loads_with_a_warning()
    {
        var c = ConfigLoader.Parse(Dev, "test.yaml", new DateOnly(2028, 1, 15));
        var w = Assert.Single(c.Warnings, w => w.Path == "compute.kubernetesVersion" && w.Message.Contains("2028-03-27", StringComparison.Ordinal));
        Assert.Contains("72 days", w.Message);
    }

    [Fact]
    public void A_version_within_ninety_days_of_the_end_of_standard_support_warns_about_extended_support()
    {
        var c = ConfigLoader.Parse(Dev, "test.yaml", new DateOnly(2027, 1, 15));
        var w = Assert.Single(c.Warnings, w => w.Path == "compute.kubernetesVersion");
        Assert.Contains("2027-03-27", w.Message);
    }

    [Fact]
    public void The_shipped_version_is_refused_once_extended_support_ends()
    {
        var p = Assert.Single(Problems(Dev, new DateOnly(2028, 3, 27)));
        Assert.Equal("compute.kubernetesVersion", p.Path);
        Assert.Contains("2028-03-27", p.Message);
    }

    [Fact]
    public void A_version_not_in_the_table_is_refused_listing_the_supported_ones()
    {
        var p = Assert.Single(Problems(Dev.ReplaceOnce("kubernetesVersion: \"1.35\"", "kubernetesVersion: \"1.36\""), Today));
        Assert.Equal("compute.kubernetesVersion", p.Path);
        Assert.Contains("'1.36'", p.Message);
        Assert.Contains("supported: 1.35", p.Message);
    }

    [Fact]
    public void A_version_the_program_ships_no_kubectl_layer_for_needs_a_layer_arn_per_region()
    {
        var on134 = Dev.ReplaceOnce("kubernetesVersion: \"1.35\"", "kubernetesVersion: \"1.34\"");
        var problems = Problems(on134, Today);
        Assert.All(problems, q => Assert.Equal("compute.kubernetesVersion", q.Path));
        var p = Assert.Single(problems, q => q.Message.Contains("no kubectl layer for 1.34", StringComparison.Ordinal));
        Assert.Contains("compute.kubectlLayerArns", p.Message);
        // The autoscaler is built per minor: the table has no 1.34 row, and says so.
        Assert.Single(problems, q => q.Message.Contains("ClusterAutoscaler version for 1.34", StringComparison.Ordinal));
    }
}
