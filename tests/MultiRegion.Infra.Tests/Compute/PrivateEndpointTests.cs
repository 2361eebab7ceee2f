using System.Text.Json.Nodes;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Loading;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Compute;

/// <summary>dev with a private-only API endpoint and a published kubectl layer in one region.</summary>
public sealed class PrivateEndpointTests
{
    private const string LayerArn = "arn:aws:lambda:us-west-2:333333333333:layer:kubectl-v30:4";

    private static readonly SynthesizedPlatform Private = SynthesizedPlatform.Of(Variant());

    private static StackConfig Variant()
    {
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.Stacks, "dev.yaml"));
        var cidrs = "    access: publicAndPrivate\n    # REPLACE: your own network.\n    publicAccessCidrs: [203.0.113.0/24]";
        Assert.Contains(cidrs, yaml);
        yaml = yaml.Replace(cidrs, $"    access: private\n  kubectlLayerArns:\n    us-west-2: \"{LayerArn}\"");
        return ConfigLoader.Parse(yaml, "dev-private.yaml");
    }

    [Fact]
    public void A_private_endpoint_has_no_public_access()
    {
        var cluster = Assert.Single(SynthesizedJson.Regional(Private, "us-west-2").OfType("Custom::AWSCDK-EKS-Cluster"));
        var vpc = cluster["Config"]!["resourcesVpcConfig"]!;
        Assert.False((bool)vpc["endpointPublicAccess"]!);
        Assert.True((bool)vpc["endpointPrivateAccess"]!);
        Assert.Null(vpc["publicAccessCidrs"]);
    }

    [Fact]
    public void A_published_kubectl_layer_replaces_the_bundled_one_in_its_region_only()
    {
        Assert.Contains(LayerArn, KubectlHandlerLayers("us-west-2"));
        Assert.DoesNotContain(LayerArn, KubectlHandlerLayers("us-east-1"));
    }

    private List<string> KubectlHandlerLayers(string region)
    {
        var stackName = Private.Platform.Regional[region].StackName.Replace("-", "");
        var file = Directory.GetFiles(Private.Outdir, $"{stackName}*KubectlProvider*.nested.template.json").Single();
        var resources = JsonNode.Parse(File.ReadAllText(file))!["Resources"]!.AsObject();
        return resources.Select(r => r.Value!)
            .Where(r => (string?)r["Type"] == "AWS::Lambda::Function" && r["Properties"]!["Layers"] is not null)
            .SelectMany(r => r["Properties"]!["Layers"]!.AsArray())
            .Select(l => l!.GetValueKind() == System.Text.Json.JsonValueKind.String ? (string)l! : l.ToJsonString())
            .ToList();
    }
}
