using System.Globalization;
using System.Text;
using static System.FormattableString;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning;

/// <summary>A node group as plan.json reports it.</summary>
public sealed record PlanNodeGroup(string Name, string Tier, CapacityKind Capacity, int Min, int Desired, int Max, IReadOnlyList<string> InstanceTypes, bool Gpu, double? ScaleDownUtilization);

/// <summary>A region's EKS cluster and node groups as plan.json reports them.</summary>
public sealed record PlanComputeRegion(string Region, string Cluster, string KubernetesVersion, int SpotPercent, IReadOnlyList<PlanNodeGroup> NodeGroups);

/// <summary>The compute part of the plan: node groups per region and tier, split into spot and on-demand.</summary>
public static class ComputeSection
{
    public static IReadOnlyList<PlanComputeRegion>? Of(StackConfig c) => c.Compute is not { } compute ? null :
        c.Regions.Select(r => new PlanComputeRegion(
            r.Name,
            CapacityPlan.ClusterName(c, r),
            compute.KubernetesVersion,
            c.SizingOf(r).SpotPercent,
            CapacityPlan.For(c, r).SelectMany(t => t.Groups).Select(g => new PlanNodeGroup(
                g.Name, g.Tier, g.Capacity, g.Bounds.Min, g.Bounds.Desired, g.Bounds.Max, g.InstanceTypes, g.Gpu, g.ScaleDownUtilization)).ToList()))
        .ToList();

    public static void Render(StackConfig c, StringBuilder md)
    {
        if (c.Compute is not { } compute) return;
        md.AppendLine("## Compute");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"EKS {compute.KubernetesVersion} per region. Each node tier is split into an on-demand and a spot managed node group: spot gets floor(total x spot% / 100) of min, desired and max, on-demand the rest. Desired is only the initial size; the Cluster Autoscaler owns it after.");
        md.AppendLine();
        var tiers = new List<string[]>();
        foreach (var r in c.Regions)
            foreach (var tier in CapacityPlan.For(c, r))
            {
                string Group(CapacityKind kind) => tier.Groups.FirstOrDefault(g => g.Capacity == kind) is { } g
                    ? Invariant($"{g.Bounds} {string.Join(", ", g.InstanceTypes)}")
                    : "-";
                var gpu = tier.Groups.Any(g => g.Gpu) ? " (GPU, tainted)" : "";
                var threshold = tier.Groups.FirstOrDefault()?.ScaleDownUtilization is { } u ? Invariant($"{u * 100:0}%") : "default";
                tiers.Add([r.Name, $"{tier.Tier}{gpu}", Invariant($"{tier.Total}"), Invariant($"{tier.SpotPercent}%"),
                    Group(CapacityKind.OnDemand), Group(CapacityKind.Spot), threshold]);
            }
        MarkdownTable.Write(md, ["Region", "Tier", "Total min/desired/max", "Spot:", "On-demand group", "Spot group", "Scale-down at:"], tiers);
        var workloads = compute.EffectiveWorkloads;
        if (workloads.Count == 0) return;
        // Every metric listed is one the HPA really gets: the loader refuses metrics nothing in the cluster serves.
        md.AppendLine(c.ObservabilityOn
            ? "HPA metrics: cpu and memory are served by metrics-server, pods metrics by prometheus-adapter from the cluster's Prometheus (one adapter rule per metric, see Observability); the loader refuses a metric no adapter rule serves, because an unserved metric stops an HPA from scaling down."
            : "HPA metrics are resource metrics served by metrics-server; pods metrics are refused unless the observability pipeline (prometheus-adapter) serves them, because an unserved metric stops an HPA from scaling down.");
        md.AppendLine();
        var rows = new List<string[]>();
        foreach (var (name, w) in workloads)
            foreach (var r in c.Regions)
            {
                var replicas = w.Replicas.TryGetValue(r.SizingTier, out var range) ? Invariant($"{range.Min}-{range.Max}") : "-";
                var metrics = string.Join(", ", w.Metrics.Select(m => m.Kind switch
                {
                    MetricKind.Cpu => Invariant($"cpu {m.Utilization}%"),
                    MetricKind.Memory => Invariant($"memory {m.Utilization}%"),
                    _ => Invariant($"{m.Name} {m.AverageValue}/pod"),
                }));
                var vpa = w.Vpa is { } v ? v.UpdateMode.ToString().ToLowerInvariant() : "-";
                var lb = w.Ingress is { } i ? Invariant($"{string.Join(" ", i.PathPatterns)} (priority {i.Priority}, health {i.HealthCheckPath})") : "-";
                rows.Add([name, r.Name, replicas, metrics, vpa, lb]);
            }
        MarkdownTable.Write(md, ["Workload", "Region", "Replicas", "HPA metrics (metrics-server or prometheus-adapter)", "VPA", "Load balancer"], rows);
        RenderObservability(c, md);
    }

    /// <summary>The metrics pipeline: where samples go, how long they stay, and which adapter rule serves each pods metric.</summary>
    private static void RenderObservability(StackConfig c, StringBuilder md)
    {
        if (!c.ObservabilityOn) return;
        var o = c.Observability!;
        md.AppendLine("### Observability");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Prometheus in every cluster keeps {o.LocalRetentionDays} days on a {o.LocalStorageGi} GiB encrypted gp3 volume and remote-writes to the Amazon Managed Service for Prometheus workspace {c.Prefix}-metrics in {c.PrimaryRegion.Name}, which keeps {o.GlobalRetentionDays} days.{(o.Grafana ? $" An Amazon Managed Grafana workspace {c.Prefix}-grafana reads it (sign-in through IAM Identity Center)." : "")}");
        md.AppendLine();
        var rules = Observability.AdapterRulePlan.For(c);
        if (rules.Count == 0) return;
        MarkdownTable.Write(md, ["Pods metric", "Prometheus series", "Adapter query"],
            rules.Select(r => new[] { r.Metric, r.Series, $"`{r.MetricsQuery}`" }));
    }
}
