using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.SNS;
using Constructs;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Composition;

namespace MultiRegion.Infra.Alerting;

/// <summary>Inputs of a stack's severity topics.</summary>
/// <param name="Prefix">app-environment.</param>
/// <param name="Scope">The stack's scope in topic names: its region, or <c>global</c>.</param>
public sealed record SeverityTopicsProps(AlertingConfig Settings, string Prefix, string Scope, bool ProtectData);

/// <summary>
/// One SNS topic per severity in the stack's region (an alarm can only notify a topic of its own region), encrypted
/// with a customer managed KMS key, subscribed to the channels its severity routes to. CloudWatch alarms and
/// EventBridge can publish to an encrypted topic only when the key policy lets their service principals use the key;
/// the AWS managed SNS key does not (docs.aws.amazon.com/sns/latest/dg/sns-key-management.html, "Configuring AWS KMS
/// permissions for AWS services").
/// </summary>
public sealed class SeverityTopics : Construct
{
    public Key Key { get; }
    public IReadOnlyDictionary<string, Topic> Topics { get; }

    public SeverityTopics(Construct scope, string id, SeverityTopicsProps props) : base(scope, id)
    {
        var stack = Stack.Of(this);
        Key = new Key(this, "Key", new KeyProps
        {
            Description = $"{props.Prefix} alert topics",
            EnableKeyRotation = true,
            // Like every key of a protected stack: a key scheduled for deletion cannot be undone after its waiting period.
            // RetainExceptOnCreate like every protected store (DataProtection; StatefulPolicyTests).
            RemovalPolicy = Regional.Data.DataProtection.Removal(props.ProtectData),
        });
        Key.AddToResourcePolicy(IamStatement.Allow(
            // aps: the AMP workspace's alert manager publishes to the primary region's topics
            // (https://docs.aws.amazon.com/prometheus/latest/userguide/AMP-alertmanager-receiver-AMPpermission.html).
            ["kms:Decrypt", "kms:GenerateDataKey*"],
            ["*"],
            conditions: new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = stack.Account },
            },
            sid: "AlarmAndEventSourcesPublish",
            principal: IamPrincipal.Services("cloudwatch.amazonaws.com", "events.amazonaws.com", "aps.amazonaws.com")));

        // AWS Budgets and Cost Anomaly Detection notify the global stack's topics of the severities that
        // alerting.alarms.budget / costAnomalies name (both are global services; their resources are in the global
        // stack). Each service needs the topic policy grant its guide gives (budgets: aws:SourceAccount and a budgets
        // aws:SourceArn, https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-sns-policy.html; anomaly
        // detection: costalerts.amazonaws.com with aws:SourceAccount,
        // https://docs.aws.amazon.com/cost-management/latest/userguide/ad-SNS.html) and, the topics being encrypted with
        // this customer managed key, kms:GenerateDataKey* and kms:Decrypt on it like any AWS service that publishes to an
        // encrypted topic (docs.aws.amazon.com/sns/latest/dg/sns-key-management.html, "Configuring AWS KMS permissions
        // for AWS services").
        var alarms = props.Settings.AlarmSettings;
        var costPublishers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (props.Scope == SlackChannel.GlobalScope)
        {
            if (alarms.Budget is { } budget) Add(budget.Severity, BudgetsPrincipal);
            if (alarms.CostAnomalies is { } anomalies) Add(anomalies.Severity, CostAlertsPrincipal);
            void Add(string severity, string principal)
            {
                if (!costPublishers.TryGetValue(severity, out var list)) costPublishers[severity] = list = [];
                list.Add(principal);
            }
        }
        var costPrincipals = costPublishers.Values.SelectMany(p => p).Distinct().Order(StringComparer.Ordinal).ToList();
        if (costPrincipals.Count > 0)
            Key.AddToResourcePolicy(IamStatement.Allow(
                ["kms:Decrypt", "kms:GenerateDataKey*"],
                ["*"],
                conditions: new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = stack.Account },
                },
                sid: "CostNotificationsPublish",
                principal: IamPrincipal.Services([.. costPrincipals])));

        var topics = new Dictionary<string, Topic>(StringComparer.Ordinal);
        foreach (var (severity, settings) in props.Settings.Severities)
        {
            var sid = Regional.Compute.ConstructIds.Pascal(severity);
            var topic = new Topic(this, sid, new TopicProps
            {
                TopicName = AlertingConfig.TopicName(props.Prefix, props.Scope, severity),
                DisplayName = $"{props.Prefix} {severity.ToUpperInvariant()} alerts (respond within {settings.ResponseMinutes} min)",
                MasterKey = Key,
            });
            // Only TLS publishers and subscribers (SNS topic policy, aws:SecureTransport).
            topic.AddToResourcePolicy(IamStatement.Deny(
                ["sns:Publish"],
                [topic.TopicArn],
                conditions: new Dictionary<string, object>
                {
                    ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" },
                },
                sid: "TlsOnly",
                principal: IamPrincipal.Anyone));
            // The AMP alert manager publishes as aps.amazonaws.com, which needs a topic policy grant (same page as above).
            topic.AddToResourcePolicy(IamStatement.Allow(
                ["sns:Publish", "sns:GetTopicAttributes"],
                [topic.TopicArn],
                conditions: new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = stack.Account },
                },
                sid: "AmpAlertManagerPublish",
                principal: IamPrincipal.Services("aps.amazonaws.com")));
            foreach (var principal in costPublishers.GetValueOrDefault(severity) ?? [])
                topic.AddToResourcePolicy(IamStatement.Allow(
                    ["sns:Publish"],
                    [topic.TopicArn],
                    conditions: principal == BudgetsPrincipal
                        ? new Dictionary<string, object>
                        {
                            ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = stack.Account },
                            ["ArnLike"] = new Dictionary<string, object> { ["aws:SourceArn"] = $"arn:{Aws.PARTITION}:budgets::{stack.Account}:*" },
                        }
                        : new Dictionary<string, object>
                        {
                            ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = stack.Account },
                        },
                    sid: principal == BudgetsPrincipal ? "BudgetsPublish" : "CostAnomalyDetectionPublish",
                    principal: IamPrincipal.Services(principal)));
            foreach (var route in settings.Routes)
                Subscribe(topic, sid, route, settings, props.Settings);
            topics[severity] = topic;
        }
        Topics = topics;
    }

    /// <summary>AWS Budgets' service principal.</summary>
    public const string BudgetsPrincipal = "budgets.amazonaws.com";

    /// <summary>AWS Cost Anomaly Detection's service principal.</summary>
    public const string CostAlertsPrincipal = "costalerts.amazonaws.com";

    private void Subscribe(Topic topic, string sid, AlertChannel route, SeverityConfig severity, AlertingConfig settings) =>
        Subscribe(this, topic.TopicArn, sid, route, severity, settings);

    /// <summary>
    /// One route of a severity on a topic: email subscriptions (<c>alerting.email</c> then the severity's own
    /// addresses, so the ids of the shared ones do not move), PagerDuty's HTTPS endpoint, or nothing for Slack (AWS
    /// Chatbot subscribes itself, see <see cref="SlackChannel"/>). Also used for the failover approval topic, which
    /// must be a topic of its own (<c>Recovery/RegionRunbooks</c>).
    /// </summary>
    public static void Subscribe(Construct scope, string topicArn, string sid, AlertChannel route, SeverityConfig severity, AlertingConfig settings)
    {
        switch (route)
        {
            case AlertChannel.Email:
                foreach (var (address, i) in severity.EmailAddresses(settings).Select((a, i) => (a, i)))
                    new CfnSubscription(scope, $"{sid}Email{i}", new CfnSubscriptionProps
                    {
                        TopicArn = topicArn,
                        Protocol = "email",
                        Endpoint = address,
                    });
                break;
            case AlertChannel.PagerDuty:
                // The Events API v2 integration URL carries the integration key: resolved from Secrets Manager at
                // deploy, never written into the template (dynamic references work in any resource property:
                // docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references-secretsmanager.html).
                new CfnSubscription(scope, $"{sid}PagerDuty", new CfnSubscriptionProps
                {
                    TopicArn = topicArn,
                    Protocol = "https",
                    Endpoint = $"{{{{resolve:secretsmanager:{settings.PagerDuty!.EndpointSecret}:SecretString}}}}",
                });
                break;
            case AlertChannel.Slack:
                // AWS Chatbot subscribes itself: see SlackChannel in the global stack.
                break;
        }
    }
}
