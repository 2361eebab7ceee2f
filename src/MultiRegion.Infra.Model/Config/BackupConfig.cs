namespace MultiRegion.Infra.Model.Config;

/// <summary>How the copy vault is protected against deletion.</summary>
public enum VaultLockMode
{
    /// <summary>No vault lock (a deny-delete access policy is still added when data is protected).</summary>
    None,

    /// <summary>Vault Lock in governance mode: users with special IAM permissions can still remove the lock.</summary>
    Governance,

    /// <summary>Vault Lock in compliance mode: immutable once its 3-day grace period ends.</summary>
    Compliance,
}

/// <summary>
/// AWS Backup of every region's stateful resources (Aurora clusters, source and replica S3 buckets) with a copy of
/// every recovery point to a vault in another region. ElastiCache is not an AWS Backup resource: its snapshots are
/// set per cache (<c>snapshotRetentionDays</c>).
/// </summary>
/// <param name="Region">Region of the copy vault (the seed's backup region); it gets its own stack.</param>
/// <param name="RetentionDays">How long recovery points stay in the primary region's vault.</param>
/// <param name="CopyRetentionDays">How long the copies stay in the backup region's vault.</param>
/// <param name="Schedule">Backup schedule as an AWS Backup expression, e.g. <c>cron(0 5 * * ? *)</c> (UTC).</param>
/// <param name="VaultLock">Vault Lock mode of the copy vault.</param>
/// <param name="ContinuousBackup">
/// A second rule with continuous backup (point-in-time restore) for Aurora and S3, kept <c>min(RetentionDays, 35)</c>
/// days in each region (35 is AWS Backup's maximum for continuous backups). The scheduled rule's copies to
/// <see cref="Region"/> are what survive the loss of every platform region.
/// </param>
public sealed record BackupConfig(
    string Region,
    int RetentionDays,
    int CopyRetentionDays,
    string Schedule = "cron(0 5 * * ? *)",
    VaultLockMode VaultLock = VaultLockMode.None,
    bool ContinuousBackup = false)
{
    /// <summary>AWS Backup keeps continuous backups 1 to 35 days.</summary>
    public const int MaxContinuousRetentionDays = 35;
}
