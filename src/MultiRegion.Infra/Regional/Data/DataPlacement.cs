using Amazon.CDK.AWS.EC2;
using MultiRegion.Infra.Regional.Network;

namespace MultiRegion.Infra.Regional.Data;

/// <summary>
/// Where a region's data stores sit (the VPC's isolated data subnets) and who may reach them (the private
/// workload subnets, where EKS nodes and pods get their addresses). Read from the VPC once per region.
/// </summary>
public sealed record DataPlacement(
    Vpc Vpc,
    string[] DataSubnetIds,
    string[] WorkloadSubnetIds,
    IReadOnlyList<(string Cidr, string Zone)> WorkloadRanges)
{
    public static DataPlacement Of(Vpc vpc)
    {
        var data = vpc.SelectSubnets(new SubnetSelection { SubnetGroupName = RegionalNetwork.DataSubnets });
        var workload = vpc.SelectSubnets(new SubnetSelection { SubnetGroupName = RegionalNetwork.PrivateSubnets });
        return new DataPlacement(vpc, data.SubnetIds, workload.SubnetIds,
            workload.Subnets.Select(s => (s.Ipv4CidrBlock, s.AvailabilityZone)).ToList());
    }

    /// <summary>Allows <paramref name="port"/> into <paramref name="group"/> from each workload subnet.</summary>
    public void AllowFromWorkloads(SecurityGroup group, int port, string protocol)
    {
        foreach (var (cidr, zone) in WorkloadRanges)
            group.AddIngressRule(Peer.Ipv4(cidr), Port.Tcp(port), $"{protocol} from workloads in {zone}");
    }
}
