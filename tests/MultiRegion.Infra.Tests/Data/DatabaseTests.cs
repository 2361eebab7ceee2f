using System.Text.Json;
using Amazon.CDK.Assertions;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Data;

public sealed class DatabaseTests
{
    private static readonly SynthesizedPlatform Prod = SynthesizedPlatform.Shipped("prod");

    private static Dictionary<string, object> Props(params (string Key, object Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value);

    [Fact]
    public void The_global_cluster_lives_in_the_primary_region_encrypted_and_protected()
    {
        Prod.Regional("us-west-2").HasResourceProperties("AWS::RDS::GlobalCluster", Props(
            ("GlobalClusterIdentifier", "mlops-prod-global-db"),
            ("Engine", "aurora-postgresql"),
            ("StorageEncrypted", true),
            ("DeletionProtection", true)));
        Prod.Regional("us-east-1").ResourceCountIs("AWS::RDS::GlobalCluster", 0);
        Prod.Regional("eu-west-1").ResourceCountIs("AWS::RDS::GlobalCluster", 0);
    }

    [Theory]
    [InlineData("us-west-2", "db.r5.4xlarge", 3)]
    [InlineData("us-east-1", "db.r5.2xlarge", 2)]
    [InlineData("eu-west-1", "db.r5.xlarge", 2)]
    public void Every_region_has_a_member_cluster_with_its_sizing(string region, string instanceClass, int instances)
    {
        var t = Prod.Regional(region);
        t.HasResourceProperties("AWS::RDS::DBCluster", Props(
            ("DBClusterIdentifier", $"mlops-prod-db-{region}"),
            ("BackupRetentionPeriod", 30),
            ("StorageEncrypted", true),
            ("DeletionProtection", true),
            // Each region's own key, never another region's.
            ("KmsKeyId", Props(("Fn::GetAtt", Match.ArrayWith(new object[] { Match.StringLikeRegexp("^DataKey") }))))));
        t.ResourcePropertiesCountIs("AWS::RDS::DBInstance", Props(("DBInstanceClass", instanceClass), ("PubliclyAccessible", false)), instances);
        t.ResourceCountIs("AWS::RDS::DBInstance", instances);
    }

    [Fact]
    public void Secondaries_join_the_global_cluster_and_deploy_after_the_primary()
    {
        foreach (var region in new[] { "us-east-1", "eu-west-1" })
        {
            Prod.Regional(region).HasResourceProperties("AWS::RDS::DBCluster", Props(("GlobalClusterIdentifier", "mlops-prod-global-db")));
            Assert.Contains(Prod.Platform.Regional["us-west-2"], Prod.Platform.Regional[region].Dependencies);
        }
    }

    [Fact]
    public void Encrypted_secondaries_name_the_primary_region_as_their_source_and_the_primary_does_not()
    {
        foreach (var region in new[] { "us-east-1", "eu-west-1" })
            Prod.Regional(region).HasResourceProperties("AWS::RDS::DBCluster", Props(
                ("StorageEncrypted", true), ("SourceRegion", "us-west-2")));
        var dev = SynthesizedPlatform.Shipped("dev");
        dev.Regional("us-east-1").HasResourceProperties("AWS::RDS::DBCluster", Props(("SourceRegion", "us-west-2")));
        Prod.Regional("us-west-2").ResourcePropertiesCountIs("AWS::RDS::DBCluster", Props(("SourceRegion", Match.AnyValue())), 0);
    }

    [Fact]
    public void Master_credentials_are_generated_in_secrets_manager_and_never_in_the_template()
    {
        var t = Prod.Regional("us-west-2");
        t.HasResourceProperties("AWS::SecretsManager::Secret", Props(
            ("GenerateSecretString", Match.ObjectLike(Props(("GenerateStringKey", "password")))),
            ("KmsKeyId", Match.AnyValue()),
            ("ReplicaRegions", Match.ArrayWith(new object[] { Props(("Region", "us-east-1")), Props(("Region", "eu-west-1")) }))));
        var cluster = TemplateJson.Of(Prod, Prod.Platform.Regional["us-west-2"]).OfType("AWS::RDS::DBCluster").Single().Resource;
        var password = TemplateJson.Prop(cluster, "MasterUserPassword")!.Value;
        Assert.Equal(JsonValueKind.Object, password.ValueKind); // a Fn::Join around a dynamic reference, not a literal
        Assert.Contains("{{resolve:secretsmanager:", password.GetRawText());
        Assert.Null(TemplateJson.Prop(cluster, "ManageMasterUserPassword")); // unsupported on global clusters
        t.HasResourceProperties("AWS::SecretsManager::RotationSchedule", Props(
            ("HostedRotationLambda", Match.ObjectLike(Props(("RotationType", "PostgreSQLSingleUser")))),
            ("RotationRules", Props(("AutomaticallyAfterDays", 30)))));
    }

    [Fact]
    public void Parameter_groups_force_tls_and_cap_rpo_from_config()
    {
        Prod.Regional("us-west-2").HasResourceProperties("AWS::RDS::DBClusterParameterGroup", Props(
            ("Family", "aurora-postgresql16"),
            ("Parameters", Match.ObjectLike(Props(("rds.force_ssl", "1"), ("rds.global_db_rpo", "20"))))));
        SynthesizedPlatform.Shipped("dev").Regional("us-west-2").HasResourceProperties("AWS::RDS::DBClusterParameterGroup", Props(
            ("Parameters", Match.Not(Match.ObjectLike(Props(("rds.global_db_rpo", Match.AnyValue())))))));
    }

    [Fact]
    public void The_database_accepts_postgres_only_from_workload_subnets()
    {
        Prod.Regional("us-east-1").HasResourceProperties("AWS::EC2::SecurityGroup", Props(
            ("GroupDescription", Match.StringLikeRegexp("Aurora")),
            ("SecurityGroupIngress", Match.ArrayWith(new object[] { Match.ObjectLike(Props(("FromPort", 5432), ("ToPort", 5432), ("CidrIp", Match.StringLikeRegexp("^10\\.20\\.")))) }))));
    }

    [Fact]
    public void Videochat_has_no_database()
    {
        var video = SynthesizedPlatform.Shipped("videochat");
        foreach (var region in video.Platform.Regional.Keys)
            video.Regional(region).ResourceCountIs("AWS::RDS::DBCluster", 0);
    }
}
