namespace MultiRegion.Infra.Model.Config;

/// <summary>How a region-failure runbook is started.</summary>
public enum RecoveryTrigger
{
    /// <summary>The region-down alarm starts the runbook through EventBridge; nobody is asked.</summary>
    Automatic,

    /// <summary>The alarm starts the runbook, which waits at an <c>aws:approve</c> step for an approver (notified on the runbooks' approval topic, routed like <c>alerting.alarms.failoverApprovals</c>).</summary>
    Approval,

    /// <summary>Nothing starts it: an operator runs the documented command (plan.md, Disaster recovery).</summary>
    Manual,
}

/// <summary>
/// The <c>recovery</c> section: region failover as code. For every region, a failover runbook (SSM Automation)
/// lives in the regions that survive it; it promotes the database and caches, re-points the writer parameters
/// and raises the survivors' node-group floors. A matching fail-back runbook undoes it.
/// </summary>
/// <param name="Trigger">How the failover runbook starts (seed: "Automated Failover (Single Region)"; approval and manual add the human response time to the RTO).</param>
/// <param name="CapacityFactor">Factor applied to the survivors' node-group and HPA floors (seed: "Remaining regions scale up (+50% capacity)": 1.5).</param>
/// <param name="AllowDataLoss">
/// Promote the Aurora secondary with <c>AllowDataLoss</c> (an unplanned failover: works while the writer's region is
/// down, loses what had not replicated). False: a switchover, which needs the old writer reachable, so it cannot
/// recover from a region outage (a warning says so).
/// </param>
/// <param name="Approvers">IAM users or roles (ARNs) allowed to approve the runbook; required for <c>approval</c>.</param>
/// <param name="MinRequiredApprovals">Approvals the runbook waits for.</param>
/// <param name="HumanResponseSeconds">Time for a person to react to the page (seed "P0 (Critical - 5 min response)": 300).</param>
/// <param name="PromotionOrder">Regions in the order they take over the writers; default: the order of <c>regions</c>. The first survivor wins.</param>
/// <param name="Scenarios">RTO/RPO promised per failure scenario (the seed's "RTO/RPO Matrix"), checked by the planner.</param>
public sealed record RecoveryConfig(
    RecoveryTrigger Trigger = RecoveryTrigger.Approval,
    double CapacityFactor = 1.5,
    bool AllowDataLoss = false,
    IReadOnlyList<string>? Approvers = null,
    int MinRequiredApprovals = 1,
    int HumanResponseSeconds = 300,
    IReadOnlyList<string>? PromotionOrder = null,
    IReadOnlyDictionary<string, ScenarioObjective>? Scenarios = null)
{
    /// <summary>Scenario keys of the seed's matrix: one AZ, one region, two regions, every region.</summary>
    public const string Az = "az", OneRegion = "oneRegion", TwoRegions = "twoRegions", AllRegions = "allRegions";

    public static readonly IReadOnlyList<string> ScenarioKeys = [Az, OneRegion, TwoRegions, AllRegions];

    public IReadOnlyDictionary<string, ScenarioObjective> EffectiveScenarios => Scenarios ?? new Dictionary<string, ScenarioObjective>();
}

/// <summary>A promise for one failure scenario; null fields are not promised.</summary>
public sealed record ScenarioObjective(int? RtoSeconds = null, int? RpoSeconds = null);
