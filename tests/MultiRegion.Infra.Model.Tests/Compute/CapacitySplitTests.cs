using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning;

namespace MultiRegion.Infra.Model.Tests.Compute;

public sealed class CapacitySplitTests
{
    [Theory]
    // Seed prod CPU primary: 3/10/50 at 50% spot.
    [InlineData(3, 10, 50, 50, 1, 5, 25)]
    // GPU tertiary: min 0.
    [InlineData(0, 1, 5, 50, 0, 0, 2)]
    // Video chat secondary: 3/3/15 at 70% spot.
    [InlineData(3, 3, 15, 70, 2, 2, 10)]
    [InlineData(5, 5, 20, 50, 2, 2, 10)]
    [InlineData(1, 2, 4, 100, 1, 2, 4)]
    [InlineData(1, 2, 4, 0, 0, 0, 0)]
    public void Spot_gets_the_floor_of_its_share_and_on_demand_the_rest(int min, int desired, int max, int spotPercent, int spotMin, int spotDesired, int spotMax)
    {
        var split = CapacitySplit.Of(new NodeBounds(min, desired, max), spotPercent);

        Assert.Equal(new NodeBounds(spotMin, spotDesired, spotMax), split.Spot);
        Assert.Equal(new NodeBounds(min - spotMin, desired - spotDesired, max - spotMax), split.OnDemand);
    }

    [Fact]
    public void Both_groups_sum_exactly_and_stay_ordered_for_every_small_tier()
    {
        for (var spot = 0; spot <= 100; spot += 5)
            for (var max = 0; max <= 30; max++)
                for (var min = 0; min <= max; min++)
                    for (var desired = min; desired <= max; desired++)
                    {
                        var total = new NodeBounds(min, desired, max);
                        var split = CapacitySplit.Of(total, spot);
                        Assert.Equal(total, split.Total);
                        foreach (var part in new[] { split.Spot, split.OnDemand })
                            Assert.True(part.Min >= 0 && part.Min <= part.Desired && part.Desired <= part.Max, $"{total} at {spot}% gave {part}");
                        // Rounding favours on-demand: spot never exceeds its exact share.
                        Assert.True(split.Spot.Max * 100 <= max * spot);
                    }
    }

    [Fact]
    public void Bad_input_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CapacitySplit.Of(new NodeBounds(1, 2, 3), 101));
        Assert.Throws<ArgumentOutOfRangeException>(() => CapacitySplit.Of(new NodeBounds(3, 2, 5), 50));
    }

    [Fact]
    public void A_tier_becomes_an_on_demand_group_with_the_first_type_and_a_diversified_spot_group()
    {
        var tier = CapacityPlan.Tier("gpu", new NodeGroupSizing(["p3.2xlarge", "p3.8xlarge"], 1, 4, 20, Gpu: true, ScaleDownUtilization: 0.3), 50);

        Assert.Equal(new NodeBounds(1, 4, 20), tier.Total);
        var onDemand = Assert.Single(tier.Groups, g => g.Capacity == CapacityKind.OnDemand);
        var spot = Assert.Single(tier.Groups, g => g.Capacity == CapacityKind.Spot);
        Assert.Equal(["p3.2xlarge"], onDemand.InstanceTypes);
        Assert.Equal(["p3.2xlarge", "p3.8xlarge"], spot.InstanceTypes);
        Assert.Equal("gpu-ondemand", onDemand.Name);
        Assert.Equal("gpu-spot", spot.Name);
        Assert.All(tier.Groups, g => Assert.True(g.Gpu));
        Assert.All(tier.Groups, g => Assert.Equal(0.3, g.ScaleDownUtilization));
    }

    [Fact]
    public void A_share_without_any_node_gets_no_group()
    {
        var allSpot = CapacityPlan.Tier("cpu", new NodeGroupSizing(["c5.large"], 1, 2, 4), 100);
        Assert.Equal(CapacityKind.Spot, Assert.Single(allSpot.Groups).Capacity);

        var tooSmallToSplit = CapacityPlan.Tier("cpu", new NodeGroupSizing(["c5.large"], 1, 1, 1), 50);
        Assert.Equal(CapacityKind.OnDemand, Assert.Single(tooSmallToSplit.Groups).Capacity);
    }
}
