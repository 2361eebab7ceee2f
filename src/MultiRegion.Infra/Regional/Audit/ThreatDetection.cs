using Amazon.CDK;
using Amazon.CDK.AWS.Events;
using Amazon.CDK.AWS.Events.Targets;
using Amazon.CDK.AWS.GuardDuty;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SNS.Subscriptions;
using Constructs;
using MultiRegion.Infra.Regional.Data;

namespace MultiRegion.Infra.Regional.Audit;

/// <summary>Inputs of a region's threat detection.</summary>
/// <param name="P0Email">Who is mailed P0 findings until alert routing exists; none means no subscriber.</param>
public sealed record ThreatDetectionProps(string TopicName, string? P0Email, bool ProtectData);

/// <summary>
/// GuardDuty in one region (detectors are regional) and the route of its serious findings:
/// an EventBridge rule on <c>GuardDuty Finding</c> events of severity 7 or more (High and Critical) to an encrypted
/// SNS topic. GuardDuty sends findings to EventBridge directly
/// (https://docs.aws.amazon.com/eventbridge/latest/ref/events-ref-guardduty.html).
/// <para>
/// A direct mail channel for the MLOps seed's P0 "security incidents" (<c>security.p0Email</c>). Alert routing
/// (<c>Alerting/PlatformAlerting</c>) adds the configured severity's topic to <see cref="FindingsRule"/> when
/// <c>alerting.alarms.securityFindings</c> is set, so findings also reach PagerDuty and Slack.
/// </para>
/// The topic key is customer-managed because EventBridge must be allowed to use it, which the AWS-managed SNS key's
/// policy does not allow (https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html).
/// </summary>
public sealed class ThreatDetection : Construct
{
    /// <summary>GuardDuty severities: 7.0-8.9 High, 9.0-10.0 Critical (https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_findings-severity.html).</summary>
    public const int P0MinimumSeverity = 7;

    public CfnDetector Detector { get; }
    public Topic P0Topic { get; }

    /// <summary>The EventBridge rule that forwards high-severity findings; alert routing adds its severity topic.</summary>
    public Rule FindingsRule { get; }

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

        var key = new Key(this, "TopicKey", new KeyProps
        {
            Description = $"{props.TopicName}: P0 security findings",
            EnableKeyRotation = true,
            RemovalPolicy = DataProtection.Removal(props.ProtectData),
            PendingWindow = Duration.Days(30),
        });
        key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "EventBridgePublishesToEncryptedTopic",
            Principals = [new ServicePrincipal("events.amazonaws.com")],
            Actions = ["kms:GenerateDataKey*", "kms:Decrypt"],
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Stack.Of(this).Account },
            },
        }));

        P0Topic = new Topic(this, "P0Topic", new TopicProps
        {
            TopicName = props.TopicName,
            DisplayName = "P0 security findings (GuardDuty high and critical)",
            MasterKey = key,
            EnforceSSL = true,
        });
        if (props.P0Email is { } email)
            P0Topic.AddSubscription(new EmailSubscription(email));

        FindingsRule = new Rule(this, "P0Findings", new RuleProps
        {
            Description = $"GuardDuty findings of severity {P0MinimumSeverity}+ to the P0 topic",
            EventPattern = new EventPattern
            {
                Source = ["aws.guardduty"],
                DetailType = ["GuardDuty Finding"],
                Detail = new Dictionary<string, object>
                {
                    ["severity"] = new object[] { new Dictionary<string, object> { ["numeric"] = new object[] { ">=", P0MinimumSeverity } } },
                },
            },
            Targets = [new SnsTopic(P0Topic)],
        });
    }
}
