using System.Globalization;
using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.RDS;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning;

namespace MultiRegion.Infra.Regional.Data.Database;

/// <summary>Inputs of a region's Aurora Global Database member.</summary>
/// <param name="OtherRegions">Regions the master secret is replicated to, so a promoted secondary has its credentials.</param>
public sealed record GlobalDatabaseMemberProps(
    StackConfig Config,
    RegionConfig Region,
    DatabaseConfig Settings,
    DatabaseSizing Sizing,
    DataPlacement Placement,
    IKey Key,
    IReadOnlyList<string> OtherRegions);

/// <summary>
/// A region's member of the Aurora PostgreSQL Global Database. In the primary region: the global cluster, the
/// writer cluster (writer + readers) and the generated master secret; elsewhere: a secondary cluster of readers
/// that joins the global cluster by its fixed identifier (its stack deploys after the primary's). Storage is
/// encrypted with the region's own key; clusters sit in the isolated data subnets and accept PostgreSQL only from
/// the private (workload) subnets, over TLS.
/// Managed master passwords are not supported on global clusters, so the password is generated into a Secrets
/// Manager secret and resolved by CloudFormation at deploy time (never in the template), rotated by the hosted
/// single-user rotation Lambda when the config asks.
/// </summary>
public sealed class GlobalDatabaseMember : Construct
{
    public const int Port = 5432;
    private const string Engine = "aurora-postgresql";

    public bool IsPrimary { get; }
    public CfnGlobalCluster? GlobalCluster { get; }
    public CfnDBCluster Cluster { get; }
    public IReadOnlyList<CfnDBInstance> Instances { get; }
    public CfnSecret? MasterSecret { get; }
    public SecurityGroup SecurityGroup { get; }
    public CfnDBClusterParameterGroup ClusterParameters { get; }
    public string ClusterArn { get; }

    public GlobalDatabaseMember(Construct scope, string id, GlobalDatabaseMemberProps props) : base(scope, id)
    {
        var c = props.Config;
        var db = props.Settings;
        var protect = c.ProtectData;
        IsPrimary = props.Region.Role == RegionRole.Primary;
        var stack = Stack.Of(this);

        var subnetGroup = new CfnDBSubnetGroup(this, "SubnetGroup", new CfnDBSubnetGroupProps
        {
            DbSubnetGroupDescription = $"{c.Prefix} Aurora in the isolated data subnets",
            SubnetIds = props.Placement.DataSubnetIds,
        });

        SecurityGroup = new SecurityGroup(this, "SecurityGroup", new SecurityGroupProps
        {
            Vpc = props.Placement.Vpc,
            Description = $"{c.Prefix} Aurora: PostgreSQL from the workload subnets only",
            AllowAllOutbound = false,
        });
        props.Placement.AllowFromWorkloads(SecurityGroup, Port, "PostgreSQL");

        var clusterParameters = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            // Encryption in transit: no plain connections, nothing older than TLS 1.2.
            ["rds.force_ssl"] = "1",
            ["ssl_min_protocol_version"] = "TLSv1.2",
        };
        if (db.RpoCapSeconds is { } rpo)
            clusterParameters["rds.global_db_rpo"] = rpo.ToString(CultureInfo.InvariantCulture);
        foreach (var (k, v) in db.ClusterParameters ?? new Dictionary<string, string>())
            clusterParameters[k] = v;
        ClusterParameters = new CfnDBClusterParameterGroup(this, "ClusterParameters", new CfnDBClusterParameterGroupProps
        {
            Family = db.ParameterGroupFamily,
            Description = $"{c.Prefix} Aurora cluster parameters",
            Parameters = clusterParameters,
        });
        var instanceParameters = new CfnDBParameterGroup(this, "InstanceParameters", new CfnDBParameterGroupProps
        {
            Family = db.ParameterGroupFamily,
            Description = $"{c.Prefix} Aurora instance parameters",
            Parameters = (db.InstanceParameters ?? new Dictionary<string, string>()).ToDictionary(kv => kv.Key, kv => (object)kv.Value),
        });

        var cluster = new CfnDBClusterProps
        {
            DbClusterIdentifier = DataNames.DatabaseCluster(c, props.Region.Name),
            Engine = Engine,
            EngineVersion = db.EngineVersion,
            StorageEncrypted = true,
            KmsKeyId = props.Key.KeyArn,
            DbSubnetGroupName = subnetGroup.Ref,
            VpcSecurityGroupIds = [SecurityGroup.SecurityGroupId],
            DbClusterParameterGroupName = ClusterParameters.Ref,
            BackupRetentionPeriod = db.BackupRetentionDays,
            DeletionProtection = protect,
            CopyTagsToSnapshot = true,
            EnableCloudwatchLogsExports = ["postgresql"],
            Port = Port,
            // Same on every member, so clients authenticate the same way after a failover.
            EnableIamDatabaseAuthentication = true,
        };

        if (IsPrimary)
        {
            GlobalCluster = new CfnGlobalCluster(this, "GlobalCluster", new CfnGlobalClusterProps
            {
                GlobalClusterIdentifier = DataNames.GlobalDatabase(c),
                Engine = Engine,
                EngineVersion = db.EngineVersion,
                StorageEncrypted = true,
                DeletionProtection = protect,
            });
            DataProtection.Apply(GlobalCluster, DataProtection.Removal(protect));

            MasterSecret = new CfnSecret(this, "MasterSecret", new CfnSecretProps
            {
                Name = $"{c.Prefix}/aurora/master",
                Description = $"{c.Prefix} Aurora Global Database master user (generated; rotated by Secrets Manager)",
                KmsKeyId = props.Key.KeyArn,
                GenerateSecretString = new CfnSecret.GenerateSecretStringProperty
                {
                    SecretStringTemplate = $"{{\"username\":\"{db.MasterUsername}\"}}",
                    GenerateStringKey = "password",
                    PasswordLength = 32,
                    ExcludeCharacters = "\"@/\\ '`%",
                },
                // A promoted secondary needs the credentials in its own region.
                ReplicaRegions = props.OtherRegions.Select(r => new CfnSecret.ReplicaRegionProperty { Region = r }).ToArray(),
            });
            DataProtection.Apply(MasterSecret, DataProtection.Removal(protect));

            cluster.GlobalClusterIdentifier = GlobalCluster.Ref;
            cluster.DatabaseName = db.DatabaseName;
            cluster.MasterUsername = $"{{{{resolve:secretsmanager:{MasterSecret.Ref}:SecretString:username::}}}}";
            cluster.MasterUserPassword = $"{{{{resolve:secretsmanager:{MasterSecret.Ref}:SecretString:password::}}}}";
        }
        else
        {
            // Joins by the fixed identifier; the primary's stack (a declared dependency) creates it first.
            cluster.GlobalClusterIdentifier = DataNames.GlobalDatabase(c);
            // An encrypted secondary joining from another region needs the source region: without it RDS cannot
            // presign the cross-region request and refuses with "pre-signed URL has to be specified".
            // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-rds-dbcluster.html#cfn-rds-dbcluster-sourceregion
            cluster.SourceRegion = c.PrimaryRegion.Name;
        }

        Cluster = new CfnDBCluster(this, "Cluster", cluster);
        // The primary keeps a final snapshot; a secondary holds a copy of the same storage, so it is retained instead.
        DataProtection.Apply(Cluster, IsPrimary ? DataProtection.Snapshot(protect) : DataProtection.Removal(protect));
        ClusterArn = stack.FormatArn(new ArnComponents
        {
            Service = "rds",
            Resource = "cluster",
            ResourceName = Cluster.Ref,
            ArnFormat = ArnFormat.COLON_RESOURCE_NAME,
        });

        // Primary: a writer plus the configured readers. Secondary: the configured readers (0 = headless secondary).
        // DataCapacity is also what plan.json/plan.md report.
        var count = DataCapacity.Database(props.Config, props.Region)!.Instances;
        var instances = new List<CfnDBInstance>();
        for (var i = 0; i < count; i++)
        {
            var instance = new CfnDBInstance(this, $"Instance{i + 1}", new CfnDBInstanceProps
            {
                DbClusterIdentifier = Cluster.Ref,
                DbInstanceClass = props.Sizing.InstanceClass,
                Engine = Engine,
                DbParameterGroupName = instanceParameters.Ref,
                PubliclyAccessible = false,
                // Minor versions of a global database are upgraded together, on purpose, not per instance.
                AutoMinorVersionUpgrade = false,
                PromotionTier = i,
            });
            instances.Add(instance);
        }
        Instances = instances;

        if (IsPrimary && MasterSecret is not null)
        {
            var attachment = new CfnSecretTargetAttachment(this, "MasterSecretAttachment", new CfnSecretTargetAttachmentProps
            {
                SecretId = MasterSecret.Ref,
                TargetId = Cluster.Ref,
                TargetType = "AWS::RDS::DBCluster",
            });
            if (db.PasswordRotationDays is { } days)
                AddRotation(props, attachment, days);
        }
    }

    /// <summary>Hosted rotation: Secrets Manager deploys its own PostgreSQL single-user rotation Lambda (no asset here).</summary>
    private void AddRotation(GlobalDatabaseMemberProps props, CfnSecretTargetAttachment attachment, int days)
    {
        var rotationGroup = new SecurityGroup(this, "RotationSecurityGroup", new SecurityGroupProps
        {
            Vpc = props.Placement.Vpc,
            Description = $"{props.Config.Prefix} master password rotation Lambda",
            // Reaches the database and the Secrets Manager API (through NAT).
            AllowAllOutbound = true,
        });
        SecurityGroup.AddIngressRule(rotationGroup, Amazon.CDK.AWS.EC2.Port.Tcp(Port), "PostgreSQL from the rotation Lambda");
        Stack.Of(this).AddTransform("AWS::SecretsManager-2020-07-23");
        new CfnRotationSchedule(this, "MasterSecretRotation", new CfnRotationScheduleProps
        {
            SecretId = attachment.Ref,
            HostedRotationLambda = new CfnRotationSchedule.HostedRotationLambdaProperty
            {
                RotationType = "PostgreSQLSingleUser",
                KmsKeyArn = props.Key.KeyArn,
                VpcSubnetIds = Fn.Join(",", props.Placement.WorkloadSubnetIds),
                VpcSecurityGroupIds = rotationGroup.SecurityGroupId,
                ExcludeCharacters = "\"@/\\ '`%",
            },
            RotationRules = new CfnRotationSchedule.RotationRulesProperty { AutomaticallyAfterDays = days },
        });
    }
}
