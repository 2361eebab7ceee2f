using Amazon.CDK.AWS.Route53;
using Constructs;

namespace MultiRegion.Infra.Global.Dns;

/// <summary>
/// Calculated health checks over the regions' endpoint checks, made once per set of regions:
/// "all of these are up" (healthy when every child is healthy) and "all of these are down" (inverted: healthy
/// when none of the children is healthy). Route53 does not nest calculated checks, so each one watches the
/// endpoint checks directly; conjunctions of the two are made by the record tree. Only configured failover rows
/// ask for them (FailoverRecordTree), and rows naming the same set of regions share one check; a single region's
/// "up" is its own endpoint check.
/// </summary>
public sealed class ScenarioHealthChecks : Construct
{
    private readonly IReadOnlyDictionary<string, CfnHealthCheck> _regions;
    private readonly Dictionary<string, string> _made = new(StringComparer.Ordinal);

    public ScenarioHealthChecks(Construct scope, string id, IReadOnlyDictionary<string, CfnHealthCheck> regions) : base(scope, id)
    {
        _regions = regions;
    }

    /// <summary>Healthy when every region in <paramref name="regions"/> is healthy (one region: its own check).</summary>
    public string AllUp(IReadOnlyList<string> regions) =>
        regions.Count == 1 ? _regions[regions[0]].Ref : Calculated("Up", regions, threshold: regions.Count, inverted: false);

    /// <summary>Healthy when no region in <paramref name="regions"/> is healthy: "at least one up", inverted.</summary>
    public string AllDown(IReadOnlyList<string> regions) =>
        Calculated("Down", regions, threshold: 1, inverted: true);

    private string Calculated(string kind, IReadOnlyList<string> regions, int threshold, bool inverted)
    {
        var id = kind + string.Concat(regions.Select(DnsNames.Id));
        if (_made.TryGetValue(id, out var existing))
            return existing;
        var check = new CfnHealthCheck(this, id, new CfnHealthCheckProps
        {
            HealthCheckConfig = new CfnHealthCheck.HealthCheckConfigProperty
            {
                Type = "CALCULATED",
                ChildHealthChecks = regions.Select(r => _regions[r].Ref).ToArray(),
                HealthThreshold = threshold,
                Inverted = inverted,
            },
            HealthCheckTags = new object[] { new CfnHealthCheck.HealthCheckTagProperty { Key = "Name", Value = $"{(kind == "Up" ? "up" : "down")}: {string.Join(" ", regions)}" } },
        });
        return _made[id] = check.Ref;
    }
}
