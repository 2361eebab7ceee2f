namespace MultiRegion.Infra.Model.Config;

/// <summary>The public DNS zone the platform's names live in. Replace the shipped values with your own.</summary>
/// <param name="ZoneName">Public hosted zone, e.g. <c>example.com</c>.</param>
/// <param name="HostedZoneId">Its Route53 id. Imported by id, so synthesis needs no lookup.</param>
public sealed record DnsConfig(
    string ZoneName,
    string HostedZoneId);
