using Amazon.CDK.Assertions;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Composition;

public sealed class StackLayoutTests
{
    private static readonly SynthesizedPlatform Prod = SynthesizedPlatform.Shipped("prod");
    private static readonly SynthesizedPlatform Video = SynthesizedPlatform.Shipped("videochat");

    [Fact]
    public void Prod_has_a_stack_per_region_and_a_global_stack_in_us_east_1()
    {
        var stacks = Prod.Platform.Stacks.Select(s => (s.Stack.StackName, s.Stack.Region, s.Stack.Account)).ToList();
        Assert.Contains(("mlops-prod-us-west-2", "us-west-2", "111111111111"), stacks);
        Assert.Contains(("mlops-prod-us-east-1", "us-east-1", "111111111111"), stacks);
        Assert.Contains(("mlops-prod-eu-west-1", "eu-west-1", "111111111111"), stacks);
        Assert.Contains(("mlops-prod-global", "us-east-1", "111111111111"), stacks);
    }

    [Fact]
    public void Videochat_regions_are_its_seeds()
    {
        Assert.Equal(["us-west-2", "eu-west-1", "ap-southeast-1"], Video.Platform.Regional.Keys.ToList());
        Assert.Equal("videochat-prod-ap-southeast-1", Video.Platform.Regional["ap-southeast-1"].StackName);
    }

    [Fact]
    public void Resources_are_tagged_with_app_environment_region_and_role()
    {
        Prod.Regional("eu-west-1").HasResourceProperties("AWS::EC2::VPC", new Dictionary<string, object>
        {
            ["Tags"] = Match.ArrayWith(new object[]
            {
                new Dictionary<string, object> { ["Key"] = "app", ["Value"] = "mlops" },
                new Dictionary<string, object> { ["Key"] = "environment", ["Value"] = "prod" },
                new Dictionary<string, object> { ["Key"] = "region", ["Value"] = "eu-west-1" },
                new Dictionary<string, object> { ["Key"] = "region-role", ["Value"] = "tertiary" },
            }),
        });
    }

    [Fact]
    public void Prod_stacks_have_termination_protection_and_dev_stacks_do_not()
    {
        Assert.All(Prod.Platform.Stacks, s => Assert.True(s.Stack.TerminationProtection));
        Assert.All(SynthesizedPlatform.Shipped("dev").Platform.Stacks, s => Assert.False(s.Stack.TerminationProtection));
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("videochat")]
    [InlineData("dev")]
    public void Synthesis_needs_no_context_lookup_so_cdk_synth_needs_no_credentials(string name)
    {
        var manifest = File.ReadAllText(Path.Combine(SynthesizedPlatform.Shipped(name).Outdir, "manifest.json"));
        using var doc = System.Text.Json.JsonDocument.Parse(manifest);
        Assert.False(doc.RootElement.TryGetProperty("missing", out var missing) && missing.GetArrayLength() > 0,
            $"the cloud assembly asks the CDK CLI for context lookups: {manifest[..Math.Min(manifest.Length, 400)]}");
    }
}
