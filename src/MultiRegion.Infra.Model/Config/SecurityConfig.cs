namespace MultiRegion.Infra.Model.Config;

/// <summary>Audit and threat detection of a stack config (issue #12). Every setting has a safe default.</summary>
/// <param name="CloudTrail">
/// A multi-region CloudTrail trail in the primary region's stack: management events of every region plus S3 data
/// events of the data-tier buckets, to a KMS-encrypted, versioned, access-logged bucket with log file validation.
/// Turn off only when an organization trail already covers the account.
/// </param>
/// <param name="AuditLogRetentionDays">
/// How long trail log files are kept; with <c>protectData</c> they are also under S3 Object Lock (governance) for
/// this long. 365 days is the usual audit expectation (PCI DSS v4 requirement 10.5.1: 12 months of audit log history).
/// </param>
/// <param name="AccessLogs">ALB access logs (and the trail bucket's server access logs) to a regional log bucket.</param>
/// <param name="AccessLogRetentionDays">How long the regional log bucket keeps ALB and S3 access logs.</param>
/// <param name="GuardDuty">
/// A GuardDuty detector per region with High and Critical findings routed by EventBridge to the severity topic of
/// <c>alerting.alarms.securityFindings</c> (the retired <c>security.p0Email</c> is refused at load, see <c>RetiredSettings</c>). Leave off
/// when GuardDuty is already enabled in the account (an organization's delegated administrator does that): a
/// region has one detector, and creating a second fails.
/// </param>
public sealed record SecurityConfig(
    bool CloudTrail = true,
    int AuditLogRetentionDays = 365,
    bool AccessLogs = true,
    int AccessLogRetentionDays = 90,
    bool GuardDuty = false);
