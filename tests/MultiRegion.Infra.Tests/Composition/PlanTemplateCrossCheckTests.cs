using System.Text.Json;
using System.Text.Json.Nodes;
using MultiRegion.Infra.Output;
using MultiRegion.Infra.Tests.Data;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Composition;

/// <summary>
/// plan.json, as the main job writes it, against the synthesized templates: what the plan tells a reviewer is what
/// CloudFormation would deploy (instance counts and classes, cache nodes, node groups, weights, accelerator dials,
/// and alias records, whose fixed TTL is the one the RTO budget counts).
/// </summary>
public sealed class PlanTemplateCrossCheckTests
{
    public static TheoryData<string> Configs => new() { "prod", "videochat" };

    private static JsonObject Plan(SynthesizedPlatform p) =>
        JsonNode.Parse(PlanWriter.Build(p.Config, p.Result, p.Outdir).ToJson())!.AsObject();

    private static TemplateJson Regional(SynthesizedPlatform p, string region) => TemplateJson.Of(p, p.Platform.Regional[region]);

    [Theory]
    [MemberData(nameof(Configs))]
    public void Database_members_in_the_plan_are_the_instances_the_templates_deploy(string name)
    {
        var p = SynthesizedPlatform.Shipped(name);
        var members = Plan(p)["data"]?["database"]?["members"]?.AsArray() ?? [];
        Assert.Equal(p.Config.Data?.Database is null ? 0 : p.Config.Regions.Count, members.Count);
        foreach (var m in members)
        {
            var instances = Regional(p, (string)m!["region"]!).OfType("AWS::RDS::DBInstance").ToList();
            Assert.Equal((int)m["instances"]!, instances.Count);
            Assert.All(instances, i => Assert.Equal((string)m["instanceClass"]!, TemplateJson.Str(i.Resource, "DBInstanceClass")));
        }
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void Cache_nodes_per_region_in_the_plan_are_the_nodes_the_templates_deploy(string name)
    {
        var p = SynthesizedPlatform.Shipped(name);
        var caches = Plan(p)["data"]?["caches"]?.AsArray() ?? [];
        Assert.Equal(p.Config.Data?.EffectiveCaches.Count ?? 0, caches.Count);
        foreach (var cache in caches)
        {
            var shards = (int)cache!["shards"]!;
            foreach (var (region, nodes) in cache["nodesByRegion"]!.AsObject())
            {
                var group = Regional(p, region).OfType("AWS::ElastiCache::ReplicationGroup")
                    .Single(g => TemplateJson.Str(g.Resource, "ReplicationGroupId")!.EndsWith("-" + (string)cache["name"]!, StringComparison.Ordinal)).Resource;
                var deployed = TemplateJson.Prop(group, "NumCacheClusters") is { } clusters
                    ? clusters.GetInt32()
                    : (TemplateJson.Prop(group, "NumNodeGroups")?.GetInt32() ?? shards) * (TemplateJson.Prop(group, "ReplicasPerNodeGroup")!.Value.GetInt32() + 1);
                Assert.Equal((int)nodes!, deployed);
                // Secondaries take the node type from the Global Datastore; the primary sets it.
                if (TemplateJson.Str(group, "CacheNodeType") is { } nodeType)
                    Assert.Equal((string)cache["nodeType"]!, nodeType);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void Node_groups_in_the_plan_are_the_node_groups_the_templates_deploy(string name)
    {
        var p = SynthesizedPlatform.Shipped(name);
        foreach (var region in Plan(p)["compute"]!.AsArray())
        {
            var planned = region!["nodeGroups"]!.AsArray().Select(g =>
                    $"{((string)g!["capacity"]! == "spot" ? "SPOT" : "ON_DEMAND")} {g["min"]}/{g["desired"]}/{g["max"]} {string.Join(",", g["instanceTypes"]!.AsArray().Select(t => (string)t!))}")
                .Order(StringComparer.Ordinal);
            var deployed = Regional(p, (string)region["region"]!).OfType("AWS::EKS::Nodegroup").Select(g =>
                {
                    var scaling = TemplateJson.Prop(g.Resource, "ScalingConfig")!.Value;
                    var types = TemplateJson.Prop(g.Resource, "InstanceTypes")!.Value.EnumerateArray().Select(t => t.GetString());
                    return $"{TemplateJson.Str(g.Resource, "CapacityType")} {scaling.GetProperty("MinSize")}/{scaling.GetProperty("DesiredSize")}/{scaling.GetProperty("MaxSize")} {string.Join(",", types)}";
                })
                .Order(StringComparer.Ordinal);
            Assert.Equal(planned, deployed);
        }
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void Every_traffic_split_in_the_plan_is_a_weighted_record_set_in_the_global_template(string name)
    {
        var p = SynthesizedPlatform.Shipped(name);
        var plan = Plan(p);
        // Route53 weights are relative: compare each set's shares.
        var deployed = TemplateJson.Of(p, p.Platform.Global).OfType("AWS::Route53::RecordSet")
            .Where(r => TemplateJson.Prop(r.Resource, "Weight") is not null)
            .GroupBy(r => TemplateJson.Str(r.Resource, "Name"))
            .Select(g => Shares(g.ToDictionary(r => TemplateJson.Str(r.Resource, "SetIdentifier")!, r => TemplateJson.Prop(r.Resource, "Weight")!.Value.GetInt32())))
            .ToList();
        // Only configured rows get their own weighted set; the others are Route53's proportional split of the main set.
        var splits = plan["failover"]!.AsArray().Where(row => (bool?)row!["configured"] != false).Select(row => row!["split"]!.AsObject().ToDictionary(kv => kv.Key, kv => (int)kv.Value!))
            .Where(split => split.Count > 0 && split.Values.Sum() > 0)
            .Prepend(plan["regions"]!.AsArray().ToDictionary(r => (string)r!["name"]!, r => (int)r!["weight"]!))
            .ToList();
        Assert.NotEmpty(splits);
        foreach (var split in splits)
            Assert.Contains(deployed, set => set == Shares(split));
    }

    [Theory]
    [MemberData(nameof(Configs))]
    public void Records_on_the_failover_path_are_aliases_so_the_budgeted_alias_ttl_applies(string name)
    {
        var p = SynthesizedPlatform.Shipped(name);
        // The RTO budget counts the alias-to-load-balancer TTL: a record with its own TTL would make that term wrong.
        var budgetsAliasTtl = Plan(p)["objectives"]?["objectives"]?.AsArray()
            .Any(o => o!["terms"]!.AsArray().Any(t => ((string)t!["name"]!).Contains("alias", StringComparison.Ordinal))) ?? false;
        Assert.True(budgetsAliasTtl);
        var records = TemplateJson.Of(p, p.Platform.Global).OfType("AWS::Route53::RecordSet").ToList();
        Assert.NotEmpty(records);
        Assert.All(records, r =>
        {
            Assert.True(TemplateJson.Prop(r.Resource, "AliasTarget") is not null, $"{r.LogicalId} is not an alias");
            Assert.Null(TemplateJson.Prop(r.Resource, "TTL"));
        });
    }

    [Fact]
    public void The_accelerator_in_the_plan_is_the_one_the_accelerator_template_deploys()
    {
        var p = SynthesizedPlatform.Shipped("videochat");
        var planned = Plan(p)["accelerator"]!;
        var groups = TemplateJson.Of(p, p.Platform.Accelerator!).OfType("AWS::GlobalAccelerator::EndpointGroup")
            .Select(g => g.Resource).ToList();
        var endpointGroups = planned["endpointGroups"]!.AsArray();
        Assert.Equal(p.Config.Regions.Count, endpointGroups.Count);
        Assert.Equal(endpointGroups.Count, groups.Count);
        var deployed = groups.Select(g => $"{TemplateJson.Prop(g, "TrafficDialPercentage")} {TemplateJson.Prop(g, "EndpointConfigurations")!.Value[0].GetProperty("Weight")}").Order(StringComparer.Ordinal);
        Assert.Equal(endpointGroups.Select(g => $"{g!["trafficDialPercent"]} {g["weight"]}").Order(StringComparer.Ordinal), deployed);
        var accelerator = TemplateJson.Of(p, p.Platform.Accelerator!).OfType("AWS::GlobalAccelerator::Accelerator").Single().Resource;
        Assert.Equal((string)planned["name"]!, TemplateJson.Str(accelerator, "Name"));
        var alias = TemplateJson.Of(p, p.Platform.Global).OfType("AWS::Route53::RecordSet")
            .Where(r => TemplateJson.Str(r.Resource, "Name") == (string)planned["fqdn"]!);
        Assert.NotEmpty(alias);
    }

    private static string Shares(IReadOnlyDictionary<string, int> weights)
    {
        var total = (double)weights.Values.Sum();
        return string.Join(" ", weights.Where(w => w.Value > 0).OrderBy(w => w.Key, StringComparer.Ordinal)
            .Select(w => $"{w.Key}={Math.Round(w.Value / total, 4).ToString(System.Globalization.CultureInfo.InvariantCulture)}"));
    }
}
