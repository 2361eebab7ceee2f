namespace MultiRegion.Infra.Model.Config;

/// <summary>
/// The routed names in the zone and how they pick a region. Names are relative to <c>dns.zoneName</c>
/// and must be one label or <c>&lt;label&gt;.api</c>, the names the regional certificates cover.
/// </summary>
/// <param name="WeightedName">Weighted by the regions' traffic weights in normal operation, with the exact failover splits below.</param>
/// <param name="LatencyName">Latency-based: the lowest-latency healthy region.</param>
/// <param name="GeolocationName">Geolocation-based by <paramref name="Geolocation"/>; none when absent.</param>
/// <param name="Failover">The traffic split when regions fail. Every single failure with two or more regions left needs a row.</param>
/// <param name="Geolocation">Where users of each location go.</param>
public sealed record RoutingConfig(
    string WeightedName,
    string LatencyName,
    IReadOnlyList<FailoverRule> Failover,
    string? GeolocationName = null,
    IReadOnlyList<GeolocationRule>? Geolocation = null)
{
    /// <summary>
    /// TTL resolvers keep an answer. Every routed record is an alias, and alias records to a load balancer
    /// answer with the target's 60 s TTL, which cannot be set (secondary source; see aws-facts.md).
    /// </summary>
    public const int AliasRecordTtlSeconds = 60;

    /// <summary>TTL of the routed names' answers (see <see cref="AliasRecordTtlSeconds"/>).</summary>
    public int RecordTtlSeconds => AliasRecordTtlSeconds;
}

/// <summary>One row of the failover table: when <paramref name="Failed"/> are down, the survivors get <paramref name="Split"/>.</summary>
/// <param name="Failed">The regions that are down (one, or two when four or more regions exist).</param>
/// <param name="Split">Percent of traffic for each surviving region; sums to 100. A survivor left out gets 0.</param>
public sealed record FailoverRule(
    IReadOnlyList<string> Failed,
    IReadOnlyDictionary<string, int> Split);

/// <summary>Users in <paramref name="Locations"/> go to <paramref name="Regions"/> (several: split by their traffic weights).</summary>
/// <param name="Locations">Route53 continent codes (AF, AN, AS, EU, NA, OC, SA) or <c>*</c> for everyone else.</param>
/// <param name="Regions">Regions serving these users (several: by their traffic weights); when all are down, the weighted name answers.</param>
public sealed record GeolocationRule(
    IReadOnlyList<string> Locations,
    IReadOnlyList<string> Regions)
{
    public const string Default = "*";

    public static readonly IReadOnlyList<string> Continents = ["AF", "AN", "AS", "EU", "NA", "OC", "SA"];
}
