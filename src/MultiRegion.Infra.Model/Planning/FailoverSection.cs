using System.Globalization;
using System.Text;
using static System.FormattableString;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning;

/// <summary>plan.md's failover table: the exact split of the weighted name in every failure scenario.</summary>
public static class FailoverSection
{
    public static void Render(StackConfig c, IReadOnlyList<PlanFailoverRow>? failover, StringBuilder md)
    {
        if (failover is not { Count: > 0 } rows)
            return;
        md.AppendLine("## Failover splits");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Traffic of `{c.Edge!.Routing.WeightedName}.{c.Dns.ZoneName}` per scenario: rows from the config's failover table are exact (Route53 failover record tree); the others (marked ~) are Route53's weighted routing over the healthy regions, weight / sum of healthy weights, unrounded in DNS and rounded here to whole percents (largest remainder). A region counts as down after about {c.Edge.HealthCheck.DetectionSeconds} s ({c.Edge.HealthCheck.Interval} s x {c.Edge.HealthCheck.FailureThreshold}).");
        md.AppendLine();
        var none = c.Regions.Select(r => Invariant($"{r.TrafficWeight}%")).Prepend("(none)").ToArray();
        var scenarios = rows.Select(row => c.Regions
            .Select(r => row.Failed.Contains(r.Name) ? "down" : Invariant($"{row.Split.GetValueOrDefault(r.Name)}%"))
            .Prepend($"{string.Join(", ", row.Failed)}{(row.Configured ? "" : " ~")}").ToArray());
        MarkdownTable.Write(md, c.Regions.Select(r => r.Name + ":").Prepend("Down").ToList(), scenarios.Prepend(none));
    }
}
