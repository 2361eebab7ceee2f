using MultiRegion.Infra.Model.Loading;
using MultiRegion.Infra.Model.Planning;
using MultiRegion.Infra.Tests.Shared;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Edge;

/// <summary>
/// Issue 16's measurement config: dev grown to ten regions, a failover row per single failure, data tier off. It
/// used to crash synthesis at 799 resources in the global stack; it must now synthesize with every stack under
/// CloudFormation's 500 and the health checks within the account's default 200. One synthesis (seconds).
/// </summary>
public sealed class TenRegionGrowthTests
{
    private static readonly Lazy<SynthesizedPlatform> Ten = new(() => SynthesizedPlatform.Of(
        ConfigLoader.Parse(ManyRegionsVariant.Yaml(File.ReadAllText(Path.Combine(RepoPaths.Stacks, "dev.yaml")), 10, singleRows: true), "ten.yaml")
            with { SourcePath = "ten.yaml" }));

    [Fact]
    public void Ten_regions_synthesize_with_every_stack_under_500_and_few_health_checks()
    {
        var p = Ten.Value;
        foreach (var stack in p.Platform.Regional.Values.Cast<Amazon.CDK.Stack>().Append(p.Platform.Global))
        {
            var count = ((Dictionary<string, object>)p.TemplateOf(stack).ToJSON()["Resources"]).Count;
            Assert.True(count < AwsQuota.ResourcesPerTemplate.Value, $"{stack.StackName}: {count} resources");
        }
        var checks = p.Global.FindResources("AWS::Route53::HealthCheck").Count;
        Assert.Equal(10 + 10 + 10, checks);
        Assert.Equal(LimitsPlanner.Dns(p.Config).HealthChecks, checks);
    }
}
