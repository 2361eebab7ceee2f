using Amazon.CDK;
using MultiRegion.Infra.Composition.References;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning;
using MultiRegion.Infra.Stacks;

namespace MultiRegion.Infra.Regional.Data;

/// <summary>
/// The data tier of the whole platform, composed across stacks: each regional stack's <see cref="RegionalData"/>,
/// the replica-bucket stacks and the backup vault stack. Deploy order follows from the declared dependencies:
/// replica and backup stacks, then the primary region, then the secondaries (Aurora and Global Datastore
/// secondaries join primaries that must already exist). Members exist only in <c>data.regions</c> (all regions when
/// absent); the other regions run compute only and name the data region they read from (<see cref="DataReadPlanner"/>).
/// </summary>
public sealed class DataTier
{
    public required IReadOnlyDictionary<string, RegionalData> Regions { get; init; }
    public required IReadOnlyDictionary<string, BucketReplicaStack> ReplicaStacks { get; init; }
    public BackupVaultStack? BackupStack { get; init; }

    public static DataTier Build(App app, StackConfig config, IReadOnlyDictionary<string, RegionalStack> regional)
    {
        var specs = StackLayout.For(config);
        var replicas = specs.Where(s => s.Kind == StackKind.Replica)
            .ToDictionary(s => s.Region, s => new BucketReplicaStack(app, config, s), StringComparer.Ordinal);
        var backupSpec = specs.FirstOrDefault(s => s.Kind == StackKind.Backup);
        var backup = backupSpec is not null && config.Data?.Backup is { } b ? new BackupVaultStack(app, config, backupSpec, b) : null;

        var regions = new Dictionary<string, RegionalData>(StringComparer.Ordinal);
        if (config.Data is null)
            return new DataTier { Regions = regions, ReplicaStacks = replicas, BackupStack = backup };

        var primary = config.PrimaryRegion;
        var primaryStack = regional[primary.Name];
        var primaryData = new RegionalData(primaryStack, "Data", new RegionalDataProps(config, primary, primaryStack.Network.Vpc));
        regions[primary.Name] = primaryData;
        foreach (var stack in replicas.Values) primaryStack.AddDependency(stack, "replica buckets must exist before replication is configured");
        if (backup is not null) primaryStack.AddDependency(backup, "the copy vault must exist before the backup plan copies to it");

        // Weak cross-stack references (SSM, Composition/References): AWS prefixes the configured suffix of a Global Datastore id.
        var datastoreIds = primaryData.Caches.ToDictionary(kv => kv.Key, kv => kv.Value.GlobalDatastore!.Ref, StringComparer.Ordinal);
        var members = config.Data.MemberRegions(config.Regions);
        foreach (var region in members.Where(r => r.Role != RegionRole.Primary))
        {
            var stack = regional[region.Name];
            var ids = datastoreIds.ToDictionary(kv => kv.Key, kv => CrossStackValue.Read(stack, primaryStack, config, $"global-datastore/{kv.Key}", kv.Value), StringComparer.Ordinal);
            regions[region.Name] = new RegionalData(stack, "Data", new RegionalDataProps(config, region, stack.Network.Vpc, ids));
            if (config.Data.Database is not null || datastoreIds.Count > 0)
                stack.AddDependency(primaryStack, "Aurora and Global Datastore secondaries join primaries created there");
            // The region's backup plan selects its replica buckets (by name) and copies to the backup vault.
            if (replicas.TryGetValue(region.Name, out var replicaStack) && config.Data.Backup is not null)
                stack.AddDependency(replicaStack, "the backup plan selects the replica buckets created there");
            if (backup is not null)
                stack.AddDependency(backup, "the copy vault must exist before the backup plan copies to it");
        }

        // Compute-only regions (not in data.regions) hold no members: they read from their data region's endpoints,
        // which each one names in its own outputs (read across regions like every other cross-stack value).
        foreach (var read in DataReadPlanner.Of(config))
        {
            var stack = regional[read.Region];
            var source = regions[read.DataRegion];
            var sourceStack = regional[read.DataRegion];
            new CfnOutput(stack, "DataRegion", new CfnOutputProps
            {
                Value = read.DataRegion,
                Description = $"Region whose data stores this compute-only region uses ({read.LatencyClass})",
            });
            if (source.Database is { } db)
                new CfnOutput(stack, "DataRegionDatabaseReaderEndpoint", new CfnOutputProps
                {
                    Value = CrossStackValue.Read(stack, sourceStack, config, "database-reader-endpoint", db.Cluster.AttrReadEndpointAddress),
                    Description = $"Aurora reader endpoint in {read.DataRegion}",
                });
            if (source.Database is not null || source.Caches.Count > 0)
                stack.AddDependency(sourceStack, "a compute-only region reads its data region's endpoints");
        }
        return new DataTier { Regions = regions, ReplicaStacks = replicas, BackupStack = backup };
    }
}
