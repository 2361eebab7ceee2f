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
/// AWS Backup of the primary region's stateful resources (Aurora cluster, S3 buckets) with a copy of every
/// recovery point to a vault in another region. ElastiCache is not an AWS Backup resource: its snapshots are
/// set per cache (<c>snapshotRetentionDays</c>).
/// </summary>
/// <param name="Region">Region of the copy vault (the seed's backup region); it gets its own stack.</param>
/// <param name="RetentionDays">How long recovery points stay in the primary region's vault.</param>
/// <param name="CopyRetentionDays">How long the copies stay in the backup region's vault.</param>
/// <param name="Schedule">Backup schedule as an AWS Backup expression, e.g. <c>cron(0 5 * * ? *)</c> (UTC).</param>
/// <param name="VaultLock">Vault Lock mode of the copy vault.</param>
public sealed record BackupConfig(
    string Region,
    int RetentionDays,
    int CopyRetentionDays,
    string Schedule = "cron(0 5 * * ? *)",
    VaultLockMode VaultLock = VaultLockMode.None);
