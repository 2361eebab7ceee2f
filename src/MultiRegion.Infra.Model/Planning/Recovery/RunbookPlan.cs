using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning.Objectives;

namespace MultiRegion.Infra.Model.Planning.Recovery;

/// <summary>Failover (a region is lost) or fail-back (it is back: return to the configured layout).</summary>
public enum RunbookKind
{
    Failover,
    Failback,
}

/// <summary>What an SSM Automation step does.</summary>
public enum RunbookAction
{
    /// <summary><c>aws:approve</c>: waits for the configured approvers (notified on <see cref="RunbookPlanner.ApprovalTopic"/>, routed like <c>alerting.alarms.failoverApprovals</c>).</summary>
    Approve,

    /// <summary><c>aws:executeScript</c> (Python, boto3): reaches other regions, checks state first (idempotent).</summary>
    Script,
}

/// <summary>One step of a runbook.</summary>
/// <param name="Name">Step name in the document (letters and digits).</param>
/// <param name="Script">For <see cref="RunbookAction.Script"/>: the Python handler's source (<see cref="RunbookScripts"/>).</param>
/// <param name="Input">The script's input payload (or the approve step's inputs other than the topic).</param>
/// <param name="Duration">How long the step takes, with its source; null when it does not count (approve: the trigger's human term counts it).</param>
/// <param name="OnCriticalPath">Counts towards the RTO (writers back); capacity steps run after and do not.</param>
public sealed record RunbookStep(
    string Name,
    RunbookAction Action,
    string Description,
    string? Script,
    IReadOnlyDictionary<string, object> Input,
    AwsFact? Duration,
    bool OnCriticalPath);

/// <summary>IAM a runbook's role needs: actions on resources (partition <c>aws</c>).</summary>
public sealed record RunbookPermission(IReadOnlyList<string> Actions, IReadOnlyList<string> Resources, string Why);

/// <summary>One runbook: the document deployed in every host region, its steps and the IAM its role gets.</summary>
/// <param name="FailedRegion">The region whose loss it handles (fail-back: the region that came back).</param>
/// <param name="HostRegions">Where the document lives: every region but the failed one (plus the alarm region when it hosts no platform region).</param>
/// <param name="WriterRegion">Where the runbook moves the writers by default (failover: the first survivor in the promotion order; fail-back: the configured primary).</param>
/// <param name="TargetCandidates">Allowed values of the document's <c>TargetRegion</c> parameter: with two regions down, the operator names the survivor.</param>
public sealed record Runbook(
    RunbookKind Kind,
    string FailedRegion,
    string DocumentName,
    IReadOnlyList<string> HostRegions,
    string WriterRegion,
    IReadOnlyList<string> TargetCandidates,
    IReadOnlyList<RunbookStep> Steps,
    IReadOnlyList<RunbookPermission> Permissions)
{
    /// <summary>The role a host region's copy assumes (IAM names are global, so the host region is part of it).</summary>
    public string RoleName(string hostRegion) => $"{DocumentName}-{hostRegion}";

    /// <summary>Duration of the steps on the RTO's critical path, with the arithmetic.</summary>
    public Budget CriticalPath => new(Steps.Where(s => s.OnCriticalPath && s.Duration is not null)
        .Select(s => new BudgetTerm(s.Description, s.Duration!.Seconds, s.Duration.Source, s.Duration.Estimate)).ToList());

    /// <summary>The command an operator runs (manual mode, or any mode when the alarm cannot fire).</summary>
    public string Command(string hostRegion) =>
        $"aws ssm start-automation-execution --region {hostRegion} --document-name {DocumentName} --parameters TargetRegion={WriterRegion}";
}

/// <summary>An HPA floor the runbook cannot reach (the Kubernetes API is not an AWS API): raised by hand.</summary>
public sealed record HpaFloor(string Region, string Workload, string Namespace, int ConfiguredMin, int RaisedMin, int Max)
{
    public string Command(StackConfig c) =>
        $"kubectl --context {CapacityPlan.ClusterName(c, c.Region(Region))} -n {Namespace} patch hpa {Workload} -p '{{\"spec\":{{\"minReplicas\":{RaisedMin}}}}}'";
}
