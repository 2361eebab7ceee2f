using Amazon.CDK.AWS.GlobalAccelerator;
using Constructs;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Global.Accelerator;

/// <summary>Inputs of <see cref="EdgeAccelerator"/>: the config and each region's load balancer ARN.</summary>
public sealed record EdgeAcceleratorProps(AcceleratorConfig Config, IReadOnlyDictionary<string, string> LoadBalancerArns, string Name);

/// <summary>
/// Global Accelerator: two static anycast IPs, a TCP listener (WebSockets pass through untouched) with client
/// affinity from config, and an endpoint group per region on its load balancer with client IP preservation.
/// An endpoint is healthy as its load balancer's targets are (the target groups' health checks); with no healthy
/// endpoint in a group, traffic goes to the next closest group. Established connections stay
/// where they are on failover: clients must reconnect.
/// </summary>
public sealed class EdgeAccelerator : Construct
{
    public CfnAccelerator Accelerator { get; }
    public CfnListener Listener { get; }
    public IReadOnlyDictionary<string, CfnEndpointGroup> EndpointGroups { get; }

    /// <summary>The accelerator's DNS name (<c>*.awsglobalaccelerator.com</c>).</summary>
    public string DnsName => Accelerator.AttrDnsName;

    public EdgeAccelerator(Construct scope, string id, EdgeAcceleratorProps props) : base(scope, id)
    {
        var c = props.Config;
        Accelerator = new CfnAccelerator(this, "Accelerator", new CfnAcceleratorProps
        {
            Name = props.Name,
            Enabled = true,
            IpAddressType = "IPV4",
        });
        Listener = new CfnListener(this, "Listener", new CfnListenerProps
        {
            AcceleratorArn = Accelerator.AttrAcceleratorArn,
            Protocol = "TCP",
            PortRanges = new object[] { new CfnListener.PortRangeProperty { FromPort = c.ListenerPort, ToPort = c.ListenerPort } },
            ClientAffinity = c.ClientAffinity == Model.Config.ClientAffinity.SourceIp ? "SOURCE_IP" : "NONE",
        });

        var groups = new Dictionary<string, CfnEndpointGroup>(StringComparer.Ordinal);
        foreach (var (region, arn) in props.LoadBalancerArns)
        {
            var g = c.EndpointGroupOf(region);
            groups[region] = new CfnEndpointGroup(this, Dns.DnsNames.Id(region), new CfnEndpointGroupProps
            {
                ListenerArn = Listener.AttrListenerArn,
                EndpointGroupRegion = region,
                TrafficDialPercentage = g.TrafficDialPercent,
                // No health-check settings: for load balancer endpoints Global Accelerator ignores them and uses the
                // load balancer's own target health (https://docs.aws.amazon.com/global-accelerator/latest/dg/about-endpoint-groups.html).
                EndpointConfigurations = new object[]
                {
                    new CfnEndpointGroup.EndpointConfigurationProperty
                    {
                        EndpointId = arn,
                        Weight = g.Weight,
                        ClientIpPreservationEnabled = true,
                    },
                },
            });
        }
        EndpointGroups = groups;
    }
}
