using Amazon.CDK;
using Amazon.CDK.AWS.Backup;
using Amazon.CDK.AWS.IAM;
using Constructs;
using MultiRegion.Infra.Composition;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning;
using MultiRegion.Infra.Regional.Data;

namespace MultiRegion.Infra.Stacks;

/// <summary>
/// The backup region's copy vault (the seed's us-east-2), in its own stack so it shares no fate with any serving
/// region. Encrypted with its own key. With protected data it refuses deletes of recovery points and of itself
/// (access policy) and carries a Vault Lock whose minimum retention equals the copy retention, so copies cannot
/// be removed early even by an administrator (compliance mode) or without a special permission (governance).
/// </summary>
public sealed class BackupVaultStack : Stack
{
    public CfnBackupVault Vault { get; }
    public DataKey Key { get; }

    public BackupVaultStack(Construct scope, StackConfig config, StackSpec spec, BackupConfig backup)
        : base(scope, spec.Name, PlatformStackProps.For(config, spec, $"backup copy vault in {spec.Region}"))
    {
        PlatformStackProps.Tag(this, config, spec);
        Key = new DataKey(this, "VaultKey", DataNames.BackupKeyAlias(config), $"{config.Prefix} backup copies", config.ProtectData);

        var name = DataNames.CopyVault(config);
        Vault = new CfnBackupVault(this, "CopyVault", new CfnBackupVaultProps
        {
            BackupVaultName = name,
            EncryptionKeyArn = Key.Key.KeyArn,
        });
        if (config.ProtectData)
        {
            var policy = new PolicyDocument();
            policy.AddStatements(IamStatement.Deny(
                ["backup:DeleteRecoveryPoint", "backup:UpdateRecoveryPointLifecycle", "backup:DeleteBackupVault", "backup:DeleteBackupVaultLockConfiguration"],
                ["*"],
                sid: "DenyDeletingCopies",
                principal: IamPrincipal.Anyone));
            Vault.AccessPolicy = policy;
        }
        if (backup.VaultLock != VaultLockMode.None)
            Vault.LockConfiguration = new CfnBackupVault.LockConfigurationTypeProperty
            {
                MinRetentionDays = backup.CopyRetentionDays,
                // Compliance mode: the lock becomes immutable after this grace period.
                ChangeableForDays = backup.VaultLock == VaultLockMode.Compliance ? 3 : null,
            };
        DataProtection.Apply(Vault, DataProtection.Removal(config.ProtectData));
    }
}
