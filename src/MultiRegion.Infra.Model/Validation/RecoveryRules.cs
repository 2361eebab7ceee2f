using System.Text.RegularExpressions;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Loading;
using MultiRegion.Infra.Model.Planning.Objectives;
using MultiRegion.Infra.Model.Planning.Recovery;

namespace MultiRegion.Infra.Model.Validation;

/// <summary>
/// Shape rules of the <c>recovery</c> section and of the backup schedule. Whether the scenario promises hold is
/// checked after, by <see cref="DrPlanner"/> (through the objective planner), with the arithmetic.
/// </summary>
internal static partial class RecoveryRules
{
    [GeneratedRegex(@"^arn:aws[a-z-]*:(iam|sts)::[0-9]{12}:(user|role|assumed-role)/\S+$")]
    private static partial Regex PrincipalArn();

    public static void Validate(StackConfig c, ProblemSink sink)
    {
        // Backup frequency is checked once, for every config, by StackConfigValidator.ValidateBackupFrequency.
        if (c.Recovery is not { } rc)
        {
            // The promotion steps the RTO counts are nobody's job without runbooks: say so rather than pretend.
            if (c.Objectives is not null && (c.Data?.Database is not null || c.Data?.EffectiveCaches.Count > 0))
                sink.Warn("recovery", "no recovery section: nothing promotes the database or cache secondaries when a region fails, "
                                      + "yet objectives.regionFailover.rtoSeconds counts their promotion; add recovery: (trigger, approvers) to get runbooks");
            return;
        }
        const string at = "recovery";
        sink.Require(rc.CapacityFactor is >= 1 and <= 10, $"{at}.capacityFactor", $"{rc.CapacityFactor} must be between 1 and 10 (1.5 is the seed's +50%)");
        sink.Require(rc.HumanResponseSeconds >= 0, $"{at}.humanResponseSeconds", $"{rc.HumanResponseSeconds} must not be negative");
        var approvers = rc.Approvers ?? [];
        if (rc.Trigger == RecoveryTrigger.Approval)
        {
            // aws:approve needs at least one approver (https://docs.aws.amazon.com/systems-manager/latest/userguide/automation-action-approve.html).
            sink.Require(approvers.Count > 0, $"{at}.approvers", "trigger 'approval' needs at least one approver (IAM user or role ARN)");
            sink.Require(rc.MinRequiredApprovals >= 1 && rc.MinRequiredApprovals <= Math.Max(1, approvers.Count), $"{at}.minRequiredApprovals",
                $"{rc.MinRequiredApprovals} must be between 1 and the number of approvers ({approvers.Count})");
        }
        for (var i = 0; i < approvers.Count; i++)
            sink.Require(PrincipalArn().IsMatch(approvers[i]), $"{at}.approvers[{i}]",
                $"'{approvers[i]}' is not an IAM user or role ARN (arn:aws:iam::<account>:role/<name>)");

        var regions = c.Regions.Select(r => r.Name).ToList();
        if (rc.PromotionOrder is { } order)
        {
            for (var i = 0; i < order.Count; i++)
                if (!regions.Contains(order[i]))
                    sink.Add($"{at}.promotionOrder[{i}]", $"'{order[i]}' is not a region of this config{DidYouMean.Hint(order[i], regions)}");
            sink.Require(order.Distinct().Count() == order.Count, $"{at}.promotionOrder", "a region appears twice");
        }
        foreach (var key in rc.EffectiveScenarios.Keys.Where(k => !RecoveryConfig.ScenarioKeys.Contains(k)))
            sink.Add($"{at}.scenarios.{key}", $"unknown scenario '{key}' (known: {string.Join(", ", RecoveryConfig.ScenarioKeys)}){DidYouMean.Hint(key, RecoveryConfig.ScenarioKeys)}");
        foreach (var (key, s) in rc.EffectiveScenarios)
        {
            sink.Require(s.RtoSeconds is null or > 0, $"{at}.scenarios.{key}.rtoSeconds", $"{s.RtoSeconds} must be positive");
            sink.Require(s.RpoSeconds is null or >= 0, $"{at}.scenarios.{key}.rpoSeconds", $"{s.RpoSeconds} must not be negative");
        }

        if (c.Data?.Database is not null && !rc.AllowDataLoss)
            sink.Warn($"{at}.allowDataLoss", "false: the runbook promotes Aurora with a switchover, which needs the writer's region reachable; "
                                             + "in a region outage that step fails (set allowDataLoss: true for an unplanned failover)");
        if (rc.Trigger != RecoveryTrigger.Manual && regions.Contains(RunbookPlanner.AlarmRegion))
            sink.Warn($"{at}.trigger", $"{rc.Trigger.ToString().ToLowerInvariant()} cannot cover {RunbookPlanner.AlarmRegion} itself: its region-down alarm "
                                       + $"and the rule that starts the runbook live there; when {RunbookPlanner.AlarmRegion} fails, run its runbook by hand from another region (plan.md)");
        if (c.Edge is null && rc.Trigger != RecoveryTrigger.Manual)
            sink.Add($"{at}.trigger", $"'{rc.Trigger.ToString().ToLowerInvariant()}' needs the edge section's region-down alarms; use 'manual' or add edge");
    }
}
