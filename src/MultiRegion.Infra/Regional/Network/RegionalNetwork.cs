using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.Logs;
using Constructs;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Regional.Network;

/// <summary>Inputs of a region's network.</summary>
public sealed record RegionalNetworkProps(RegionConfig Region, NetworkConfig Settings, bool ProtectData = true);

/// <summary>
/// A region's VPC: public subnets for load balancers and NAT, private subnets for EKS nodes and pods,
/// isolated subnets for databases and caches; flow logs; endpoints so node traffic to S3, ECR, STS and
/// CloudWatch Logs stays off the NAT gateways (the seed's cost section asks for it).
/// </summary>
public sealed class RegionalNetwork : Construct
{
    public const string PublicSubnets = "public", PrivateSubnets = "private", DataSubnets = "data";

    public Vpc Vpc { get; }

    public RegionalNetwork(Construct scope, string id, RegionalNetworkProps props) : base(scope, id)
    {
        var prefix = int.Parse(props.Region.VpcCidr.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture);
        Vpc = new Vpc(this, "Vpc", new VpcProps
        {
            IpAddresses = IpAddresses.Cidr(props.Region.VpcCidr),
            // From config, so synthesis needs no account lookup.
            AvailabilityZones = props.Region.AvailabilityZones.ToArray(),
            NatGateways = props.Settings.Nat == NatLayout.PerAz ? props.Region.AvailabilityZones.Count : 1,
            RestrictDefaultSecurityGroup = true,
            SubnetConfiguration =
            [
                new SubnetConfiguration { Name = PublicSubnets, SubnetType = SubnetType.PUBLIC, CidrMask = prefix + Model.Planning.SubnetLayout.PublicExtraBits },
                // Large: the VPC CNI gives every pod an address from these subnets.
                new SubnetConfiguration { Name = PrivateSubnets, SubnetType = SubnetType.PRIVATE_WITH_EGRESS, CidrMask = prefix + Model.Planning.SubnetLayout.PrivateExtraBits },
                new SubnetConfiguration { Name = DataSubnets, SubnetType = SubnetType.PRIVATE_ISOLATED, CidrMask = prefix + Model.Planning.SubnetLayout.DataExtraBits },
            ],
        });

        var flowLogs = new LogGroup(this, "FlowLogs", new LogGroupProps
        {
            RemovalPolicy = props.ProtectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });
        // Any retention CloudWatch accepts (validated at load), not only the ones the L2 enum names.
        ((CfnLogGroup)flowLogs.Node.DefaultChild!).RetentionInDays = props.Settings.FlowLogRetentionDays;
        Vpc.AddFlowLog("FlowLog", new FlowLogOptions
        {
            Destination = FlowLogDestination.ToCloudWatchLogs(flowLogs),
            TrafficType = FlowLogTrafficType.ALL,
        });

        Vpc.AddGatewayEndpoint("S3", new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.S3 });
        foreach (var service in props.Settings.EffectiveInterfaceEndpoints)
        {
            Vpc.AddInterfaceEndpoint(EndpointId(service), new InterfaceVpcEndpointOptions
            {
                Service = new InterfaceVpcEndpointAwsService(service),
                Subnets = new SubnetSelection { SubnetGroupName = PrivateSubnets },
                PrivateDnsEnabled = true,
            });
        }
    }

    /// <summary>Stable construct id from a service name: <c>ecr.api</c> becomes <c>EcrApi</c>.</summary>
    internal static string EndpointId(string service) =>
        string.Concat(service.Split('.', '-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
