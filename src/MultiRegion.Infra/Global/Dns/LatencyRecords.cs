using Constructs;

namespace MultiRegion.Infra.Global.Dns;

/// <summary>
/// The latency-routed name: one latency record per region, aliasing its origin name, with its health check,
/// so users get the lowest-latency region that is up.
/// </summary>
public sealed class LatencyRecords : Construct
{
    public LatencyRecords(Construct scope, string id, DnsNames names, string name, IReadOnlyDictionary<string, string> regionChecks)
        : base(scope, id)
    {
        foreach (var (region, check) in regionChecks)
            AliasRecord.ToName(this, DnsNames.Id(region), names, name, names.RegionOrigin(region), evaluateTargetHealth: false,
                new Routing(SetIdentifier: region, LatencyRegion: region, HealthCheckId: check));
    }
}
