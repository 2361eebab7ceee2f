using System.Globalization;
using System.Text;
using static System.FormattableString;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning;

/// <summary>The <c>data</c> section of plan.json: stores, where they replicate, and the settings that bound data loss.</summary>
public sealed record PlanData(
    PlanDatabase? Database,
    IReadOnlyList<PlanCache> Caches,
    IReadOnlyList<PlanBucket> Buckets,
    PlanBackup? Backup);

/// <param name="GlobalDbRpoSeconds">The <c>rds.global_db_rpo</c> cap, or null when replication lag is unbounded.</param>
public sealed record PlanDatabase(
    string GlobalClusterId,
    string EngineVersion,
    string WriterRegion,
    IReadOnlyList<PlanDatabaseMember> Members,
    int BackupRetentionDays,
    int? GlobalDbRpoSeconds,
    string Replication,
    string Failover);

/// <param name="Instances">Writer plus readers in the primary region; readers elsewhere (0 = headless secondary).</param>
public sealed record PlanDatabaseMember(string Region, string Role, string InstanceClass, int Instances);

public sealed record PlanCache(
    string Name,
    string Engine,
    string EngineVersion,
    string NodeType,
    int Shards,
    string EvictionPolicy,
    string PrimaryRegion,
    IReadOnlyDictionary<string, int> NodesByRegion,
    string Replication,
    int AuthTokenRotationDays = 30,
    string? Rollout = null);

/// <param name="ReplicationTimeControl">S3 RTC with metrics (15 minutes) on the replication rules.</param>
public sealed record PlanBucket(
    string Name,
    string BucketName,
    string Region,
    int? RpoMinutes,
    bool ReplicationTimeControl,
    IReadOnlyList<PlanReplica> Replicas,
    IReadOnlyList<string> Lifecycle);

public sealed record PlanReplica(string Region, string BucketName, string StorageClass);

public sealed record PlanBackup(string SourceRegion, string CopyRegion, string CopyVault, int RetentionDays, int CopyRetentionDays, string Schedule, string VaultLock);

/// <summary>Builds <see cref="PlanData"/> from a stack config (pure).</summary>
public static class DataPlan
{
    public static PlanData? Of(StackConfig c)
    {
        if (c.Data is not { } data) return null;
        var primary = c.PrimaryRegion;

        PlanDatabase? database = null;
        if (data.Database is { } db)
            database = new PlanDatabase(
                DataNames.GlobalDatabase(c), db.EngineVersion, primary.Name,
                data.MemberRegions(c.Regions).Select(r => (Region: r, Capacity: DataCapacity.Database(c, r)!)).Select(x =>
                    new PlanDatabaseMember(x.Region.Name, x.Region.RoleName, x.Capacity.InstanceClass, x.Capacity.Instances)).ToList(),
                db.BackupRetentionDays, db.RpoCapSeconds,
                "storage-level, asynchronous, typically under 1 s" + (db.RpoCapSeconds is { } rpo ? $"; writer blocks commits beyond {rpo} s" : "; unbounded"),
                "not automatic across regions: switchover (planned, RPO 0) or failover (unplanned, RPO typically seconds) is an operator or automation call, RTO in minutes");

        var caches = data.EffectiveCaches.Select(kv =>
        {
            var sizing = c.SizingOf(primary).Cache!;
            return new PlanCache(kv.Key, kv.Value.EngineName, kv.Value.EngineVersion, sizing.NodeType, sizing.Shards, kv.Value.EvictionPolicy, primary.Name,
                data.MemberRegions(c.Regions).ToDictionary(r => r.Name, r => DataCapacity.Cache(c, r)!.Nodes),
                "one way from the primary, asynchronous (typically under 1 s); secondaries are read-only and promoted by an operator",
                kv.Value.AuthTokenRotationDays,
                kv.Value.CreatedWith is { } created
                    ? $"created with {created.NodeType ?? sizing.NodeType}, {kv.Value.EngineName} {kv.Value.CreatedEngineVersion}, eviction {kv.Value.CreatedEvictionPolicy}; the Global Datastore moves to the configured values (ModifyGlobalReplicationGroup)"
                    : null);
        }).ToList();

        var buckets = data.EffectiveBuckets.Select(kv => new PlanBucket(
            kv.Key, DataNames.Bucket(c, kv.Key, primary.Name), primary.Name, kv.Value.RpoMinutes, kv.Value.ReplicationTimeControl,
            kv.Value.EffectiveReplicas.Select(r => new PlanReplica(r.Region, DataNames.Bucket(c, kv.Key, r.Region), r.StorageClass)).ToList(),
            kv.Value.EffectiveLifecycle.Select(t => $"{t.StorageClass} after {t.AfterDays} d").ToList())).ToList();

        var backup = data.Backup is { } b
            ? new PlanBackup(string.Join(", ", c.Regions.Select(r => r.Name)) + (b.ContinuousBackup ? " (plus continuous point-in-time backups)" : ""), b.Region, DataNames.CopyVault(c), b.RetentionDays, b.CopyRetentionDays, b.Schedule, b.VaultLock.ToString().ToLowerInvariant())
            : null;

        return new PlanData(database, caches, buckets, backup);
    }

    /// <summary>plan.md's data section.</summary>
    public static void Render(PlanData? data, StringBuilder md)
    {
        if (data is not { } d) return;
        md.AppendLine("## Data");
        md.AppendLine();
        if (d.Database is { } db)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"Aurora PostgreSQL {db.EngineVersion} global cluster `{db.GlobalClusterId}`, writer in {db.WriterRegion}; backups kept {db.BackupRetentionDays} d; " +
                $"RPO cap (rds.global_db_rpo): {(db.GlobalDbRpoSeconds is { } rpo ? $"{rpo} s" : "none")}; replication {db.Replication}. Regional failover: {db.Failover}.");
            md.AppendLine();
            MarkdownTable.Write(md, ["Region", "Role", "Instance class", "Instances:"],
                db.Members.Select(m => new[] { m.Region, m.Role, m.InstanceClass, Invariant($"{m.Instances}") }));
        }
        if (d.Caches.Count > 0)
        {
            MarkdownTable.Write(md, ["Cache (Global Datastore)", "Engine", "Node type", "Shards:", "Eviction", "Nodes per region", "AUTH token rotation"],
                d.Caches.Select(c => new[]
                {
                    c.Name, $"{c.Engine} {c.EngineVersion}", c.NodeType, Invariant($"{c.Shards}"), c.EvictionPolicy,
                    string.Join(", ", c.NodesByRegion.Select(n => Invariant($"{n.Key}: {n.Value}"))), Invariant($"every {c.AuthTokenRotationDays} days"),
                }));
            foreach (var c in d.Caches.Where(c => c.Rollout is not null))
                md.AppendLine(CultureInfo.InvariantCulture, $"Cache {c.Name} rollout: {c.Rollout}.");
            md.AppendLine(CultureInfo.InvariantCulture, $"Cache replication: {d.Caches[0].Replication}.");
            md.AppendLine();
        }
        if (d.Buckets.Count > 0)
        {
            MarkdownTable.Write(md, ["Bucket", "Replicas (storage class)", "RPO", "RTC", "Lifecycle"], d.Buckets.Select(b => new[]
            {
                $"`{b.BucketName}`",
                b.Replicas.Count == 0 ? "-" : string.Join(", ", b.Replicas.Select(r => $"{r.Region} ({r.StorageClass})")),
                b.RpoMinutes is { } m ? Invariant($"{m} min") : "unbounded",
                b.ReplicationTimeControl ? "on (15 min)" : "off",
                b.Lifecycle.Count == 0 ? "-" : string.Join(", ", b.Lifecycle),
            }));
        }
        if (d.Backup is { } bk)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"AWS Backup: `{bk.Schedule}` in {bk.SourceRegion}, kept {bk.RetentionDays} d; copied to `{bk.CopyVault}` in {bk.CopyRegion}, kept {bk.CopyRetentionDays} d (vault lock: {bk.VaultLock}).");
            md.AppendLine();
        }
    }
}
