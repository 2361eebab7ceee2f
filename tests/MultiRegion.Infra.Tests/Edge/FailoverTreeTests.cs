using MultiRegion.Infra.Model.Planning;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Edge;

/// <summary>
/// Walks the synthesized Route53 record tree of the global stack for every scenario and checks it yields the
/// plan's row: the records, not the config, prove the exact splits.
/// </summary>
public sealed class FailoverTreeTests
{
    public static TheoryData<string> Shipped => new() { "prod", "videochat", "dev" };

    private static Route53Simulator SimulatorOf(SynthesizedPlatform p) =>
        new(Path.Combine(p.Outdir, p.Platform.Global.TemplateFile), p.Config.Regions.Select(r => r.Name), p.Config.Dns.ZoneName);

    private static string Weighted(SynthesizedPlatform p) => $"{p.Config.Edge!.Routing.WeightedName}.{p.Config.Dns.ZoneName}";

    private static void AssertSplit(IReadOnlyDictionary<string, int> expected, Dictionary<string, double> actual, string scenario)
    {
        Assert.True(expected.Keys.Order().SequenceEqual(actual.Keys.Order()),
            $"{scenario}: regions {string.Join(",", actual.Keys)} instead of {string.Join(",", expected.Keys)}");
        foreach (var (region, pct) in expected)
            Assert.True(Math.Abs(actual[region] - pct / 100.0) < 1e-9, $"{scenario}: {region} gets {actual[region]:P4}, expected {pct}%");
    }

    private static void AssertShares(IReadOnlyDictionary<string, double> expected, Dictionary<string, double> actual, string scenario)
    {
        Assert.True(expected.Keys.Order().SequenceEqual(actual.Keys.Order()),
            $"{scenario}: regions {string.Join(",", actual.Keys)} instead of {string.Join(",", expected.Keys)}");
        foreach (var (region, share) in expected)
            Assert.True(Math.Abs(actual[region] - share) < 1e-9, $"{scenario}: {region} gets {actual[region]:P4}, expected {share:P4}");
    }

    /// <summary>
    /// Configured rows exactly; every other scenario Route53's proportional split of the survivors' weights; no
    /// scenario answers a dead region or needs an unhealthy record. Shared with the walks of bigger configs.
    /// </summary>
    internal static void AssertEveryScenario(Model.Config.StackConfig config, Route53Simulator sim, string weightedName)
    {
        var regions = config.Regions.Select(r => r.Name).ToList();
        foreach (var s in FailoverPlanner.Plan(config).Scenarios)
        {
            var scenario = $"{config.Prefix}, down: {string.Join("+", s.Failed)}";
            var answer = sim.Resolve(weightedName, regions.Except(s.Failed));
            Assert.False(sim.FailedOpen, $"{scenario}: resolution fell back on an unhealthy record");
            Assert.DoesNotContain(answer.Keys, s.Failed.Contains);
            AssertShares(s.Shares, answer, scenario);
            if (s.Configured)
                AssertSplit(s.Split, answer, scenario);
        }
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Every_failover_row_of_the_plan_is_what_the_record_tree_resolves_to(string name)
    {
        var p = SynthesizedPlatform.Shipped(name);
        var rows = PlanFailoverRow.Of(p.Config)!; // exactly what plan.json shows
        var regions = p.Config.Regions.Select(r => r.Name).ToList();
        var expectedRows = regions.Count + regions.Count * (regions.Count - 1) / 2 - (regions.Count == 2 ? 1 : 0);
        Assert.Equal(expectedRows, rows.Count);
        AssertEveryScenario(p.Config, SimulatorOf(p), Weighted(p));
    }

    [Fact]
    public void Only_configured_rows_get_their_own_weighted_set()
    {
        var p = SynthesizedPlatform.Shipped("prod");
        var sets = p.Platform.Global.Failover!.SetNames;
        Assert.Equal(["any", "down-eu-west-1", "down-us-east-1", "down-us-west-2"], sets.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Normal_operation_uses_the_regions_traffic_weights(string name)
    {
        var p = SynthesizedPlatform.Shipped(name);
        var sim = SimulatorOf(p);
        var answer = sim.Resolve(Weighted(p), p.Config.Regions.Select(r => r.Name));
        Assert.False(sim.FailedOpen);
        AssertSplit(p.Config.Regions.ToDictionary(r => r.Name, r => r.TrafficWeight), answer, $"{name}, all up");
    }

    [Fact]
    public void Prod_primary_down_is_80_20_and_not_the_proportional_75_25()
    {
        var p = SynthesizedPlatform.Shipped("prod");
        var answer = SimulatorOf(p).Resolve(Weighted(p), ["us-east-1", "eu-west-1"]);
        Assert.Equal(0.80, answer["us-east-1"], 9);
        Assert.Equal(0.20, answer["eu-west-1"], 9);
    }

    [Fact]
    public void With_every_region_down_route53_fails_open()
    {
        var p = SynthesizedPlatform.Shipped("prod");
        var sim = SimulatorOf(p);
        var answer = sim.Resolve(Weighted(p), []);
        Assert.True(sim.FailedOpen);
        Assert.Equal(1.0, answer.Values.Sum(), 9);
    }

    [Fact]
    public void The_tree_uses_calculated_and_inverted_health_checks()
    {
        var template = SynthesizedPlatform.Shipped("prod").Global;
        var checks = template.FindResources("AWS::Route53::HealthCheck");
        var configs = checks.Values.Select(c => (Dictionary<string, object>)((Dictionary<string, object>)((Dictionary<string, object>)c)["Properties"])["HealthCheckConfig"]).ToList();
        Assert.Equal(3, configs.Count(c => (string)c["Type"] == "HTTPS"));
        // Only the three configured rows (single failures) need checks: up-checks of each pair of survivors and
        // down-checks (inverted) of each failed region. Pairs of failures have one survivor: plain weighted routing.
        Assert.Equal(3, configs.Count(c => (string)c["Type"] == "CALCULATED" && !c.ContainsKey("Inverted") | (c.TryGetValue("Inverted", out var i) && !(bool)i)));
        Assert.Equal(3, configs.Count(c => (string)c["Type"] == "CALCULATED" && c.TryGetValue("Inverted", out var i) && (bool)i));
    }

    [Fact]
    public void Geolocation_sends_north_america_to_primary_and_secondary_and_europe_to_the_tertiary()
    {
        var p = SynthesizedPlatform.Shipped("prod");
        var sim = SimulatorOf(p);
        var geo = $"{p.Config.Edge!.Routing.GeolocationName}.{p.Config.Dns.ZoneName}";
        var all = p.Config.Regions.Select(r => r.Name).ToList();

        var na = sim.Resolve(geo, all, "NA");
        Assert.Equal(60.0 / 90, na["us-west-2"], 9);
        Assert.Equal(30.0 / 90, na["us-east-1"], 9);
        Assert.Equal(1.0, sim.Resolve(geo, all, "EU")["eu-west-1"], 9);
        Assert.Equal(1.0, sim.Resolve(geo, all, "AS")["us-west-2"], 9);
        Assert.Equal(1.0, sim.Resolve(geo, all, "OC")["us-west-2"], 9);
        Assert.Equal(1.0, sim.Resolve(geo, all, "SA")["us-west-2"], 9); // default
    }

    [Fact]
    public void Geolocation_users_of_a_dead_region_get_the_failover_split()
    {
        var p = SynthesizedPlatform.Shipped("prod");
        var sim = SimulatorOf(p);
        var geo = $"{p.Config.Edge!.Routing.GeolocationName}.{p.Config.Dns.ZoneName}";

        var eu = sim.Resolve(geo, ["us-west-2", "us-east-1"], "EU");
        Assert.False(sim.FailedOpen);
        Assert.Equal(0.70, eu["us-west-2"], 9); // the table's row for eu-west-1 down
        Assert.Equal(0.30, eu["us-east-1"], 9);

        var na = sim.Resolve(geo, ["us-east-1", "eu-west-1"], "NA");
        Assert.False(sim.FailedOpen);
        Assert.Equal(1.0, na["us-east-1"], 9); // the set's other member
    }

    [Fact]
    public void Latency_records_drop_a_region_that_is_down()
    {
        var p = SynthesizedPlatform.Shipped("videochat");
        var sim = SimulatorOf(p);
        var records = p.Global.FindResources("AWS::Route53::RecordSet", new Dictionary<string, object>
        {
            ["Properties"] = new Dictionary<string, object> { ["Name"] = "lat.api.chat.example.com" },
        });
        Assert.Equal(3, records.Count);
        Assert.All(records.Values, r =>
        {
            var props = (Dictionary<string, object>)((Dictionary<string, object>)r)["Properties"];
            Assert.Equal(props["SetIdentifier"], props["Region"]);
            Assert.True(props.ContainsKey("HealthCheckId"));
        });
        Assert.True(sim.IsHealthy("lat.api.chat.example.com", ["eu-west-1"]));
        Assert.False(sim.IsHealthy("lat.api.chat.example.com", []));
    }

    private static IEnumerable<(string Id, System.Text.Json.JsonElement Resource)> RecordSets(SynthesizedPlatform p)
    {
        var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(p.Outdir, p.Platform.Global.TemplateFile)));
        return doc.RootElement.GetProperty("Resources").EnumerateObject()
            .Where(r => r.Value.GetProperty("Type").GetString() == "AWS::Route53::RecordSet")
            .Select(r => (r.Name, r.Value.Clone()))
            .ToList();
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Every_alias_to_a_name_in_the_zone_depends_on_the_records_of_that_name(string name)
    {
        var p = SynthesizedPlatform.Shipped(name);
        var records = RecordSets(p).ToList();
        string NameOf(System.Text.Json.JsonElement r) => r.GetProperty("Properties").GetProperty("Name").GetString()!.TrimEnd('.');
        var sameZone = 0;
        foreach (var (id, r) in records)
        {
            var alias = r.GetProperty("Properties").GetProperty("AliasTarget");
            if (alias.GetProperty("HostedZoneId").ValueKind != System.Text.Json.JsonValueKind.String
                || alias.GetProperty("HostedZoneId").GetString() != p.Config.Dns.HostedZoneId)
                continue;
            sameZone++;
            var target = alias.GetProperty("DNSName").GetString()!.TrimEnd('.');
            var targets = records.Where(t => NameOf(t.Resource) == target).Select(t => t.Id).ToList();
            Assert.True(targets.Count > 0, $"{id} aliases {target}, which has no record in the global template");
            var dependsOn = r.TryGetProperty("DependsOn", out var d) ? d.EnumerateArray().Select(e => e.GetString()).ToHashSet() : [];
            Assert.All(targets, t => Assert.True(dependsOn.Contains(t), $"{id} aliases {target} but does not depend on {t}"));
        }
        Assert.True(sameZone > 0);
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public void Every_failover_alias_evaluates_its_targets_health(string name)
    {
        var p = SynthesizedPlatform.Shipped(name);
        var failover = RecordSets(p)
            .Where(r => r.Resource.GetProperty("Properties").TryGetProperty("Failover", out _)).ToList();
        if (p.Config.Edge!.Routing.Failover.Count == 0)
        {
            Assert.Empty(failover); // no rows: the weighted name is the weighted set itself
            return;
        }
        Assert.NotEmpty(failover);
        Assert.All(failover, r => Assert.True(
            r.Resource.GetProperty("Properties").GetProperty("AliasTarget").GetProperty("EvaluateTargetHealth").GetBoolean(), $"{r.Id} does not evaluate target health"));
    }
}
