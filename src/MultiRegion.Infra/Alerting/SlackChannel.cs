using Amazon.CDK;
using Amazon.CDK.AWS.Chatbot;
using Amazon.CDK.AWS.IAM;
using Constructs;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Alerting;

/// <summary>
/// AWS Chatbot posting the Slack-routed severities of every region to one Slack channel. Chatbot subscribes to the
/// topics itself and takes topics from any region, so one configuration in the global stack serves all; the topic
/// ARNs are built from their fixed names, not passed across regions. The Slack workspace must be authorized once in
/// the Chatbot console before the first deploy (docs.aws.amazon.com/chatbot/latest/adminguide/slack-setup.html).
/// </summary>
public sealed class SlackChannel : Construct
{
    /// <summary>The topic scope of the global stack's own topics.</summary>
    public const string GlobalScope = "global";

    public SlackChannel(Construct scope, string id, StackConfig config, AlertingConfig alerting, IEnumerable<string> scopes) : base(scope, id)
    {
        var slack = alerting.Slack!;
        var stack = Stack.Of(this);
        var topics = alerting.Severities.Where(s => s.Value.Routes.Contains(AlertChannel.Slack))
            .SelectMany(s => scopes.Select(scope =>
                $"arn:{Aws.PARTITION}:sns:{(scope == GlobalScope ? stack.Region : scope)}:{stack.Account}:{AlertingConfig.TopicName(config.Prefix, scope, s.Key)}"))
            // Failover approval requests, when their severity goes to Slack: the runbooks' own topics (RegionRunbooks).
            .Concat(Model.Planning.Alerting.AlertPlanner.Plan(config)
                .Where(a => a.Kind == Model.Planning.Alerting.AlarmKind.FailoverApprovals && a.Routes.Contains(AlertChannel.Slack))
                .Select(a => $"arn:{Aws.PARTITION}:sns:{a.Region}:{stack.Account}:{Model.Planning.Recovery.RunbookPlanner.ApprovalTopic(config)}"))
            .ToArray();
        // Notifications only: the channel role reads CloudWatch to render alarm details, nothing else.
        var role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("chatbot.amazonaws.com"),
            ManagedPolicies = [ManagedPolicy.FromAwsManagedPolicyName("CloudWatchReadOnlyAccess")],
        });
        new CfnSlackChannelConfiguration(this, "Channel", new CfnSlackChannelConfigurationProps
        {
            ConfigurationName = $"{config.Prefix}-alerts",
            SlackWorkspaceId = slack.WorkspaceId,
            SlackChannelId = slack.ChannelId,
            IamRoleArn = role.RoleArn,
            SnsTopicArns = topics,
            GuardrailPolicies = [$"arn:{Aws.PARTITION}:iam::aws:policy/CloudWatchReadOnlyAccess"],
            LoggingLevel = "ERROR",
        });
    }
}
