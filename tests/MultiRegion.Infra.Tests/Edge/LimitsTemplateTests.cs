using MultiRegion.Infra.Model.Planning;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Edge;

/// <summary>The limits counted before synthesis (<see cref="LimitsPlanner"/>) against the synthesized global stack.</summary>
public sealed class LimitsTemplateTests
{
    public static TheoryData<string> Shipped => new() { "prod", "videochat", "dev", "global" };

    [Theory]
    [MemberData(nameof(Shipped))]
    public void The_planned_health_checks_are_the_synthesized_ones_and_resources_are_not_undercounted(string name)
    {
        var p = SynthesizedPlatform.Shipped(name);
        var template = p.Global;
        var uses = LimitsPlanner.Of(p.Config);
        Assert.Equal(uses.Single(u => u.Quota == AwsQuota.HealthChecksPerAccount).Used,
            template.FindResources("AWS::Route53::HealthCheck").Count);
        var planned = uses.Single(u => u.Quota == AwsQuota.ResourcesPerTemplate).Used;
        var actual = ((Dictionary<string, object>)template.ToJSON()["Resources"]).Count;
        Assert.True(planned >= actual && planned - actual <= LimitsPlanner.GlobalFixedResources,
            $"{name}: planned {planned} ({uses[0].Arithmetic}), synthesized {actual}");
        var records = template.FindResources("AWS::Route53::RecordSet").Count;
        var plannedRecords = uses.Single(u => u.Quota == AwsQuota.RecordsPerHostedZone).Used;
        Assert.InRange(records - plannedRecords, 0, 4); // CloudFront's alias records are counted with the fixed part
    }
}
