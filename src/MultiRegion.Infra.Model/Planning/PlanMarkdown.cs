using System.Globalization;
using System.Text;
using static System.FormattableString;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning;

/// <summary><c>plan.md</c>: the plan for people reviewing a pull request.</summary>
public static class PlanMarkdown
{
    public static string Render(StackConfig config, PlanDocument plan)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# Plan: {config.Prefix}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Stack config: `{plan.Source}`, account `{config.Account}`, data protection {(config.ProtectData ? "on (retain, deletion protection)" : "off")}.");
        md.AppendLine();
        RenderWarnings(plan, md);
        RenderRegions(config, md);
        RenderDiagram(config, md);
        ComputeSection.Render(config, md);
        RenderStacks(plan, md);
        FailoverSection.Render(config, plan.Failover, md);
        AcceleratorSection.Render(plan.Accelerator, md);
        LimitsSection.Render(config, md);
        DataPlan.Render(plan.Data, md);
        DataReadsSection.Render(config, md);
        Objectives.ObjectivesSection.Render(config, md);
        Alerting.AlertsSection.Render(plan.Alerts, md);
        FirstDeploy.FirstDeploySection.Render(plan.FirstDeploy, md);
        Cost.CostSection.Render(config, md);
        TlsSection.Render(config, md);
        Recovery.RecoverySection.Render(config, md);
        return md.ToString();
    }

    private static void RenderWarnings(PlanDocument plan, StringBuilder md)
    {
        if (plan.Warnings.Count == 0) return;
        md.AppendLine("## Warnings");
        md.AppendLine();
        foreach (var w in plan.Warnings) md.AppendLine(CultureInfo.InvariantCulture, $"- {w}");
        md.AppendLine();
    }

    private static void RenderRegions(StackConfig c, StringBuilder md)
    {
        md.AppendLine("## Regions");
        md.AppendLine();
        var rows = new List<string[]>();
        foreach (var r in c.Regions)
        {
            var s = c.SizingOf(r);
            var groups = string.Join("<br>", s.NodeGroups.Select(g =>
                Invariant($"{g.Key}: {g.Value.MinSize}/{g.Value.DesiredSize}/{g.Value.MaxSize} {string.Join(", ", g.Value.InstanceTypes)}")));
            // The same capacity the data constructs deploy (DataCapacity), so the table cannot disagree with the templates.
            var db = DataCapacity.Database(c, r)?.ToString() ?? "-";
            var cache = DataCapacity.Cache(c, r)?.ToString() ?? "-";
            rows.Add([r.Name, r.RoleName, Invariant($"{r.TrafficWeight}%"), r.SizingTier, groups, Invariant($"{s.SpotPercent}%"), db, cache]);
        }
        MarkdownTable.Write(md, ["Region", "Role", "Weight:", "Sizing", "Node groups (min/desired/max)", "Spot:", "Database", "Cache"], rows);
    }

    private static void RenderDiagram(StackConfig c, StringBuilder md)
    {
        md.AppendLine("## Topology");
        md.AppendLine();
        md.AppendLine("```mermaid");
        md.AppendLine("graph LR");
        md.AppendLine("  users((Users)) --> edge[CloudFront + WAF + Route53]");
        foreach (var r in c.Regions)
            md.AppendLine(CultureInfo.InvariantCulture,
                $"  edge -- \"{r.TrafficWeight}%\" --> {Id(r.Name)}[\"{r.Name} ({r.RoleName})\"]");
        if (AcceleratorSection.Of(c) is { } ga)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"  users --> ga[\"Global Accelerator {ga.Fqdn}\"]");
            foreach (var g in ga.EndpointGroups)
                md.AppendLine(CultureInfo.InvariantCulture, $"  ga -- \"dial {g.TrafficDialPercent}%\" --> {Id(g.Region)}");
        }
        var primary = c.PrimaryRegion;
        foreach (var r in c.Regions.Where(r => r.Role != RegionRole.Primary))
            md.AppendLine(CultureInfo.InvariantCulture, $"  {Id(primary.Name)} -. replication .-> {Id(r.Name)}");
        md.AppendLine("```");
        md.AppendLine();
    }

    private static void RenderStacks(PlanDocument plan, StringBuilder md)
    {
        md.AppendLine("## Stacks");
        md.AppendLine();
        MarkdownTable.Write(md, ["Stack", "Region", "Resources:"], plan.Stacks.Select(s => new[] { s.Name, s.Region, Invariant($"{s.ResourceCount}") }));
    }

    private static string Id(string region) => region.Replace("-", "_");
}
