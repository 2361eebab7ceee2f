namespace MultiRegion.Infra.Model.Config;

/// <summary>How NAT gateways are laid out in a region's VPC.</summary>
public enum NatLayout
{
    /// <summary>One NAT gateway per availability zone: an AZ outage does not cut egress of the others.</summary>
    PerAz,

    /// <summary>One NAT gateway for the whole VPC: cheap, for dev only.</summary>
    Single,
}

/// <summary>Regional network settings shared by every region of a stack config.</summary>
/// <param name="Nat">NAT layout; <c>perAz</c> is required when data is protected (prod).</param>
/// <param name="FlowLogRetentionDays">How long VPC flow logs are kept in CloudWatch Logs.</param>
/// <param name="InterfaceEndpoints">Interface VPC endpoints so node traffic to these services avoids NAT.</param>
public sealed record NetworkConfig(
    NatLayout Nat = NatLayout.PerAz,
    int FlowLogRetentionDays = 90,
    IReadOnlyList<string>? InterfaceEndpoints = null)
{
    /// <summary>The seed's cost section: ECR (api + docker), STS and CloudWatch Logs. S3 is a gateway endpoint, always on.</summary>
    public static readonly IReadOnlyList<string> DefaultInterfaceEndpoints = ["ecr.api", "ecr.dkr", "sts", "logs"];

    public IReadOnlyList<string> EffectiveInterfaceEndpoints => InterfaceEndpoints ?? DefaultInterfaceEndpoints;
}
