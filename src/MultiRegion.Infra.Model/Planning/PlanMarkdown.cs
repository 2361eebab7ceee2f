using System.Globalization;
using System.Text;
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
        RenderRegions(config, md);
        RenderDiagram(config, md);
        ComputeSection.Render(config, md);
        RenderStacks(plan, md);
        RenderFailover(config, plan, md);
        RenderData(plan, md);
        Objectives.ObjectivesSection.Render(config, md);
        return md.ToString();
    }

    private static void RenderRegions(StackConfig c, StringBuilder md)
    {
        md.AppendLine("## Regions");
        md.AppendLine();
        md.AppendLine("| Region | Role | Weight | Sizing | Node groups (min/desired/max) | Spot | Database | Cache |");
        md.AppendLine("|---|---|---:|---|---|---:|---|---|");
        foreach (var r in c.Regions)
        {
            var s = c.SizingOf(r);
            var groups = string.Join("<br>", s.NodeGroups.Select(g =>
                $"{g.Key}: {g.Value.MinSize}/{g.Value.DesiredSize}/{g.Value.MaxSize} {string.Join(", ", g.Value.InstanceTypes)}"));
            var db = s.Database is { } d ? $"{d.InstanceClass} + {d.ReadReplicas} readers" : "-";
            var cache = s.Cache is { } k ? $"{k.NodeType}, {k.ReplicasPerShard} replicas/shard" : "-";
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.RoleName} | {r.TrafficWeight}% | {r.SizingTier} | {groups} | {s.SpotPercent}% | {db} | {cache} |");
        }
        md.AppendLine();
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
        md.AppendLine("| Stack | Region | Resources |");
        md.AppendLine("|---|---|---:|");
        foreach (var s in plan.Stacks)
            md.AppendLine(CultureInfo.InvariantCulture, $"| {s.Name} | {s.Region} | {s.ResourceCount} |");
        md.AppendLine();
    }

    private static void RenderFailover(StackConfig c, PlanDocument plan, StringBuilder md)
    {
        if (plan.Failover is not { Count: > 0 } rows)
            return;
        md.AppendLine("## Failover splits");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Traffic of `{c.Edge!.Routing.WeightedName}.{c.Dns.ZoneName}` per scenario, exact (Route53 failover record tree). A region counts as down after about {c.Edge.HealthCheck.DetectionSeconds} s ({c.Edge.HealthCheck.Interval} s x {c.Edge.HealthCheck.FailureThreshold}).");
        md.AppendLine();
        md.AppendLine("| Down | " + string.Join(" | ", c.Regions.Select(r => r.Name)) + " |");
        md.AppendLine("|---|" + string.Concat(c.Regions.Select(_ => "---:|")));
        md.AppendLine("| (none) | " + string.Join(" | ", c.Regions.Select(r => $"{r.TrafficWeight}%")) + " |");
        foreach (var row in rows)
        {
            var cells = c.Regions.Select(r => row.Failed.Contains(r.Name) ? "down" : $"{row.Split.GetValueOrDefault(r.Name)}%");
            md.AppendLine($"| {string.Join(", ", row.Failed)} | {string.Join(" | ", cells)} |");
        }
        md.AppendLine();
    }

    private static void RenderData(PlanDocument plan, StringBuilder md)
    {
        if (plan.Data is not { } d) return;
        md.AppendLine("## Data");
        md.AppendLine();
        if (d.Database is { } db)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"Aurora PostgreSQL {db.EngineVersion} global cluster `{db.GlobalClusterId}`, writer in {db.WriterRegion}; backups kept {db.BackupRetentionDays} d; " +
                $"RPO cap (rds.global_db_rpo): {(db.GlobalDbRpoSeconds is { } rpo ? $"{rpo} s" : "none")}; replication {db.Replication}. Regional failover: {db.Failover}.");
            md.AppendLine();
            md.AppendLine("| Region | Role | Instance class | Instances |");
            md.AppendLine("|---|---|---|---:|");
            foreach (var m in db.Members)
                md.AppendLine(CultureInfo.InvariantCulture, $"| {m.Region} | {m.Role} | {m.InstanceClass} | {m.Instances} |");
            md.AppendLine();
        }
        if (d.Caches.Count > 0)
        {
            md.AppendLine("| Cache (Global Datastore) | Engine | Node type | Shards | Eviction | Nodes per region |");
            md.AppendLine("|---|---|---|---:|---|---|");
            foreach (var c in d.Caches)
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| {c.Name} | {c.Engine} {c.EngineVersion} | {c.NodeType} | {c.Shards} | {c.EvictionPolicy} | {string.Join(", ", c.NodesByRegion.Select(n => $"{n.Key}: {n.Value}"))} |");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Cache replication: {d.Caches[0].Replication}.");
            md.AppendLine();
        }
        if (d.Buckets.Count > 0)
        {
            md.AppendLine("| Bucket | Replicas (storage class) | RPO | RTC | Lifecycle |");
            md.AppendLine("|---|---|---|---|---|");
            foreach (var b in d.Buckets)
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| `{b.BucketName}` | {(b.Replicas.Count == 0 ? "-" : string.Join(", ", b.Replicas.Select(r => $"{r.Region} ({r.StorageClass})")))} | " +
                    $"{(b.RpoMinutes is { } m ? $"{m} min" : "unbounded")} | {(b.ReplicationTimeControl ? "on (15 min)" : "off")} | {(b.Lifecycle.Count == 0 ? "-" : string.Join(", ", b.Lifecycle))} |");
            md.AppendLine();
        }
        if (d.Backup is { } bk)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"AWS Backup: `{bk.Schedule}` in {bk.SourceRegion}, kept {bk.RetentionDays} d; copied to `{bk.CopyVault}` in {bk.CopyRegion}, kept {bk.CopyRetentionDays} d (vault lock: {bk.VaultLock}).");
            md.AppendLine();
        }
    }

    private static string Id(string region) => region.Replace("-", "_");
}
