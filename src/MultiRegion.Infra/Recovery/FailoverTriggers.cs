using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using CfnRule = Amazon.CDK.AWS.Events.CfnRule;
using CfnRuleProps = Amazon.CDK.AWS.Events.CfnRuleProps;
using Amazon.CDK.AWS.IAM;
using Constructs;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning.Recovery;
using MultiRegion.Infra.Composition;

namespace MultiRegion.Infra.Recovery;

/// <summary>Inputs of the rules that start the failover runbooks.</summary>
/// <param name="Alarms">The region-down alarms by region (Route53 health-check alarms of the global stack).</param>
public sealed record FailoverTriggersProps(StackConfig Config, IReadOnlyDictionary<string, Alarm> Alarms);

/// <summary>
/// Automatic and approval modes: an EventBridge rule per region turns its region-down alarm's change to ALARM into
/// a start of that region's failover runbook in this (the alarm's) region, through a role allowed only to start
/// those documents and pass their roles (https://docs.aws.amazon.com/systems-manager/latest/userguide/automation-cwe-target.html).
/// The alarm region's own failure has no rule: its alarm and rules fail with it (plan.md says to run it by hand).
/// </summary>
public sealed class FailoverTriggers : Construct
{
    public IReadOnlyDictionary<string, CfnRule> Rules { get; }

    public FailoverTriggers(Construct scope, string id, FailoverTriggersProps props) : base(scope, id)
    {
        var c = props.Config;
        var stack = Stack.Of(this);
        var rules = new Dictionary<string, CfnRule>(StringComparer.Ordinal);
        var runbooks = RunbookPlanner.Plan(c)
            .Where(r => r.Kind == RunbookKind.Failover && r.HostRegions.Contains(stack.Region) && props.Alarms.ContainsKey(r.FailedRegion))
            .ToList();
        if (runbooks.Count == 0) { Rules = rules; return; }

        var definitions = runbooks.Select(r => $"arn:{stack.Partition}:ssm:{stack.Region}:{stack.Account}:automation-definition/{r.DocumentName}:$DEFAULT").ToArray();
        var role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("events.amazonaws.com"),
            Description = $"{c.Prefix}: region-down alarms start the failover runbooks",
        });
        role.AddToPolicy(IamStatement.Allow(["ssm:StartAutomationExecution"], definitions));
        role.AddToPolicy(IamStatement.Allow(
            ["iam:PassRole"],
            runbooks.Select(r => $"arn:{stack.Partition}:iam::{stack.Account}:role/{r.RoleName(stack.Region)}").ToArray(),
            conditions: new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["iam:PassedToService"] = "ssm.amazonaws.com" },
            }));

        foreach (var runbook in runbooks)
        {
            var rid = string.Concat(runbook.FailedRegion.Split('-').Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
            rules[runbook.FailedRegion] = new CfnRule(this, $"Failover{rid}", new CfnRuleProps
            {
                Description = $"{runbook.FailedRegion} is down: start {runbook.DocumentName}",
                State = "ENABLED",
                EventPattern = new Dictionary<string, object>
                {
                    ["source"] = new[] { "aws.cloudwatch" },
                    ["detail-type"] = new[] { "CloudWatch Alarm State Change" },
                    ["resources"] = new[] { props.Alarms[runbook.FailedRegion].AlarmArn },
                    ["detail"] = new Dictionary<string, object>
                    {
                        ["state"] = new Dictionary<string, object> { ["value"] = new[] { "ALARM" } },
                    },
                },
                Targets = new object[]
                {
                    new CfnRule.TargetProperty
                    {
                        Id = "Runbook",
                        Arn = $"arn:{stack.Partition}:ssm:{stack.Region}:{stack.Account}:automation-definition/{runbook.DocumentName}:$DEFAULT",
                        RoleArn = role.RoleArn,
                        // Automation parameters are a map of string to list of strings
                        // (https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_StartAutomationExecution.html);
                        // the default target: the operator can re-run with another.
                        Input = $"{{\"TargetRegion\":[\"{runbook.WriterRegion}\"]}}",
                    },
                },
            });
        }
        Rules = rules;
    }
}
