using System.Text.Json.Nodes;
using MultiRegion.Infra.Composition;
using MultiRegion.Infra.Model.Lifecycle;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Compute;

/// <summary>The lifecycle guard on what is synthesized: Lambda runtimes, the kubectl layer of each cluster.</summary>
public sealed class LifecycleSynthTests
{
    private static readonly DateOnly Today = new(2026, 11, 22);

    public static TheoryData<string> Shipped => new() { "prod", "videochat", "dev" };

    private static IEnumerable<(string File, string Id, JsonObject Resource)> Resources(SynthesizedPlatform p) =>
        Directory.EnumerateFiles(p.Outdir, "*.template.json")
            .SelectMany(f => JsonNode.Parse(File.ReadAllText(f))!["Resources"]!.AsObject()
                .Select(r => (Path.GetFileName(f), r.Key, r.Value!.AsObject())));

    [Theory]
    [MemberData(nameof(Shipped))]
    public void No_template_names_a_lambda_runtime_that_is_retired_or_within_ninety_days_of_its_create_block(string name)
    {
        var p = SynthesizedPlatform.Shipped(name);
        Assert.Empty(LambdaRuntimeGuard.Refusals(p.Outdir, Today));
        var runtimes = Resources(p).Where(r => (string?)r.Resource["Type"] == "AWS::Lambda::Function")
            .Select(r => (string)r.Resource["Properties"]!["Runtime"]!).ToList();
        Assert.NotEmpty(runtimes);
        Assert.All(runtimes, rt => Assert.Equal(LifecycleStatus.Current, LifecycleDates.StatusOf(LambdaRuntimes.Find(rt)!.BlockCreate, Today)));
        // Both kinds of CDK handler were lifted: the Node.js providers and the EKS kubectl (python) handler.
        Assert.Contains(LambdaRuntimes.NodeTarget, runtimes);
        Assert.Contains(LambdaRuntimes.PythonTarget, runtimes);
    }

    [Fact]
    public void The_guard_refuses_a_template_runtime_with_the_create_block_date_and_the_source()
    {
        var dir = Directory.CreateTempSubdirectory("lifecycle-guard").FullName;
        File.WriteAllText(Path.Combine(dir, "s.template.json"), """
            { "Resources": {
                "Old": { "Type": "AWS::Lambda::Function", "Properties": { "Runtime": "nodejs20.x" } },
                "Unknown": { "Type": "AWS::Lambda::Function", "Properties": { "Runtime": "ruby2.7" } },
                "Fine": { "Type": "AWS::Lambda::Function", "Properties": { "Runtime": "nodejs22.x" } } } }
            """);
        var refusals = LambdaRuntimeGuard.Refusals(dir, Today);
        Assert.Equal(2, refusals.Count);
        Assert.Contains(refusals, r => r.Contains("Old", StringComparison.Ordinal) && r.Contains("2026-08-31", StringComparison.Ordinal)
                                       && r.Contains("https://docs.aws.amazon.com/lambda/", StringComparison.Ordinal));
        Assert.Contains(refusals, r => r.Contains("'ruby2.7' is not in the lifecycle table", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Every_cluster_runs_kubectl_from_the_packaged_layer_of_its_own_minor_and_the_cdk_warns_about_none(string name)
    {
        var p = SynthesizedPlatform.Shipped(name);
        foreach (var region in p.Platform.Regional.Keys)
        {
            var json = SynthesizedJson.Regional(p, region);
            var layer = Assert.Single(json.OfType("AWS::Lambda::LayerVersion"),
                l => ((string?)l["Description"] ?? "").StartsWith("kubectl and helm for Kubernetes", StringComparison.Ordinal));
            Assert.Contains($"Kubernetes {p.Config.Compute!.KubernetesVersion} (@aws-cdk/lambda-layer-kubectl-v35@", (string?)layer["Description"]);
        }
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(p.Outdir, "manifest.json")))!;
        var warnings = manifest["artifacts"]!.AsObject()
            .SelectMany(a => a.Value!["metadata"]?.AsObject() ?? [])
            .SelectMany(m => m.Value!.AsArray())
            .Where(e => (string?)e!["type"] == "aws:cdk:warning")
            .Select(e => e!["data"]!.ToJsonString()).ToList();
        Assert.DoesNotContain(warnings, w => w.Contains("kubectl", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_load_balancer_controller_row_is_a_version_the_cdk_ships_a_policy_and_chart_for()
    {
        foreach (var row in AddonVersions.All.Where(r => r.Addon == Addon.LoadBalancerController))
            Assert.NotNull(MultiRegion.Infra.Regional.Compute.ClusterAddons.LoadBalancerControllerVersion(row.Version));
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Every_cluster_runs_the_autoscaler_chart_and_image_of_its_kubernetes_minor(string name)
    {
        var p = SynthesizedPlatform.Shipped(name);
        foreach (var region in p.Platform.Regional.Keys)
        {
            var chart = Assert.Single(SynthesizedJson.Regional(p, region).OfType("Custom::AWSCDK-EKS-HelmChart"),
                c => (string?)c["Chart"] == "cluster-autoscaler");
            Assert.Equal("9.59.0", (string?)chart["Version"]);
            var values = chart["Values"] is JsonValue v ? (string)v! : chart["Values"]!.ToJsonString();
            Assert.Contains("\"image\":{\"tag\":\"v1.35.0\"}", values, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Every_node_group_boots_from_an_encrypted_gp3_root_volume_of_its_launch_template(string name)
    {
        var p = SynthesizedPlatform.Shipped(name);
        foreach (var region in p.Platform.Regional.Keys)
        {
            var json = SynthesizedJson.Regional(p, region);
            var groups = json.OfType("AWS::EKS::Nodegroup").ToList();
            Assert.NotEmpty(groups);
            foreach (var g in groups)
            {
                Assert.Null(g["DiskSize"]);
                Assert.NotEmpty(g["InstanceTypes"]!.AsArray());
                var templateId = (string)g["LaunchTemplate"]!["Id"]!["Ref"]!;
                var ebs = json.Resources[templateId]!["Properties"]!["LaunchTemplateData"]!["BlockDeviceMappings"]![0]!["Ebs"]!;
                Assert.True((bool)ebs["Encrypted"]!);
                Assert.Equal("gp3", (string?)ebs["VolumeType"]);
                Assert.True((int)ebs["VolumeSize"]! >= 20);
            }
        }
    }

    [Fact]
    public void Every_packaged_kubectl_layer_is_a_package_json_dependency_installed_by_the_app_build()
    {
        var packageJson = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "package.json")))!;
        var csproj = File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "MultiRegion.Infra", "MultiRegion.Infra.csproj"));
        var packages = KubernetesVersions.All.Select(r => r.KubectlLayerPackage).OfType<string>().ToList();
        Assert.NotEmpty(packages);
        foreach (var package in packages)
        {
            Assert.NotNull(packageJson["dependencies"]![package]);
            Assert.Contains($"<KubectlLayerPackage Include=\"{package}\" />", csproj, StringComparison.Ordinal);
            Assert.True(File.Exists(MultiRegion.Infra.Regional.Compute.KubectlLayerAsset.ZipFor(KubernetesVersions.All.First(r => r.KubectlLayerPackage == package))));
        }
    }

    [Fact]
    public void The_region_fact_lifts_vended_node_handlers_lift_moves_the_named_functions_and_the_guard_refuses_the_rest()
    {
        // A small app instead of a platform: both lift mechanisms and the guard, without another full synthesis.
        var outdir = Directory.CreateTempSubdirectory("lifecycle-lift").FullName;
        var code = Directory.CreateTempSubdirectory("lifecycle-lift-code").FullName;
        File.WriteAllText(Path.Combine(code, "index.js"), "exports.handler = async () => ({});");
        var app = new Amazon.CDK.App(new Amazon.CDK.AppProps { Outdir = outdir });
        var env = new Amazon.CDK.Environment { Account = "111111111111", Region = "eu-central-1" };
        LambdaRuntimeLift.RegisterRegionFacts(["eu-central-1"], Today);
        var stack = new Amazon.CDK.Stack(app, "S", new Amazon.CDK.StackProps { Env = env });
        // A CDK-vended provider (a raw AWS::Lambda::Function) whose runtime comes from the region fact.
        _ = new Amazon.CDK.AWS.S3.Bucket(stack, "Scratch", new Amazon.CDK.AWS.S3.BucketProps
        {
            AutoDeleteObjects = true, RemovalPolicy = Amazon.CDK.RemovalPolicy.DESTROY,
        });
        var node = new Amazon.CDK.AWS.Lambda.Function(stack, "Node", new Amazon.CDK.AWS.Lambda.FunctionProps
        {
            Runtime = Amazon.CDK.AWS.Lambda.Runtime.NODEJS_20_X, Handler = "index.handler", Code = Amazon.CDK.AWS.Lambda.Code.FromAsset(code),
        });
        var python = new Amazon.CDK.AWS.Lambda.Function(stack, "Python", new Amazon.CDK.AWS.Lambda.FunctionProps
        {
            Runtime = Amazon.CDK.AWS.Lambda.Runtime.PYTHON_3_11, Handler = "index.handler", Code = Amazon.CDK.AWS.Lambda.Code.FromAsset(code),
        });
        LambdaRuntimeLift.Lift(node, Today);
        LambdaRuntimeLift.Lift(python, Today);
        Assert.Throws<InvalidOperationException>(() => LambdaRuntimeLift.Lift(stack, Today));
        // A function nobody lifts keeps its hard-coded runtime: the guard has to catch it.
        var other = new Amazon.CDK.Stack(app, "Other", new Amazon.CDK.StackProps { Env = env });
        _ = new Amazon.CDK.AWS.Lambda.Function(other, "Node", new Amazon.CDK.AWS.Lambda.FunctionProps
        {
            Runtime = Amazon.CDK.AWS.Lambda.Runtime.NODEJS_20_X, Handler = "index.handler", Code = Amazon.CDK.AWS.Lambda.Code.FromAsset(code),
        });
        app.Synth();

        Assert.Equal(["nodejs22.x", "nodejs22.x", "python3.13"], Runtimes(outdir, "S"));
        Assert.Equal(["nodejs20.x"], Runtimes(outdir, "Other"));
        var refusal = Assert.Single(LambdaRuntimeGuard.Refusals(outdir, Today));
        Assert.Contains("Other.template.json", refusal, StringComparison.Ordinal);
        // Once nodejs22.x is blocked too, the guard refuses the lifted ones as well (the CLI exits 2).
        Assert.Equal(3, LambdaRuntimeGuard.Refusals(outdir, new DateOnly(2027, 6, 1)).Count);
    }

    private static List<string> Runtimes(string outdir, string stack) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(outdir, $"{stack}.template.json")))!["Resources"]!.AsObject()
            .Where(r => (string?)r.Value!["Type"] == "AWS::Lambda::Function")
            .Select(r => (string)r.Value!["Properties"]!["Runtime"]!).Order(StringComparer.Ordinal).ToList();
}
