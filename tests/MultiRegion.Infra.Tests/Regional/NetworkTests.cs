using Amazon.CDK.Assertions;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Regional;

public sealed class NetworkTests
{
    private static readonly SynthesizedPlatform Prod = SynthesizedPlatform.Shipped("prod");
    private static readonly SynthesizedPlatform Dev = SynthesizedPlatform.Shipped("dev");

    [Theory]
    [InlineData("us-west-2", "10.10.0.0/16")]
    [InlineData("us-east-1", "10.20.0.0/16")]
    [InlineData("eu-west-1", "10.30.0.0/16")]
    public void Every_prod_region_gets_a_vpc_with_its_configured_range(string region, string cidr)
    {
        Prod.Regional(region).HasResourceProperties("AWS::EC2::VPC", new Dictionary<string, object> { ["CidrBlock"] = cidr });
    }

    [Fact]
    public void Prod_has_a_nat_gateway_per_availability_zone_and_dev_has_one()
    {
        Prod.Regional("us-west-2").ResourceCountIs("AWS::EC2::NatGateway", 3);
        Dev.Regional("us-west-2").ResourceCountIs("AWS::EC2::NatGateway", 1);
    }

    [Fact]
    public void Subnets_span_the_configured_zones_in_three_tiers()
    {
        var subnets = Prod.Regional("eu-west-1").FindResources("AWS::EC2::Subnet");
        Assert.Equal(9, subnets.Count);
        var zones = subnets.Values
            .Select(s => (string)((Dictionary<string, object>)((Dictionary<string, object>)s)["Properties"])["AvailabilityZone"])
            .Distinct().Order().ToList();
        Assert.Equal(["eu-west-1a", "eu-west-1b", "eu-west-1c"], zones);
    }

    [Fact]
    public void Flow_logs_capture_all_traffic_with_configured_retention()
    {
        var t = Prod.Regional("us-west-2");
        t.HasResourceProperties("AWS::EC2::FlowLog", new Dictionary<string, object> { ["TrafficType"] = "ALL" });
        t.HasResourceProperties("AWS::Logs::LogGroup", new Dictionary<string, object> { ["RetentionInDays"] = 90 });
        Dev.Regional("us-west-2").HasResourceProperties("AWS::Logs::LogGroup", new Dictionary<string, object> { ["RetentionInDays"] = 7 });
    }

    [Theory]
    [InlineData("ecr.api")]
    [InlineData("ecr.dkr")]
    [InlineData("sts")]
    [InlineData("logs")]
    public void Interface_endpoints_keep_node_traffic_off_nat(string service)
    {
        Prod.Regional("us-east-1").HasResourceProperties("AWS::EC2::VPCEndpoint", new Dictionary<string, object>
        {
            ["ServiceName"] = $"com.amazonaws.us-east-1.{service}",
            ["VpcEndpointType"] = "Interface",
            ["PrivateDnsEnabled"] = true,
        });
    }

    [Fact]
    public void S3_is_a_gateway_endpoint()
    {
        Prod.Regional("us-west-2").HasResourceProperties("AWS::EC2::VPCEndpoint", new Dictionary<string, object>
        {
            ["VpcEndpointType"] = "Gateway",
            ["ServiceName"] = Match.AnyValue(),
        });
    }
}
