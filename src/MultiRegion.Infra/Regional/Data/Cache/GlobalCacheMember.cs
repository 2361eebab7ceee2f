using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ElastiCache;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning;

namespace MultiRegion.Infra.Regional.Data.Cache;

/// <summary>Inputs of a region's member of one Global Datastore.</summary>
/// <param name="Name">The cache's name in the config (e.g. <c>models</c>).</param>
/// <param name="GlobalDatastoreId">
/// For a secondary: the Global Datastore's id as AWS reports it (AWS prefixes the configured suffix), so it is
/// passed as a cross-region reference from the primary's stack. Null in the primary region.
/// </param>
/// <param name="OtherRegions">Regions the AUTH token secret is replicated to, so clients there can read it.</param>
public sealed record GlobalCacheMemberProps(
    StackConfig Config,
    RegionConfig Region,
    string Name,
    CacheConfig Settings,
    CacheSizing Sizing,
    DataPlacement Placement,
    IKey Key,
    string? GlobalDatastoreId,
    IReadOnlyList<string> OtherRegions);

/// <summary>
/// A region's member of an ElastiCache Global Datastore. The primary region creates the replication group with
/// engine, version, node type, parameter group (eviction policy), encryption at rest and in transit and the AUTH
/// token, plus the Global Datastore around it; a secondary joins by the Global Datastore's id and inherits those
/// settings from it (AWS requires them to be identical). Every member is Multi-AZ with automatic failover inside
/// its region. Replication across regions is one way, primary to secondaries, asynchronous; promoting a secondary
/// is an operator (or automation) call, never automatic.
/// </summary>
public sealed class GlobalCacheMember : Construct
{
    public const int Port = 6379;

    public bool IsPrimary { get; }
    public CfnReplicationGroup ReplicationGroup { get; }
    public CfnGlobalReplicationGroup? GlobalDatastore { get; }
    public CfnSecret? AuthToken { get; }
    public SecurityGroup SecurityGroup { get; }

    public GlobalCacheMember(Construct scope, string id, GlobalCacheMemberProps props) : base(scope, id)
    {
        var c = props.Config;
        var protect = c.ProtectData;
        IsPrimary = props.Region.Role == RegionRole.Primary;
        var sizing = props.Sizing;

        var subnetGroup = new CfnSubnetGroup(this, "SubnetGroup", new CfnSubnetGroupProps
        {
            Description = $"{c.Prefix} {props.Name} cache in the isolated data subnets",
            SubnetIds = props.Placement.DataSubnetIds,
        });
        SecurityGroup = new SecurityGroup(this, "SecurityGroup", new SecurityGroupProps
        {
            Vpc = props.Placement.Vpc,
            Description = $"{c.Prefix} {props.Name} cache: Redis protocol from the workload subnets only",
            AllowAllOutbound = false,
        });
        props.Placement.AllowFromWorkloads(SecurityGroup, Port, "Redis");

        var group = new CfnReplicationGroupProps
        {
            ReplicationGroupId = DataNames.ReplicationGroup(c, props.Name),
            ReplicationGroupDescription = $"{c.Prefix} {props.Name} cache ({props.Region.RoleName} member of the Global Datastore)",
            CacheSubnetGroupName = subnetGroup.Ref,
            SecurityGroupIds = [SecurityGroup.SecurityGroupId],
            MultiAzEnabled = true,
            AutomaticFailoverEnabled = true,
            // Each member may encrypt with its own region's key.
            KmsKeyId = props.Key.KeyArn,
            Port = Port,
        };
        // DataCapacity is also what plan.json/plan.md report.
        var capacity = DataCapacity.Cache(c, props.Region)!;
        if (capacity.Shards == 1)
            group.NumCacheClusters = capacity.ReplicasPerShard + 1; // cluster mode disabled: one primary node + replicas
        else
            group.ReplicasPerNodeGroup = capacity.ReplicasPerShard; // the shard count is the Global Datastore's

        if (IsPrimary)
        {
            var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["maxmemory-policy"] = props.Settings.EvictionPolicy };
            if (sizing.Shards > 1) parameters["cluster-enabled"] = "yes";
            foreach (var (k, v) in props.Settings.Parameters ?? new Dictionary<string, string>())
                parameters[k] = v;
            var parameterGroup = new CfnParameterGroup(this, "Parameters", new CfnParameterGroupProps
            {
                CacheParameterGroupFamily = props.Settings.ParameterGroupFamily,
                Description = $"{c.Prefix} {props.Name} cache: eviction {props.Settings.EvictionPolicy}",
                Properties = parameters,
            });

            AuthToken = new CfnSecret(this, "AuthToken", new CfnSecretProps
            {
                Name = $"{c.Prefix}/cache/{props.Name}/auth-token",
                Description = $"{c.Prefix} {props.Name} cache AUTH token (generated)",
                KmsKeyId = props.Key.KeyArn,
                GenerateSecretString = new CfnSecret.GenerateSecretStringProperty
                {
                    SecretStringTemplate = "{}",
                    GenerateStringKey = "token",
                    // AUTH tokens are 16-128 printable characters; letters and digits avoid the forbidden ones.
                    PasswordLength = 64,
                    ExcludePunctuation = true,
                },
                ReplicaRegions = props.OtherRegions.Select(r => new CfnSecret.ReplicaRegionProperty { Region = r }).ToArray(),
            });
            DataProtection.Apply(AuthToken, DataProtection.Removal(protect));

            group.Engine = props.Settings.EngineName;
            group.EngineVersion = props.Settings.EngineVersion;
            group.CacheNodeType = sizing.NodeType;
            group.CacheParameterGroupName = parameterGroup.Ref;
            group.AtRestEncryptionEnabled = true;
            group.TransitEncryptionEnabled = true;
            group.AuthToken = $"{{{{resolve:secretsmanager:{AuthToken.Ref}:SecretString:token::}}}}";
            group.SnapshotRetentionLimit = props.Settings.SnapshotRetentionDays;
            if (sizing.Shards > 1) group.NumNodeGroups = sizing.Shards;

            ReplicationGroup = new CfnReplicationGroup(this, "ReplicationGroup", group);
            DataProtection.Apply(ReplicationGroup, props.Settings.SnapshotRetentionDays > 0 ? DataProtection.Snapshot(protect) : DataProtection.Removal(protect));

            GlobalDatastore = new CfnGlobalReplicationGroup(this, "GlobalDatastore", new CfnGlobalReplicationGroupProps
            {
                GlobalReplicationGroupIdSuffix = DataNames.GlobalDatastoreSuffix(c, props.Name),
                GlobalReplicationGroupDescription = $"{c.Prefix} {props.Name} cache across {string.Join(", ", c.Regions.Select(r => r.Name))}",
                AutomaticFailoverEnabled = true,
                CacheNodeType = sizing.NodeType,
                EngineVersion = props.Settings.EngineVersion,
                CacheParameterGroupName = parameterGroup.Ref,
                Members = new object[]
                {
                    new CfnGlobalReplicationGroup.GlobalReplicationGroupMemberProperty
                    {
                        ReplicationGroupId = ReplicationGroup.Ref,
                        ReplicationGroupRegion = props.Region.Name,
                        Role = "PRIMARY",
                    },
                },
            });
            DataProtection.Apply(GlobalDatastore, DataProtection.Removal(protect));
        }
        else
        {
            group.GlobalReplicationGroupId = props.GlobalDatastoreId
                ?? throw new ArgumentException($"secondary cache member {props.Name} in {props.Region.Name} needs the Global Datastore id", nameof(props));
            ReplicationGroup = new CfnReplicationGroup(this, "ReplicationGroup", group);
            DataProtection.Apply(ReplicationGroup, DataProtection.Removal(protect));
        }
    }
}
