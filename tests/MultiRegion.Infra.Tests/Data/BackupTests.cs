using Amazon.CDK.Assertions;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Data;

public sealed class BackupTests
{
    private static readonly SynthesizedPlatform Prod = SynthesizedPlatform.Shipped("prod");

    private static Dictionary<string, object> Props(params (string Key, object Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value);

    [Fact]
    public void The_copy_vault_has_its_own_stack_in_us_east_2_with_lock_and_deny_delete()
    {
        var stack = Prod.Platform.Data.BackupStack!;
        Assert.Equal(("mlops-prod-backup", "us-east-2"), (stack.StackName, stack.Region));
        var t = Prod.TemplateOf(stack);
        t.HasResourceProperties("AWS::Backup::BackupVault", Props(
            ("BackupVaultName", "mlops-prod-backup-copies"),
            ("EncryptionKeyArn", Match.AnyValue()),
            ("LockConfiguration", Props(("MinRetentionDays", 90))),
            ("AccessPolicy", Match.ObjectLike(Props(("Statement", Match.ArrayWith(new object[]
            {
                Match.ObjectLike(Props(("Effect", "Deny"), ("Action", Match.ArrayWith(new object[] { "backup:DeleteRecoveryPoint" })))),
            })))))));
        Assert.Contains(stack, Prod.Platform.Regional["us-west-2"].Dependencies);
    }

    [Fact]
    public void The_plan_copies_to_us_east_2_and_keeps_copies_90_days()
    {
        Prod.Regional("us-west-2").HasResourceProperties("AWS::Backup::BackupPlan", Props(("BackupPlan", Match.ObjectLike(Props(
            ("BackupPlanRule", Match.ArrayWith(new object[]
            {
                Match.ObjectLike(Props(
                    ("Lifecycle", Props(("DeleteAfterDays", 30))),
                    ("CopyActions", new object[]
                    {
                        Props(
                            ("DestinationBackupVaultArn", Props(("Fn::Join", new object[] { "", Match.ArrayWith(new object[] { ":backup:us-east-2:111111111111:backup-vault:mlops-prod-backup-copies" }) }))),
                            ("Lifecycle", Props(("DeleteAfterDays", 90)))),
                    }))),
            })))))));
    }

    [Fact]
    public void The_selection_covers_the_database_and_every_source_bucket()
    {
        var selection = TemplateJson.Of(Prod, Prod.Platform.Regional["us-west-2"]).OfType("AWS::Backup::BackupSelection").Single().Resource;
        var resources = TemplateJson.Prop(selection, "BackupSelection")!.Value.GetProperty("Resources");
        Assert.Equal(4, resources.GetArrayLength());
        var text = resources.GetRawText();
        Assert.Contains(":cluster:", text);
        foreach (var bucket in new[] { "data", "models", "artifacts" })
            Assert.Contains($"mlops-prod-{bucket}-us-west-2-111111111111", text);
    }

    [Fact]
    public void Secondary_regions_back_up_their_own_aurora_member_and_replica_buckets()
    {
        var selection = TemplateJson.Of(Prod, Prod.Platform.Regional["eu-west-1"]).OfType("AWS::Backup::BackupSelection").Single().Resource;
        var text = TemplateJson.Prop(selection, "BackupSelection")!.Value.GetProperty("Resources").GetRawText();
        Assert.Contains(":cluster:", text);
        // eu-west-1 holds replicas of data and models, not of artifacts (seed: "no replication to eu-west-1").
        Assert.Contains("mlops-prod-data-eu-west-1-111111111111", text);
        Assert.Contains("mlops-prod-models-eu-west-1-111111111111", text);
        Assert.DoesNotContain("artifacts", text);
        Assert.Contains(Prod.Platform.Data.ReplicaStacks["eu-west-1"], Prod.Platform.Regional["eu-west-1"].Dependencies);
    }

    [Fact]
    public void Every_region_runs_hourly_backups_and_continuous_point_in_time_backups_kept_at_most_35_days()
    {
        foreach (var region in new[] { "us-west-2", "us-east-1", "eu-west-1" })
            Prod.Regional(region).HasResourceProperties("AWS::Backup::BackupPlan", Props(("BackupPlan", Match.ObjectLike(Props(
                ("BackupPlanRule", Match.ArrayWith(new object[]
                {
                    Match.ObjectLike(Props(("RuleName", "scheduled-with-cross-region-copy"), ("ScheduleExpression", "cron(0 * ? * * *)"))),
                    Match.ObjectLike(Props(("EnableContinuousBackup", true), ("Lifecycle", Props(("DeleteAfterDays", 30))))),
                })))))));
    }
}
