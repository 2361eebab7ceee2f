using System.Text.Json;

namespace MultiRegion.Infra.Tests.Edge;

/// <summary>
/// Resolves names the way Route53 does, from a synthesized template's record sets and health checks (not from the
/// config), given which regions' endpoint checks are healthy. Answers a probability per region. Routing policies:
/// simple, failover (primary if healthy, else a healthy secondary), weighted (healthy records by weight; healthy
/// zero-weight records equally when no nonzero one is healthy; all when none is healthy), geolocation (continent, else default). A record is healthy when its health check is and,
/// with EvaluateTargetHealth, when some record of its target name is. Calculated checks count healthy children
/// against their threshold; inverted checks flip. <see cref="FailedOpen"/> records whether an answer had to use an
/// unhealthy record, which a planned scenario must never need.
/// </summary>
public sealed class Route53Simulator
{
    private sealed record Record(string Name, string? SetId, string? Failover, double? Weight, string? Continent, bool IsDefaultGeo,
        string? HealthCheck, string? Target, bool EvaluateTargetHealth);

    private sealed record Check(string Type, string? Fqdn, IReadOnlyList<string> Children, int Threshold, bool Inverted);

    private readonly Dictionary<string, List<Record>> _records = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Check> _checks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _regionOfOrigin = new(StringComparer.Ordinal);
    private HashSet<string> _up = [];

    public bool FailedOpen { get; private set; }

    public IReadOnlyDictionary<string, Dictionary<string, object?>> HealthChecks { get; }

    public Route53Simulator(string templatePath, IEnumerable<string> regions, string zoneName)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(templatePath));
        var raw = new Dictionary<string, Dictionary<string, object?>>(StringComparer.Ordinal);
        foreach (var resource in doc.RootElement.GetProperty("Resources").EnumerateObject())
        {
            var type = resource.Value.GetProperty("Type").GetString();
            var props = resource.Value.GetProperty("Properties");
            if (type == "AWS::Route53::HealthCheck")
            {
                var c = props.GetProperty("HealthCheckConfig");
                _checks[resource.Name] = new Check(
                    c.GetProperty("Type").GetString()!,
                    c.TryGetProperty("FullyQualifiedDomainName", out var f) ? Normalize(f.GetString()!) : null,
                    c.TryGetProperty("ChildHealthChecks", out var ch) ? ch.EnumerateArray().Select(RefOf).ToList() : [],
                    c.TryGetProperty("HealthThreshold", out var t) ? t.GetInt32() : 0,
                    c.TryGetProperty("Inverted", out var inv) && inv.GetBoolean());
                raw[resource.Name] = new Dictionary<string, object?> { ["Type"] = _checks[resource.Name].Type };
            }
            else if (type == "AWS::Route53::RecordSet" && props.GetProperty("Type").GetString() == "A")
            {
                var name = Normalize(props.GetProperty("Name").GetString()!);
                var alias = props.GetProperty("AliasTarget");
                var dns = alias.GetProperty("DNSName");
                var geo = props.TryGetProperty("GeoLocation", out var g) ? g : (JsonElement?)null;
                var record = new Record(
                    name,
                    props.TryGetProperty("SetIdentifier", out var sid) ? sid.GetString() : null,
                    props.TryGetProperty("Failover", out var fo) ? fo.GetString() : null,
                    props.TryGetProperty("Weight", out var w) ? w.GetDouble() : null,
                    geo is { } ge && ge.TryGetProperty("ContinentCode", out var cc) ? cc.GetString() : null,
                    geo is { } gd && gd.TryGetProperty("CountryCode", out var co) && co.GetString() == "*",
                    props.TryGetProperty("HealthCheckId", out var hc) ? RefOf(hc) : null,
                    dns.ValueKind == JsonValueKind.String ? Normalize(dns.GetString()!) : null,
                    alias.TryGetProperty("EvaluateTargetHealth", out var eth) && eth.GetBoolean());
                if (!_records.TryGetValue(name, out var list))
                    _records[name] = list = [];
                list.Add(record);
            }
        }
        foreach (var region in regions)
            _regionOfOrigin[$"{region}.{zoneName}"] = region;
        HealthChecks = raw;
    }

    public IReadOnlyCollection<string> Names => _records.Keys;

    /// <summary>Where traffic for <paramref name="name"/> goes when exactly <paramref name="up"/> regions pass their checks.</summary>
    public Dictionary<string, double> Resolve(string name, IEnumerable<string> up, string? continent = null)
    {
        _up = up.ToHashSet(StringComparer.Ordinal);
        FailedOpen = false;
        return Answer(Normalize(name), continent, depth: 0);
    }

    /// <summary>Whether Route53 would consider the name healthy (any of its records healthy).</summary>
    public bool IsHealthy(string name, IEnumerable<string> up)
    {
        _up = up.ToHashSet(StringComparer.Ordinal);
        return NameHealthy(Normalize(name), 0);
    }

    private Dictionary<string, double> Answer(string name, string? continent, int depth)
    {
        Assert.True(depth < 50, $"alias loop at {name}");
        if (_regionOfOrigin.TryGetValue(name, out var region))
            return new Dictionary<string, double> { [region] = 1 };
        Assert.True(_records.TryGetValue(name, out var records), $"no records named {name}");

        if (records!.All(r => r.Failover is not null))
        {
            var primary = records.Single(r => r.Failover == "PRIMARY");
            var secondary = records.SingleOrDefault(r => r.Failover == "SECONDARY");
            if (Healthy(primary, depth)) return Follow(primary, continent, depth);
            if (secondary is not null && Healthy(secondary, depth)) return Follow(secondary, continent, depth);
            FailedOpen = true; // Route53 answers the primary when neither is healthy
            return Follow(primary, continent, depth);
        }
        if (records.All(r => r.Weight is not null))
        {
            var candidates = records.Where(r => r.Weight > 0 && Healthy(r, depth)).ToList();
            var equal = false;
            if (candidates.Count == 0)
            {
                // Zero-weight records are considered once every nonzero one is unhealthy, with equal probability.
                candidates = records.Where(r => r.Weight == 0 && Healthy(r, depth)).ToList();
                equal = candidates.Count > 0;
            }
            if (candidates.Count == 0)
            {
                FailedOpen = true; // every record unhealthy: Route53 answers as if all were healthy
                candidates = records.Where(r => r.Weight > 0).ToList();
            }
            double WeightOf(Record r) => equal ? 1 : r.Weight!.Value;
            var total = candidates.Sum(WeightOf);
            var result = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var r in candidates)
                foreach (var (reg, p) in Follow(r, continent, depth))
                    result[reg] = result.GetValueOrDefault(reg) + p * WeightOf(r) / total;
            return result;
        }
        if (records.All(r => r.Continent is not null || r.IsDefaultGeo))
        {
            Assert.NotNull(continent);
            var match = records.SingleOrDefault(r => r.Continent == continent);
            var fallback = records.Single(r => r.IsDefaultGeo);
            if (match is not null && Healthy(match, depth)) return Follow(match, continent, depth);
            if (!Healthy(fallback, depth)) FailedOpen = true;
            return Follow(fallback, continent, depth);
        }
        Assert.Single(records);
        return Follow(records[0], continent, depth);
    }

    private Dictionary<string, double> Follow(Record r, string? continent, int depth)
    {
        Assert.True(r.Target is not null, $"{r.Name} ({r.SetId}) aliases a target outside the zone");
        return Answer(r.Target!, continent, depth + 1);
    }

    private bool Healthy(Record r, int depth) =>
        (r.HealthCheck is null || CheckHealthy(r.HealthCheck))
        && (!r.EvaluateTargetHealth || r.Target is null || NameHealthy(r.Target, depth + 1));

    private bool NameHealthy(string name, int depth)
    {
        Assert.True(depth < 50, $"alias loop at {name}");
        if (!_records.TryGetValue(name, out var records))
            return _regionOfOrigin.ContainsKey(name);
        return records.Any(r => Healthy(r, depth));
    }

    private bool CheckHealthy(string id)
    {
        var c = _checks[id];
        bool healthy;
        if (c.Type == "CALCULATED")
            healthy = c.Children.Count(CheckHealthy) >= c.Threshold;
        else
        {
            Assert.True(c.Fqdn is not null && _regionOfOrigin.ContainsKey(c.Fqdn), $"health check {id} watches {c.Fqdn}, not a region's origin name");
            healthy = _up.Contains(_regionOfOrigin[c.Fqdn!]);
        }
        return healthy != c.Inverted;
    }

    private static string RefOf(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty("Ref", out var r) ? r.GetString()!
        : e.ValueKind == JsonValueKind.Object && e.TryGetProperty("Fn::GetAtt", out var g) ? g[0].GetString()!
        : throw new InvalidOperationException($"not a reference: {e}");

    private static string Normalize(string name) => name.TrimEnd('.').ToLowerInvariant();
}
