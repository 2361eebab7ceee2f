using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning;

/// <summary>
/// A region's Aurora instances: the primary runs a writer plus the configured readers, a secondary only the
/// configured readers (0 = headless secondary). <c>GlobalDatabaseMember</c> creates exactly <see cref="Instances"/>.
/// </summary>
public sealed record DatabaseCapacity(string InstanceClass, bool Writer, int Readers)
{
    public int Instances => Readers + (Writer ? 1 : 0);

    public override string ToString() => (Writer, Readers) switch
    {
        (true, 0) => $"{InstanceClass}: writer only",
        (true, var n) => $"{InstanceClass}: writer + {Plural(n, "reader")}",
        (false, 0) => "headless (no instances)",
        (false, var n) => $"{InstanceClass}: {Plural(n, "reader")}",
    };

    internal static string Plural(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}

/// <summary>
/// A region's member of a Global Datastore: node type and shard count are the datastore's (the primary's sizing;
/// the rules keep every tier equal), replicas per shard are the region's own. <c>GlobalCacheMember</c> deploys
/// <see cref="Nodes"/> nodes.
/// </summary>
public sealed record CacheCapacity(string NodeType, int Shards, int ReplicasPerShard)
{
    public int Nodes => Shards * (ReplicasPerShard + 1);

    public override string ToString() =>
        $"{NodeType}, {DatabaseCapacity.Plural(Shards, "shard")} x (1 primary + {DatabaseCapacity.Plural(ReplicasPerShard, "replica")}) = {DatabaseCapacity.Plural(Nodes, "node")}";
}

/// <summary>Database instances and cache nodes per region: one answer for the data constructs and the plan.</summary>
public static class DataCapacity
{
    public static DatabaseCapacity? Database(StackConfig c, RegionConfig r) =>
        c.Data?.Database is null || c.SizingOf(r).Database is not { } d ? null
            : new DatabaseCapacity(d.InstanceClass, r.Role == RegionRole.Primary, d.ReadReplicas);

    public static CacheCapacity? Cache(StackConfig c, RegionConfig r) =>
        c.Data is not { } data || data.EffectiveCaches.Count == 0 || c.SizingOf(r).Cache is not { } own || c.SizingOf(c.PrimaryRegion).Cache is not { } primary ? null
            : new CacheCapacity(primary.NodeType, primary.Shards, own.ReplicasPerShard);
}
