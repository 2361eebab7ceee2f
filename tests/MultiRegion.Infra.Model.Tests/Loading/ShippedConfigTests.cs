using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Loading;

namespace MultiRegion.Infra.Model.Tests.Loading;

/// <summary>The configs in stacks/ load, and carry the seeds' numbers.</summary>
public sealed class ShippedConfigTests
{
    internal static string StacksDir =>
        StackLocator.FindStacksDirectory(AppContext.BaseDirectory) ?? throw new InvalidOperationException("no stacks/ above the test binaries");

    private static StackConfig Load(string name) => ConfigLoader.Load(Path.Combine(StacksDir, name + ".yaml"));

    [Theory]
    [InlineData("prod")]
    [InlineData("videochat")]
    [InlineData("dev")]
    [InlineData("global")]
    public void Every_shipped_config_loads(string name) => Assert.NotNull(Load(name));

    [Fact]
    public void Prod_is_the_mlops_seed_split_60_30_10()
    {
        var c = Load("prod");
        Assert.Equal(
            [("us-west-2", RegionRole.Primary, 60), ("us-east-1", RegionRole.Secondary, 30), ("eu-west-1", RegionRole.Tertiary, 10)],
            c.Regions.Select(r => (r.Name, r.Role, r.TrafficWeight)).ToList());
        Assert.All(c.Regions, r => Assert.Equal(3, r.AvailabilityZones.Count));
    }

    [Fact]
    public void Prod_node_group_bounds_are_the_seeds()
    {
        var c = Load("prod");
        var bounds = c.Regions.Select(r => c.SizingOf(r).NodeGroups)
            .Select(g => (g["cpu"].MinSize, g["cpu"].MaxSize, g["memory"].MaxSize, g["gpu"].MinSize, g["gpu"].MaxSize)).ToList();
        Assert.Equal([(3, 50, 30, 1, 20), (3, 30, 20, 1, 10), (3, 15, 10, 0, 5)], bounds);
        Assert.Equal([10, 6, 3], c.Regions.Select(r => c.SizingOf(r).NodeGroups["cpu"].DesiredSize).ToList());
        Assert.Equal(["db.r5.4xlarge", "db.r5.2xlarge", "db.r5.xlarge"], c.Regions.Select(r => c.SizingOf(r).Database!.InstanceClass).ToList());
    }

    [Fact]
    public void Videochat_is_the_video_seed_with_70_percent_spot_outside_the_primary()
    {
        var c = Load("videochat");
        Assert.Equal(["us-west-2", "eu-west-1", "ap-southeast-1"], c.Regions.Select(r => r.Name).ToList());
        Assert.Equal([50, 70, 70], c.Regions.Select(r => c.SizingOf(r).SpotPercent).ToList());
        Assert.Equal([20, 15, 15], c.Regions.Select(r => c.SizingOf(r).NodeGroups["general"].MaxSize).ToList());
    }

    [Fact]
    public void Dev_is_small_two_region_and_unprotected()
    {
        var c = Load("dev");
        Assert.Equal(2, c.Regions.Count);
        Assert.False(c.ProtectData);
        Assert.Equal(NatLayout.Single, c.NetworkSettings.Nat);
    }
}
