using System.Globalization;
using System.Text;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning.Objectives;

namespace MultiRegion.Infra.Model.Planning.Recovery;

/// <summary>plan.json's <c>recovery</c>: the trigger, the runbooks and the seed's RTO/RPO matrix computed.</summary>
public sealed record PlanRecovery(
    string Trigger,
    IReadOnlyList<BudgetTerm> TriggerTerms,
    IReadOnlyList<PlanRunbook> Runbooks,
    IReadOnlyList<PlanScenario> Scenarios,
    IReadOnlyList<HpaFloor> ManualHpaFloors);

public sealed record PlanRunbook(string Kind, string FailedRegion, string Document, IReadOnlyList<string> HostRegions, string WriterRegion,
    IReadOnlyList<string> Steps, string Command, string CriticalPath);

public sealed record PlanScenario(string Key, string Name, string WhatHappens, string StartedBy, IReadOnlyList<string> Runbooks,
    double? RtoSeconds, string RtoArithmetic, int? PromisedRtoSeconds, double RpoSeconds, string RpoArithmetic, IReadOnlyList<string> RpoWorstCase,
    int? PromisedRpoSeconds, string? Note);

/// <summary>The Disaster recovery section of plan.json and plan.md (one planner, two readers: the SSM documents read it too).</summary>
public static class RecoverySection
{
    public static PlanRecovery? Of(StackConfig c)
    {
        if (c.Recovery is not { } rc) return null;
        var runbooks = RunbookPlanner.Plan(c).Select(r => new PlanRunbook(
            r.Kind.ToString().ToLowerInvariant(), r.FailedRegion, r.DocumentName, r.HostRegions, r.WriterRegion,
            r.Steps.Select(s => s.Name).ToList(), r.Command(r.HostRegions[0]), r.CriticalPath.Arithmetic)).ToList();
        var scenarios = DrPlanner.Scenarios(c).Select(s => new PlanScenario(
            s.Key, s.Name, s.WhatHappens, s.StartedBy, s.Runbooks,
            s.Rto?.TotalSeconds, s.Rto?.Arithmetic ?? s.RtoNote ?? "", s.Promised?.RtoSeconds,
            s.Rpo.TotalSeconds, s.Rpo.Arithmetic, s.WorstCase, s.Promised?.RpoSeconds, s.RpoNote)).ToList();
        return new PlanRecovery(rc.Trigger.ToString().ToLowerInvariant(), ObjectiveInputsBuilder.TriggerTerms(rc), runbooks, scenarios,
            c.Regions.SelectMany(r => RunbookPlanner.HpaFloors(c, r.Name)).Distinct().ToList());
    }

    public static void Render(StackConfig c, StringBuilder md)
    {
        if (Of(c) is not { } plan) return;
        var rc = c.Recovery!;
        md.AppendLine("## Disaster recovery");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Trigger: **{plan.Trigger}** ({(plan.TriggerTerms.Count == 0 ? "-" : string.Join(" + ", plan.TriggerTerms.Select(t => t.ToString())))}). "
            + $"Capacity factor for the survivors: x{rc.CapacityFactor.ToString(CultureInfo.InvariantCulture)}. Aurora promotion: {(rc.AllowDataLoss ? "unplanned failover (AllowDataLoss)" : "switchover (needs the old writer)")}.");
        md.AppendLine();
        MarkdownTable.Write(md, ["Scenario", "What happens", "Started by", "RTO computed", "RTO promised", "RPO computed", "RPO promised"],
            plan.Scenarios.Select(s => new[]
            {
                s.Name,
                $"{s.WhatHappens}{(s.Runbooks.Count > 0 ? $" (runbooks `{c.Prefix}-failover-<region>`)" : "")}",
                s.StartedBy,
                s.RtoSeconds is { } rto ? $"{Seconds(rto)}: {s.RtoArithmetic}" : s.RtoArithmetic,
                Promise(s.PromisedRtoSeconds),
                $"{Seconds(s.RpoSeconds)}: {s.RpoArithmetic}{(s.RpoWorstCase.Count > 0 ? $" (worst: {string.Join(" + ", s.RpoWorstCase)} down)" : "")}{(s.Note is null ? "" : $"; {s.Note}")}",
                Promise(s.PromisedRpoSeconds),
            }));
        md.AppendLine("Runbooks (SSM Automation documents, deployed in every region but the one they handle; each step checks state first, so re-running is safe):");
        md.AppendLine();
        MarkdownTable.Write(md, ["Runbook", "Handles", "Lives in", "Default target", "Steps", "Start by hand"],
            plan.Runbooks.Select(r => new[]
            {
                $"`{r.Document}`", $"{r.Kind} {r.FailedRegion}", string.Join(", ", r.HostRegions), r.WriterRegion, string.Join(" → ", r.Steps), $"`{r.Command}`",
            }));
        if (plan.ManualHpaFloors.Count > 0)
        {
            md.AppendLine("HPA floors are Kubernetes objects the runbook's role cannot reach (it has no cluster access): after a failover, raise them by hand "
                          + "in the surviving regions (and revert after fail-back):");
            md.AppendLine();
            foreach (var f in plan.ManualHpaFloors.DistinctBy(f => (f.Region, f.Workload)))
                md.AppendLine(CultureInfo.InvariantCulture, $"- {f.Region} `{f.Workload}`: minReplicas {f.ConfiguredMin} → {f.RaisedMin}: `{f.Command(c)}`");
            md.AppendLine();
        }
    }

    private static string Seconds(double s) => Format.Seconds(s);

    private static string Promise(int? s) => s is { } v ? Format.Seconds(v) : "-";
}
