using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using MultiRegion.Infra.Composition.References;
using MultiRegion.Infra.Model.Loading;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Composition;

/// <summary>
/// Values crossing stacks are weak references (an SSM parameter written by the producer, read at deploy time by
/// the consumer), never CDK's export locks, so replacing a producer's resource or dropping a region cannot wedge
/// a later deploy.
/// </summary>
public sealed class CrossStackValueTests
{
    public static TheoryData<string> Shipped => new() { "prod", "videochat", "dev" };

    private static IEnumerable<(string File, JsonElement Root)> Templates(SynthesizedPlatform p) =>
        Directory.GetFiles(p.Outdir, "*.template.json").Select(f => (Path.GetFileName(f), JsonDocument.Parse(File.ReadAllText(f)).RootElement));

    private static IEnumerable<(string Id, JsonElement Resource)> Resources(JsonElement template, string type) =>
        template.GetProperty("Resources").EnumerateObject()
            .Where(r => r.Value.GetProperty("Type").GetString() == type)
            .Select(r => (r.Name, r.Value));

    [Theory]
    [MemberData(nameof(Shipped))]
    public void No_template_holds_a_cdk_export_lock(string name)
    {
        var p = SynthesizedPlatform.Shipped(name);
        foreach (var (file, root) in Templates(p))
        {
            var text = root.GetRawText();
            Assert.DoesNotContain("Custom::CrossRegionExport", text);
            Assert.DoesNotContain("Fn::ImportValue", text);
            if (root.TryGetProperty("Outputs", out var outputs))
                Assert.All(outputs.EnumerateObject(), o => Assert.False(o.Value.TryGetProperty("Export", out _), $"{file}: output {o.Name} is exported"));
        }
        Assert.Contains(Templates(p), t => Resources(t.Root, "Custom::ParameterReader").Any());
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Each_reader_may_get_only_its_own_parameter_in_the_producers_region(string name)
    {
        var p = SynthesizedPlatform.Shipped(name);
        var published = Templates(p).SelectMany(t => Resources(t.Root, "AWS::SSM::Parameter"))
            .Select(r => r.Resource.GetProperty("Properties").TryGetProperty("Name", out var n) ? n.GetString() : null).ToHashSet();
        var readers = 0;
        foreach (var (file, root) in Templates(p))
            foreach (var (id, reader) in Resources(root, "Custom::ParameterReader"))
            {
                readers++;
                var call = JsonDocument.Parse(reader.GetProperty("Properties").GetProperty("Update").GetString()!).RootElement;
                var parameter = call.GetProperty("parameters").GetProperty("Name").GetString()!;
                var region = call.GetProperty("region").GetString()!;
                Assert.Equal("GetParameter", call.GetProperty("action").GetString());
                Assert.Contains(parameter, published);
                Assert.StartsWith($"/{p.Config.App}/{p.Config.Environment}/{region}/", parameter);
                Assert.True(reader.GetProperty("Properties").TryGetProperty("ReadAt", out _), $"{file}: {id} is not re-read on every deploy");

                var policy = Resources(root, "AWS::IAM::Policy").Single(r => r.Id.StartsWith(id[..^8] + "CustomResourcePolicy", StringComparison.Ordinal)).Resource;
                var statement = Assert.Single(policy.GetProperty("Properties").GetProperty("PolicyDocument").GetProperty("Statement").EnumerateArray());
                Assert.Equal("ssm:GetParameter", statement.GetProperty("Action").GetString());
                var resource = statement.GetProperty("Resource").GetRawText();
                Assert.Contains($":ssm:{region}:{p.Config.Account}:parameter{parameter}", resource);
            }
        Assert.True(readers > 0);
    }

    [Fact]
    public void The_global_stack_reads_each_load_balancer_through_a_parameter_and_deploys_after_it()
    {
        var p = SynthesizedPlatform.Shipped("prod");
        var origin = p.Global.FindResources("AWS::Route53::RecordSet", new Dictionary<string, object>
        {
            ["Properties"] = new Dictionary<string, object> { ["Name"] = "eu-west-1.mlops.example.com" },
        }).Values.Single();
        var dns = JsonSerializer.Serialize(((Dictionary<string, object>)((Dictionary<string, object>)((Dictionary<string, object>)origin)["Properties"])["AliasTarget"])["DNSName"]);
        Assert.Contains("ReferencesReadMlopsProdEuWest1AlbDnsName", dns);
        Assert.Contains(p.Platform.Global.Dependencies, d => d.StackName == "mlops-prod-eu-west-1");
        p.Regional("eu-west-1").HasResourceProperties("AWS::SSM::Parameter", new Dictionary<string, object>
        {
            ["Name"] = "/mlops/prod/eu-west-1/alb-dns-name",
            ["Value"] = new Dictionary<string, object> { ["Fn::GetAtt"] = new object[] { "IngressLoadBalancerAE82CB09", "DNSName" } },
        });
    }

    /// <summary>
    /// A producer whose load balancer is replaced (a new logical id, so a new resource and a new DNS name): only the
    /// producer's parameter changes; the consumer's template is the same, so there is no export to update or remove.
    /// Small stacks, not the platform: this is about the mechanism.
    /// </summary>
    [Fact]
    public void Replacing_the_producers_resource_changes_its_parameter_and_leaves_the_consumer_alone()
    {
        var config = SynthesizedPlatform.LoadShipped("dev");
        (JsonElement Producer, JsonElement Consumer) Synth(string loadBalancerId)
        {
            var outdir = Path.Combine(Path.GetTempPath(), "multiregion-tests", $"weakref-{Guid.NewGuid():N}");
            var app = new App(new AppProps { Outdir = outdir, Context = new Dictionary<string, object> { [ParameterReader.NonceContextKey] = "fixed" } });
            var producer = new Stack(app, "Producer", new StackProps { Env = new Amazon.CDK.Environment { Account = config.Account, Region = "us-west-2" } });
            var consumer = new Stack(app, "Consumer", new StackProps { Env = new Amazon.CDK.Environment { Account = config.Account, Region = "us-east-1" } });
            var vpc = new Vpc(producer, "Vpc", new VpcProps { MaxAzs = 2, NatGateways = 0 });
            var alb = new ApplicationLoadBalancer(producer, loadBalancerId, new ApplicationLoadBalancerProps { Vpc = vpc, InternetFacing = true });
            var dns = CrossStackValue.Read(consumer, producer, config, "alb-dns-name", alb.LoadBalancerDnsName);
            new CfnOutput(consumer, "Dns", new CfnOutputProps { Value = dns });
            var assembly = app.Synth();
            JsonElement Read(string stack) => JsonDocument.Parse(File.ReadAllText(assembly.GetStackByName(stack).TemplateFullPath)).RootElement;
            Assert.Contains(consumer.Dependencies, d => d == producer);
            return (Read("Producer"), Read("Consumer"));
        }

        var before = Synth("LoadBalancer");
        var after = Synth("ReplacementLoadBalancer");
        Assert.Equal(before.Consumer.GetRawText(), after.Consumer.GetRawText());
        string ParameterValue(JsonElement producer) =>
            Resources(producer, "AWS::SSM::Parameter").Single().Resource.GetProperty("Properties").GetProperty("Value").GetRawText();
        Assert.Contains("\"LoadBalancer", ParameterValue(before.Producer));
        Assert.Contains("ReplacementLoadBalancer", ParameterValue(after.Producer));
        Assert.All(new[] { before.Producer, after.Producer }, t => Assert.False(t.TryGetProperty("Outputs", out _)));
    }
}
