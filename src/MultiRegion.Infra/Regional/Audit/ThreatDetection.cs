using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.GuardDuty;
using Amazon.CDK.AWS.KMS;
using Constructs;
using MultiRegion.Infra.Regional.Data;

namespace MultiRegion.Infra.Regional.Audit;

/// <summary>Inputs of a region's threat detection.</summary>
/// <param name="ForwardFindings">
/// Build the EventBridge rule for high-severity findings: alert routing (<c>alerting.alarms.securityFindings</c>) adds
/// its severity topic as the target. Without it a rule would forward to nobody, so there is none (the loader warns).
/// </param>
public sealed record ThreatDetectionProps(bool ForwardFindings, bool ProtectData);

/// <summary>
/// GuardDuty in one region (detectors are regional) and the route of its serious findings: an EventBridge rule on
/// <c>GuardDuty Finding</c> events of severity 7 or more (High and Critical), whose target is the severity topic of
/// <c>alerting.alarms.securityFindings</c> (added by <c>Alerting/PlatformAlerting</c>), so security incidents reach
/// whoever that severity routes to (the seed's P0: PagerDuty, Slack and email). GuardDuty sends findings to
/// EventBridge directly (https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-guardduty.html).
/// <para>
/// Until issue #10 the findings also had a topic of their own mailed to <c>security.p0Email</c>; that key is now
/// refused at load (<c>RetiredSettings</c>) and the topic is gone. Its KMS key (<c>TopicKey</c>) stays, encrypting
/// nothing: keys are in the stateful logical-id lock, and dropping one is a deliberate lock update (see README,
/// "Known limitations").
/// </para>
/// </summary>
public sealed class ThreatDetection : Construct
{
    /// <summary>GuardDuty severities: 7.0-8.9 High, 9.0-10.0 Critical (https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings-severity.html).</summary>
    public const int P0MinimumSeverity = 7;

    public CfnDetector Detector { get; }

    /// <summary>The EventBridge rule that forwards high-severity findings; alert routing adds its severity topic. Null without routing.</summary>
    public Rule? FindingsRule { get; }

    public ThreatDetection(Construct scope, string id, ThreatDetectionProps props) : base(scope, id)
    {
        Detector = new CfnDetector(this, "Detector", new CfnDetectorProps
        {
            Enable = true,
            FindingPublishingFrequency = "FIFTEEN_MINUTES",
            // Protection plans for what this platform runs: S3 object activity of the data buckets, the EKS audit
            // log, Aurora logins (https://docs.aws.amazon.com/guardduty/latest/APIReference/API_DetectorFeatureConfiguration.html).
            // Each is billed by volume; runtime monitoring (an agent on the nodes) is left to a decision of its own.
            Features = new[] { "S3_DATA_EVENTS", "EKS_AUDIT_LOGS", "RDS_LOGIN_EVENTS" }
                .Select(name => (object)new CfnDetector.CFNFeatureConfigurationProperty { Name = name, Status = "ENABLED" })
                .ToArray(),
        });

        // Retired with the findings topic it encrypted; kept under its logical id (stateful lock). Same settings as before.
        new Key(this, "TopicKey", new KeyProps
        {
            Description = "retired: encrypted the former GuardDuty findings topic (findings now go to the alert severity topics)",
            EnableKeyRotation = true,
            RemovalPolicy = DataProtection.Removal(props.ProtectData),
            PendingWindow = Duration.Days(30),
        });

        if (!props.ForwardFindings) return;
        FindingsRule = new Rule(this, "P0Findings", new RuleProps
        {
            Description = $"GuardDuty findings of severity {P0MinimumSeverity}+ to the securityFindings severity topic",
            EventPattern = new EventPattern
            {
                Source = ["aws.guardduty"],
                DetailType = ["GuardDuty Finding"],
                Detail = new Dictionary<string, object>
                {
                    ["severity"] = new object[] { new Dictionary<string, object> { ["numeric"] = new object[] { ">=", P0MinimumSeverity } } },
                },
            },
        });
    }
}
