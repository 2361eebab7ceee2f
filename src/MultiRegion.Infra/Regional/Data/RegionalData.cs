using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Constructs;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning;
using MultiRegion.Infra.Regional.Data.Backup;
using MultiRegion.Infra.Regional.Data.Cache;
using MultiRegion.Infra.Regional.Data.Database;
using MultiRegion.Infra.Regional.Data.Storage;

namespace MultiRegion.Infra.Regional.Data;

/// <summary>Inputs of a region's data tier.</summary>
/// <param name="GlobalDatastoreIds">For a secondary region: each cache's Global Datastore id from the primary's stack.</param>
public sealed record RegionalDataProps(
    StackConfig Config,
    RegionConfig Region,
    Vpc Vpc,
    IReadOnlyDictionary<string, string>? GlobalDatastoreIds = null);

/// <summary>
/// A region's part of the data tier: its KMS key, its Aurora Global Database member, its member of every
/// Global Datastore, in the primary region the source buckets with their replication, and its backup plan.
/// Construct ids are part of the stateful logical-ID lock (stateful-logical-ids.lock.json): do not rename them.
/// </summary>
public sealed class RegionalData : Construct
{
    public DataKey Key { get; }
    public GlobalDatabaseMember? Database { get; }
    public IReadOnlyDictionary<string, GlobalCacheMember> Caches { get; }
    public IReadOnlyDictionary<string, SecureBucket> Buckets { get; }
    public BackupPlan? Backup { get; }

    public RegionalData(Construct scope, string id, RegionalDataProps props) : base(scope, id)
    {
        var c = props.Config;
        var data = c.Data ?? new DataConfig();
        var region = props.Region;
        var isPrimary = region.Role == RegionRole.Primary;
        var sizing = c.SizingOf(region);
        var others = c.Regions.Where(r => r.Name != region.Name).Select(r => r.Name).ToList();

        var placement = DataPlacement.Of(props.Vpc);
        Key = new DataKey(this, "Key", DataNames.DataKeyAlias(c), $"{c.Prefix} data stores in {region.Name}", c.ProtectData);

        if (data.Database is { } db)
        {
            Database = new GlobalDatabaseMember(this, "Database", new GlobalDatabaseMemberProps(
                c, region, db, sizing.Database!, placement, Key.Key, isPrimary ? others : []));
            Output("DatabaseWriterEndpoint", Database.Cluster.AttrEndpointAddress, "Aurora cluster endpoint (writer in the primary region)");
            Output("DatabaseReaderEndpoint", Database.Cluster.AttrReadEndpointAddress, "Aurora reader endpoint");
            if (Database.MasterSecret is { } secret)
                Output("DatabaseSecretArn", secret.Ref, "Master credentials (replicated to every region)");
        }

        var caches = new Dictionary<string, GlobalCacheMember>(StringComparer.Ordinal);
        foreach (var (name, cache) in data.EffectiveCaches)
        {
            var member = new GlobalCacheMember(this, $"{DataIds.Pascal(name)}Cache", new GlobalCacheMemberProps(
                c, region, name, cache, sizing.Cache!, placement, Key.Key,
                isPrimary ? null : props.GlobalDatastoreIds?[name], isPrimary ? others : []));
            caches[name] = member;
            Output($"{DataIds.Pascal(name)}CacheEndpoint",
                sizing.Cache!.Shards == 1 ? member.ReplicationGroup.AttrPrimaryEndPointAddress : member.ReplicationGroup.AttrConfigurationEndPointAddress,
                $"{name} cache endpoint (TLS, AUTH)");
        }
        Caches = caches;

        var buckets = new Dictionary<string, SecureBucket>(StringComparer.Ordinal);
        if (isPrimary)
        {
            foreach (var (name, bucket) in data.EffectiveBuckets)
            {
                var source = new SecureBucket(this, $"{DataIds.Pascal(name)}Bucket",
                    new SecureBucketProps(DataNames.Bucket(c, name, region.Name), Key.Key, bucket, c.ProtectData));
                buckets[name] = source;
                if (bucket.EffectiveReplicas.Count > 0)
                    new BucketReplication(this, $"{DataIds.Pascal(name)}Replication", new BucketReplicationProps(
                        source, Key.Key, bucket,
                        bucket.EffectiveReplicas
                            .Select(r => new ReplicaDestination(r.Region, DataNames.Bucket(c, name, r.Region), r.StorageClass, DataNames.ReplicaKeyAlias(c)))
                            .ToList()));
            }
        }
        Buckets = buckets;

        // Every region backs up its own members, so backups continue wherever the writer moves and a region's
        // replica buckets have copies of their own. Replica buckets live in the region's replica stack: named, not referenced.
        if (data.Backup is { } backup)
        {
            var arns = new List<string>();
            if (Database is not null) arns.Add(Database.ClusterArn);
            arns.AddRange(isPrimary
                ? buckets.Values.Select(b => b.Arn)
                : data.EffectiveBuckets.Where(b => b.Value.EffectiveReplicas.Any(r => r.Region == region.Name))
                    .Select(b => $"arn:{Stack.Of(this).Partition}:s3:::{DataNames.Bucket(c, b.Key, region.Name)}"));
            if (arns.Count > 0)
                Backup = new BackupPlan(this, "Backup", new BackupPlanProps(c, backup, Key.Key, arns));
        }
    }

    private void Output(string id, string value, string description) =>
        new CfnOutput(this, id, new CfnOutputProps { Value = value, Description = description });
}

/// <summary>Construct ids from config names: <c>feature-store</c> becomes <c>FeatureStore</c>.</summary>
internal static class DataIds
{
    public static string Pascal(string name) =>
        string.Concat(name.Split('-', '_', '.').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
