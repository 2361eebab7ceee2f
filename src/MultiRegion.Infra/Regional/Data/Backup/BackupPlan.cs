using Amazon.CDK;
using Amazon.CDK.AWS.Backup;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Constructs;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning;
using MultiRegion.Infra.Composition;

namespace MultiRegion.Infra.Regional.Data.Backup;

/// <summary>Inputs of a region's backup plan.</summary>
/// <param name="ResourceArns">ARNs of the region's stateful resources to back up (Aurora cluster, source or replica buckets).</param>
public sealed record BackupPlanProps(StackConfig Config, BackupConfig Settings, IKey Key, IReadOnlyList<string> ResourceArns);

/// <summary>
/// AWS Backup of a region's stores (every region has one, so backups keep running wherever the writer moves): a
/// local vault, a scheduled rule (hourly at best) with a copy of every recovery point to the backup region's vault
/// (its own stack, deployed first) kept there for the configured days, and, when <c>continuousBackup</c> is set, a
/// continuous rule (point-in-time restore for Aurora and S3, at most 35 days:
/// https://docs.aws.amazon.com/aws-backup/latest/devguide/point-in-time-recovery-retention-period.html). Copies survive
/// the loss of every platform region (replication also replicates mistakes; backups do not). The global-outage RPO
/// is the schedule's interval (plan.md, Disaster recovery).
/// </summary>
public sealed class BackupPlan : Construct
{
    public CfnBackupVault Vault { get; }
    public CfnBackupPlan Plan { get; }
    public string CopyVaultArn { get; }

    /// <summary>The scheduled rule, plus the continuous (point-in-time) rule when the config asks for it.</summary>
    private static object[] Rules(BackupConfig settings, string vault, CfnBackupPlan.BackupRuleResourceTypeProperty scheduled) =>
        !settings.ContinuousBackup
            ? [scheduled]
            :
            [
                scheduled,
                new CfnBackupPlan.BackupRuleResourceTypeProperty
                {
                    RuleName = "continuous-point-in-time",
                    TargetBackupVault = vault,
                    EnableContinuousBackup = true,
                    ScheduleExpression = settings.Schedule,
                    StartWindowMinutes = 60,
                    CompletionWindowMinutes = 24 * 60,
                    Lifecycle = new CfnBackupPlan.LifecycleResourceTypeProperty
                    {
                        DeleteAfterDays = Math.Min(settings.RetentionDays, BackupConfig.MaxContinuousRetentionDays),
                    },
                },
            ];

    public BackupPlan(Construct scope, string id, BackupPlanProps props) : base(scope, id)
    {
        var c = props.Config;
        var stack = Stack.Of(this);
        Vault = new CfnBackupVault(this, "Vault", new CfnBackupVaultProps
        {
            BackupVaultName = DataNames.PrimaryVault(c),
            EncryptionKeyArn = props.Key.KeyArn,
        });
        DataProtection.Apply(Vault, DataProtection.Removal(c.ProtectData));

        CopyVaultArn = $"arn:{Aws.PARTITION}:backup:{props.Settings.Region}:{stack.Account}:backup-vault:{DataNames.CopyVault(c)}";
        Plan = new CfnBackupPlan(this, "Plan", new CfnBackupPlanProps
        {
            BackupPlan = new CfnBackupPlan.BackupPlanResourceTypeProperty
            {
                BackupPlanName = $"{c.Prefix}-data",
                BackupPlanRule = Rules(props.Settings, Vault.Ref,
                    new CfnBackupPlan.BackupRuleResourceTypeProperty
                    {
                        RuleName = "scheduled-with-cross-region-copy",
                        TargetBackupVault = Vault.Ref,
                        ScheduleExpression = props.Settings.Schedule,
                        StartWindowMinutes = 60,
                        CompletionWindowMinutes = 24 * 60,
                        Lifecycle = new CfnBackupPlan.LifecycleResourceTypeProperty { DeleteAfterDays = props.Settings.RetentionDays },
                        CopyActions = new object[]
                        {
                            new CfnBackupPlan.CopyActionResourceTypeProperty
                            {
                                DestinationBackupVaultArn = CopyVaultArn,
                                Lifecycle = new CfnBackupPlan.LifecycleResourceTypeProperty { DeleteAfterDays = props.Settings.CopyRetentionDays },
                            },
                        },
                    }),
            },
        });

        var role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("backup.amazonaws.com"),
            Description = $"AWS Backup of {c.Prefix} data stores",
            ManagedPolicies =
            [
                ManagedPolicy.FromAwsManagedPolicyName("service-role/AWSBackupServiceRolePolicyForBackup"),
                ManagedPolicy.FromAwsManagedPolicyName("AWSBackupServiceRolePolicyForS3Backup"),
            ],
        });
        // The stores are encrypted with the region's data key; Backup reads through it and re-encrypts copies.
        props.Key.Grant(role, "kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey", "kms:CreateGrant");
        // The copy vault's key lives in the backup region's stack: found by its alias, not by a cross-region reference.
        role.AddToPolicy(IamStatement.Allow(
            ["kms:Encrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey", "kms:CreateGrant"],
            [$"arn:{Aws.PARTITION}:kms:{props.Settings.Region}:{stack.Account}:key/*"],
            conditions: new Dictionary<string, object>
            {
                ["ForAnyValue:StringEquals"] = new Dictionary<string, object> { ["kms:ResourceAliases"] = DataNames.BackupKeyAlias(c) },
            }));

        new CfnBackupSelection(this, "Selection", new CfnBackupSelectionProps
        {
            BackupPlanId = Plan.Ref,
            BackupSelection = new CfnBackupSelection.BackupSelectionResourceTypeProperty
            {
                SelectionName = $"{c.Prefix}-stateful",
                IamRoleArn = role.RoleArn,
                Resources = props.ResourceArns.ToArray(),
            },
        });
    }
}
