using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.SNS;
using Amazon.CDK.AWS.SSM;
using Constructs;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning.Recovery;
using MultiRegion.Infra.Composition;

namespace MultiRegion.Infra.Recovery;

/// <summary>Inputs of the runbooks a region hosts.</summary>
/// <param name="Runbooks">The runbooks whose <c>HostRegions</c> include this stack's region (from <see cref="RunbookPlanner"/>).</param>
public sealed record RegionRunbooksProps(StackConfig Config, IReadOnlyList<Runbook> Runbooks);

/// <summary>
/// The failover and fail-back runbooks a region hosts: per runbook an SSM Automation document (schema 0.3) and
/// the role it assumes, allowed only the planner's actions on the planner's resources; in approval mode the topic
/// that <c>aws:approve</c> notifies. SSM Automation takes only a topic whose name starts with "Automation"
/// (<see cref="RunbookPlanner.ApprovalTopic"/>), so it stays a topic of its own; it is subscribed with the routes of
/// the severity <c>alerting.alarms.failoverApprovals</c> names (the same email addresses and PagerDuty endpoint; Slack
/// through <c>Alerting/SlackChannel</c>), so approval requests reach the same people as that severity's alerts.
/// Documents have fixed names so the global stack's EventBridge rules can target them without references.
/// </summary>
public sealed class RegionRunbooks : Construct
{
    public IReadOnlyDictionary<string, CfnDocument> Documents { get; }
    public IReadOnlyDictionary<string, Role> Roles { get; }
    public Topic? ApprovalTopic { get; }

    public RegionRunbooks(Construct scope, string id, RegionRunbooksProps props) : base(scope, id)
    {
        var c = props.Config;
        var stack = Stack.Of(this);
        if (props.Runbooks.Any(r => r.Steps.Any(s => s.Action == RunbookAction.Approve)))
            ApprovalTopic = new Topic(this, "ApprovalTopic", new TopicProps
            {
                TopicName = RunbookPlanner.ApprovalTopic(c),
                DisplayName = $"{c.Prefix}: failover approvals",
                // Encrypted at rest with the AWS managed SNS key, which principals of the account (the runbook role) may use through SNS.
                MasterKey = Amazon.CDK.AWS.KMS.Alias.FromAliasName(this, "SnsKey", "alias/aws/sns"),
                EnforceSSL = true,
            });
        if (ApprovalTopic is not null && c.Alerting is { } alerting && alerting.AlarmSettings.FailoverApprovals is { } approvals
            && alerting.Severities.TryGetValue(approvals.Severity, out var severity))
        {
            foreach (var route in severity.Routes)
                Alerting.SeverityTopics.Subscribe(this, ApprovalTopic.TopicArn, "Approval", route, severity, alerting);
            // Chatbot lists this topic by name (SlackChannel); in the global stack it is built before the runbooks.
            if (stack.Node.TryFindChild("Slack") is Construct slack)
                slack.Node.AddDependency(ApprovalTopic);
        }

        var documents = new Dictionary<string, CfnDocument>(StringComparer.Ordinal);
        var roles = new Dictionary<string, Role>(StringComparer.Ordinal);
        foreach (var runbook in props.Runbooks)
        {
            var pascal = string.Concat(runbook.DocumentName[(c.Prefix.Length + 1)..].Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
            var role = new Role(this, $"{pascal}Role", new RoleProps
            {
                RoleName = runbook.RoleName(stack.Region),
                Description = $"{runbook.DocumentName} runbook in {stack.Region}",
                // Only SSM Automation of this account may assume it (confused-deputy guard).
                AssumedBy = new ServicePrincipal("ssm.amazonaws.com").WithConditions(new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = c.Account },
                }),
            });
            foreach (var p in runbook.Permissions)
                role.AddToPolicy(IamStatement.Allow(p.Actions.ToArray(), p.Resources.ToArray()));
            if (ApprovalTopic is not null && runbook.Steps.Any(s => s.Action == RunbookAction.Approve))
                ApprovalTopic.GrantPublish(role);

            documents[runbook.DocumentName] = new CfnDocument(this, pascal, new CfnDocumentProps
            {
                Name = runbook.DocumentName,
                DocumentType = "Automation",
                DocumentFormat = "JSON",
                // A named document cannot be replaced in place: new content becomes a new default version.
                UpdateMethod = "NewVersion",
                Content = ForJsii(Content(runbook, role.RoleArn, ApprovalTopic?.TopicArn)),
            });
            roles[runbook.DocumentName] = role;
        }
        Documents = documents;
        Roles = roles;
    }

    /// <summary>jsii passes dictionaries and arrays, not .NET lists: convert the content recursively.</summary>
    private static object ForJsii(object value) => value switch
    {
        string or bool or int or double => value,
        System.Collections.IDictionary d => d.Keys.Cast<object>().ToDictionary(k => (string)k, k => ForJsii(d[k]!)),
        System.Collections.IEnumerable e => e.Cast<object>().Select(ForJsii).ToArray(),
        _ => value,
    };

    /// <summary>The document: schema 0.3, the role it assumes, the target-region parameter and the planner's steps.</summary>
    public static Dictionary<string, object> Content(Runbook runbook, string roleArn, string? topicArn) => new()
    {
        ["schemaVersion"] = "0.3",
        ["description"] = $"{(runbook.Kind == RunbookKind.Failover ? "Fail over from" : "Fail back after")} {runbook.FailedRegion}: "
                          + string.Join(", ", runbook.Steps.Select(s => s.Description)) + ". Every step checks state first: safe to re-run.",
        ["assumeRole"] = roleArn,
        ["parameters"] = new Dictionary<string, object>
        {
            ["TargetRegion"] = new Dictionary<string, object>
            {
                ["type"] = "String",
                ["default"] = runbook.WriterRegion,
                ["allowedValues"] = runbook.TargetCandidates,
                ["description"] = "Region that takes the writers (with two regions down, name the survivor)",
            },
        },
        ["mainSteps"] = runbook.Steps.Select(s => (object)Step(s, topicArn)).ToList(),
    };

    private static Dictionary<string, object> Step(RunbookStep s, string? topicArn) => s.Action switch
    {
        // https://docs.aws.amazon.com/systems-manager/latest/userguide/automation-action-approve.html
        RunbookAction.Approve => new()
        {
            ["name"] = s.Name,
            ["action"] = "aws:approve",
            ["timeoutSeconds"] = 3600,
            ["onFailure"] = "Abort",
            ["inputs"] = new Dictionary<string, object>(s.Input) { ["NotificationArn"] = topicArn ?? throw new InvalidOperationException("approval needs a topic") },
        },
        // https://docs.aws.amazon.com/systems-manager/latest/userguide/automation-action-executeScript.html
        _ => new()
        {
            ["name"] = s.Name,
            ["action"] = "aws:executeScript",
            ["timeoutSeconds"] = 600,
            ["onFailure"] = "Abort",
            ["inputs"] = new Dictionary<string, object>
            {
                ["Runtime"] = RunbookScripts.Runtime,
                ["Handler"] = RunbookScripts.Handler,
                ["Script"] = s.Script!,
                ["InputPayload"] = s.Input,
            },
        },
    };
}
