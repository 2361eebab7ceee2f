using Constructs;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning;

namespace MultiRegion.Infra.Regional.Audit;

/// <summary>Inputs of a region's audit constructs.</summary>
public sealed record RegionalAuditProps(StackConfig Config, RegionConfig Region);

/// <summary>
/// What a region records for an auditor (config <c>security:</c>): the regional access-log bucket (ALB logs),
/// in the primary region the account's multi-region trail, and GuardDuty with its P0 route when enabled.
/// Construct ids hold stateful resources (buckets, keys) and are in the stateful lock: do not rename them.
/// </summary>
public sealed class RegionalAudit : Construct
{
    /// <summary>The regional access-log bucket; null when <c>security.accessLogs</c> is off.</summary>
    public LogBucket? Logs { get; }
    public AuditTrail? Trail { get; }
    public ThreatDetection? ThreatDetection { get; }

    public RegionalAudit(Construct scope, string id, RegionalAuditProps props) : base(scope, id)
    {
        var c = props.Config;
        var s = c.SecuritySettings;
        var isPrimary = props.Region.Role == RegionRole.Primary;

        // The trail bucket's own access logs need the log bucket even when ALB logs are off.
        if (s.AccessLogs || (isPrimary && s.CloudTrail))
            Logs = new LogBucket(this, "Logs", s.AccessLogRetentionDays, c.ProtectData);
        if (isPrimary && s.CloudTrail)
            Trail = new AuditTrail(this, "Trail", new AuditTrailProps(
                AuditNames.Trail(c), AuditNames.TrailKeyAlias(c), AuditNames.DataEventBuckets(c),
                s.AuditLogRetentionDays, Logs!, c.ProtectData));
        if (s.GuardDuty)
            ThreatDetection = new ThreatDetection(this, "ThreatDetection",
                new ThreatDetectionProps(c.Alerting?.AlarmSettings.SecurityFindings is not null, c.ProtectData));
    }
}
