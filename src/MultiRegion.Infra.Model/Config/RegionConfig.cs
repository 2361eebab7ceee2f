namespace MultiRegion.Infra.Model.Config;

/// <summary>What a region is for. Drives sizing defaults, data direction and failover.</summary>
public enum RegionRole
{
    Primary,
    Secondary,
    Tertiary,
}

/// <summary>One AWS region of the platform.</summary>
/// <param name="Name">AWS region code, e.g. <c>us-west-2</c>.</param>
/// <param name="Role">primary (writer), secondary or tertiary (disaster recovery).</param>
/// <param name="TrafficWeight">Share of traffic in normal operation, in percent; all regions sum to 100.</param>
/// <param name="AvailabilityZones">Zones to spread over. Taken from config so synthesis needs no AWS lookup.</param>
/// <param name="VpcCidr">The region's VPC range; ranges must not overlap (regions may be peered later).</param>
/// <param name="Sizing">Name of the sizing tier to use; defaults to the role's name.</param>
public sealed record RegionConfig(
    string Name,
    RegionRole Role,
    int TrafficWeight,
    IReadOnlyList<string> AvailabilityZones,
    string VpcCidr,
    string? Sizing = null)
{
    public string SizingTier => Sizing ?? RoleName;

    public string RoleName => Role.ToString().ToLowerInvariant();
}
