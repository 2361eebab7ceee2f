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
    public AuthTokenRotation? Rotation { get; }
    public SecurityGroup SecurityGroup { get; }

    /// <summary>The cache parameters: eviction policy, cluster mode when sharded, then the config's extras.</summary>
    internal static Dictionary<string, string> ParameterValues(string evictionPolicy, int shards, IReadOnlyDictionary<string, string>? extra)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["maxmemory-policy"] = evictionPolicy };
        if (shards > 1) parameters["cluster-enabled"] = "yes";
        foreach (var (k, v) in extra ?? new Dictionary<string, string>())
            parameters[k] = v;
        return parameters;
    }

    /// <summary>A short, stable id for a parameter group's contents (family and sorted parameters).</summary>
    internal static string ContentId(string family, IReadOnlyDictionary<string, string> parameters)
    {
        var text = family + "\n" + string.Join("\n", parameters.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..8];
    }

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
            var settings = props.Settings;
            // The group the primary member is created with. Once the member joins the Global Datastore, ElastiCache
            // manages its parameters through the datastore (ModifyGlobalReplicationGroup takes the parameter group),
            // so editing this group in place would change nothing: its contents stay what the member was created
            // with, and any later change gets a new group that the Global Datastore resource points at.
            var parameterGroup = new CfnParameterGroup(this, "Parameters", new CfnParameterGroupProps
            {
                CacheParameterGroupFamily = settings.CreatedParameterGroupFamily,
                Description = $"{c.Prefix} {props.Name} cache: eviction {settings.CreatedEvictionPolicy}",
                Properties = ParameterValues(settings.CreatedEvictionPolicy, sizing.Shards, settings.CreatedParameters),
            });
            var current = ParameterValues(settings.EvictionPolicy, sizing.Shards, settings.Parameters);
            var datastoreParameters = parameterGroup;
            if (settings.ParameterGroupFamily != settings.CreatedParameterGroupFamily
                || !current.OrderBy(kv => kv.Key).SequenceEqual(ParameterValues(settings.CreatedEvictionPolicy, sizing.Shards, settings.CreatedParameters).OrderBy(kv => kv.Key)))
            {
                // Named by content: a further change makes another group, and CloudFormation deletes the previous one
                // only after the Global Datastore has moved off it.
                datastoreParameters = new CfnParameterGroup(this, $"Parameters{ContentId(settings.ParameterGroupFamily, current)}", new CfnParameterGroupProps
                {
                    CacheParameterGroupFamily = settings.ParameterGroupFamily,
                    Description = $"{c.Prefix} {props.Name} cache: eviction {settings.EvictionPolicy} (applied through the Global Datastore)",
                    Properties = current,
                });
            }

            AuthToken = new CfnSecret(this, "AuthToken", new CfnSecretProps
            {
                Name = $"{c.Prefix}/cache/{props.Name}/auth-token",
                Description = $"{c.Prefix} {props.Name} cache AUTH token (generated; rotated every {props.Settings.AuthTokenRotationDays} days)",
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

            // Create-time values: ElastiCache refuses to change node type, version or parameter group through a
            // Global Datastore member (ModifyReplicationGroup: "Cluster ... is part of a global cluster. Request
            // rejected.", https://github.com/crossplane-contrib/provider-upjet-aws/issues/1595), so they stay what
            // the member was created with (createdWith) and changes go through the Global Datastore below.
            group.Engine = props.Settings.EngineName;
            group.EngineVersion = props.Settings.CreatedEngineVersion;
            group.CacheNodeType = props.Settings.CreatedNodeType(sizing.NodeType);
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
                // The current values. CloudFormation creates a Global Datastore with CreateGlobalReplicationGroup,
                // which takes none of these (they come from the primary member, and EngineVersion here is ignored
                // at create: https://github.com/aws-cloudformation/cloudformation-coverage-roadmap/issues/1539); on
                // an update it applies them to every member with ModifyGlobalReplicationGroup
                // (https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_ModifyGlobalReplicationGroup.html).
                CacheNodeType = sizing.NodeType,
                EngineVersion = props.Settings.EngineVersion,
                CacheParameterGroupName = datastoreParameters.Ref,
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

            Rotation = new AuthTokenRotation(this, "AuthTokenRotation", new AuthTokenRotationProps(
                AuthToken, props.Key, GlobalDatastore.Ref, group.ReplicationGroupId!, props.Settings.AuthTokenRotationDays));
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
