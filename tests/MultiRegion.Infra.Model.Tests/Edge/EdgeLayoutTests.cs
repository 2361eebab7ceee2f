using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning;
using static MultiRegion.Infra.Model.Tests.Edge.ShippedConfigs;

namespace MultiRegion.Infra.Model.Tests.Edge;

public sealed class EdgeLayoutTests
{
    [Fact]
    public void An_accelerator_gets_its_own_stack_in_us_west_2()
    {
        var stacks = StackLayout.For(Load("videochat"));
        var ga = stacks.Single(s => s.Kind == StackKind.Accelerator);
        Assert.Equal(("videochat-prod-accelerator", AwsRegions.GlobalAcceleratorHome, "global"), (ga.Name, ga.Region, ga.RoleLabel));
        Assert.Equal("us-west-2", ga.Region);
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("dev")]
    public void Without_an_accelerator_section_there_is_no_accelerator_stack(string name)
    {
        Assert.DoesNotContain(StackLayout.For(Load(name)), s => s.Kind == StackKind.Accelerator);
    }

    [Fact]
    public void Objectives_can_read_detection_time_ttl_and_accelerator_settings()
    {
        var e = Load("videochat").Edge!;
        Assert.Equal(10, e.HealthCheck.Interval);
        Assert.Equal(3, e.HealthCheck.FailureThreshold);
        Assert.Equal(RoutingConfig.AliasRecordTtlSeconds, e.Routing.RecordTtlSeconds);
        Assert.Equal((null, null, null), (e.Accelerator!.HealthCheckIntervalSeconds, e.Accelerator.HealthCheckThreshold, e.Accelerator.HealthCheckPath));
    }
}
