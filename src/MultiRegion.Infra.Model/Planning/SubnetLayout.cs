namespace MultiRegion.Infra.Model.Planning;

/// <summary>
/// How a region's VPC range is cut into subnets, shared by the network construct (<c>RegionalNetwork</c>) and the rule
/// that the configured zones fit. Per zone: a public and a data subnet of 1/256 of the range and a private subnet of 1/8
/// (EKS pods take addresses from it).
/// <para>
/// The CDK allocates subnet groups in order (every zone's public subnet, then every private, then every data subnet),
/// each subnet at the next address aligned to its own size, and checks only the unaligned total
/// (<c>NetworkBuilder.addSubnets</c> in aws-ec2/lib/network-util.ts, CDK 2.160:
/// https://github.com/aws/aws-cdk/blob/v2.160.0/packages/aws-cdk-lib/aws-ec2/lib/network-util.ts), so this replays
/// both the check and the aligned placement.
/// </para>
/// </summary>
public static class SubnetLayout
{
    /// <summary>Prefix length added to the VPC's for each subnet group.</summary>
    public const int PublicExtraBits = 8, PrivateExtraBits = 3, DataExtraBits = 8;

    /// <summary>Whether <paramref name="zones"/> zones' subnets fit in a VPC range of <paramref name="vpcPrefix"/>.</summary>
    public static bool Fits(int vpcPrefix, int zones)
    {
        var size = 1L << (32 - vpcPrefix);
        long next = 0;
        foreach (var extra in new[] { PublicExtraBits, PrivateExtraBits, DataExtraBits })
        {
            var net = size >> extra;
            if (next + net * zones > size) return false; // the CDK's own check: it throws
            for (var i = 0; i < zones; i++)
                next = (next + net - 1) / net * net + net; // aligned up, as CidrBlock places it
        }
        return next <= size; // past the end: subnets outside the VPC, refused by EC2 at deploy
    }

    /// <summary>The most zones a VPC range of this prefix holds (6 for any prefix: 6 x 1/8 plus alignment).</summary>
    public static int MaxZones(int vpcPrefix)
    {
        var n = 0;
        while (n < 64 && Fits(vpcPrefix, n + 1)) n++;
        return n;
    }
}
