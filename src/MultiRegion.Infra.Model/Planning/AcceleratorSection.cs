using System.Globalization;
using System.Text;
using static System.FormattableString;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning;

/// <summary>One region's endpoint group as plan.json reports it.</summary>
public sealed record PlanEndpointGroup(string Region, int TrafficDialPercent, int Weight);

/// <summary>Global Accelerator as plan.json reports it.</summary>
/// <param name="Fqdn">The name aliased to the accelerator.</param>
public sealed record PlanAccelerator(
    string Name,
    string Fqdn,
    int ListenerPort,
    ClientAffinity ClientAffinity,
    IReadOnlyList<PlanEndpointGroup> EndpointGroups);

/// <summary>
/// The Global Accelerator part of the plan. Reads the same <see cref="AcceleratorConfig.EndpointGroupOf"/> the
/// <c>EdgeAccelerator</c> construct builds its endpoint groups from, and the same name (the prefix).
/// </summary>
public static class AcceleratorSection
{
    public static PlanAccelerator? Of(StackConfig c) => c.Edge?.Accelerator is not { } ga ? null :
        new PlanAccelerator(c.Prefix, $"{ga.RecordName}.{c.Dns.ZoneName}", ga.ListenerPort, ga.ClientAffinity,
            c.Regions.Select(r => ga.EndpointGroupOf(r.Name)).Zip(c.Regions, (g, r) => new PlanEndpointGroup(r.Name, g.TrafficDialPercent, g.Weight)).ToList());

    public static void Render(PlanAccelerator? ga, StringBuilder md)
    {
        if (ga is null) return;
        md.AppendLine("## Global Accelerator");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"`{ga.Fqdn}` is an alias of accelerator `{ga.Name}` (two static anycast IPs, its stack in us-west-2): TCP listener on {ga.ListenerPort}, " +
            $"client affinity {(ga.ClientAffinity == ClientAffinity.SourceIp ? "source IP" : "none")}. For load balancer endpoints Global Accelerator goes by the load balancer's own target health " +
            $"(the workloads' target group health checks), not by endpoint-group health-check settings. With no healthy endpoint in a region, its traffic goes to the next closest region; established connections are not moved.");
        md.AppendLine();
        MarkdownTable.Write(md, ["Region", "Traffic dial:", "Endpoint weight:"],
            ga.EndpointGroups.Select(g => new[] { g.Region, Invariant($"{g.TrafficDialPercent}%"), Invariant($"{g.Weight}") }));
    }
}
