using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Lifecycle;

namespace MultiRegion.Infra.Model.Validation;

/// <summary>
/// The lifecycle guard at load: what the config names (Kubernetes version, node AMI types, engine versions) is held
/// to the facts tables in <c>Model/Lifecycle</c> on the run's date. What AWS refuses on that date is a problem
/// (with the date and the source); a refusal within <see cref="LifecycleDates.WarningDays"/> days is a warning.
/// Lambda runtimes are not in the config: the synthesis guard checks them in the templates.
/// </summary>
internal static class LifecycleRules
{
    public static void Validate(StackConfig c, DateOnly today, ProblemSink sink)
    {
        if (c.Compute is { } compute)
        {
            ValidateKubernetes(c, compute, today, sink);
            ValidateAmiTypes(c, today, sink);
        }
        if (c.Data?.Database is { } db && EngineVersions.Find("aurora-postgresql", db.EngineVersion) is { } row)
            Check($"data.database.engineVersion", $"Aurora PostgreSQL {db.EngineVersion}", "end of standard support",
                row.EndOfStandardSupport, today, row.Source, sink, "use a newer 16.x minor");
    }

    private static void ValidateKubernetes(StackConfig c, ComputeConfig compute, DateOnly today, ProblemSink sink)
    {
        const string at = "compute.kubernetesVersion";
        var version = compute.KubernetesVersion;
        // A malformed version is ComputeRules' problem; one message per mistake.
        if (!System.Text.RegularExpressions.Regex.IsMatch(version, @"^1\.[0-9]+$"))
            return;
        var shippable = string.Join(", ", KubernetesVersions.Shippable(today));
        if (KubernetesVersions.Find(version) is not { } row)
        {
            sink.Add(at, $"'{version}' is not in the program's EKS version table; supported: {shippable}");
            return;
        }
        var fix = $"use {shippable} (see README: upgrading Kubernetes)";
        var s = Check(at, $"Kubernetes {version}", "end of EKS extended support (new clusters refused)",
            row.EndOfExtendedSupport, today, row.Source, sink, fix);
        if (s != LifecycleStatus.Current)
            return;
        // In extended support EKS still creates clusters, at the extended-support price per cluster hour.
        var standard = LifecycleDates.StatusOf(row.EndOfStandardSupport, today);
        if (standard == LifecycleStatus.Refused)
            sink.Warn(at, $"Kubernetes {version} left EKS standard support on {LifecycleDates.Iso(row.EndOfStandardSupport)}: clusters run in extended support (charged per cluster hour) until {LifecycleDates.Iso(row.EndOfExtendedSupport)}; {fix} ({row.Source})");
        else if (standard == LifecycleStatus.Soon)
            sink.Warn(at, $"Kubernetes {version} leaves EKS standard support on {LifecycleDates.Iso(row.EndOfStandardSupport)} (then extended support, charged per cluster hour); plan the upgrade ({row.Source})");

        var minor = AddonVersions.MinorOf(version)!.Value;
        var missingAddons = Enum.GetValues<Addon>().Where(a => AddonVersions.For(a, minor).Count == 0).ToList();
        if (missingAddons.Count > 0)
            sink.Add(at, $"the add-on version table (Model/Lifecycle/AddonVersions.cs) has no {string.Join(", ", missingAddons)} version for {version}; use one of {shippable}, or add rows checked against the charts' changelogs");

        if (row.KubectlLayerPackage is null)
        {
            var missing = c.Regions.Select(r => r.Name).Where(r => compute.KubectlLayerArnFor(r) is null).ToList();
            if (missing.Count > 0)
                sink.Add(at, $"the program ships no kubectl layer for {version} (regions {string.Join(", ", missing)} have no compute.kubectlLayerArns entry); use one of {shippable}, or publish a kubectl {version} layer per region and list it in compute.kubectlLayerArns");
        }
    }

    private static void ValidateAmiTypes(StackConfig c, DateOnly today, ProblemSink sink)
    {
        foreach (var (tierName, tier) in c.Sizing)
            foreach (var (groupName, group) in tier.NodeGroups)
            {
                var ami = EksAmiTypes.For(group.Gpu);
                if (EksAmiTypes.Find(ami) is { } row)
                    Check($"sizing.{tierName}.nodeGroups.{groupName}", $"node AMI type {ami}", "end of support", row.EndOfSupport, today,
                        row.Source, sink, "the program must move node groups to a current AMI type");
            }
    }

    /// <summary>Adds a problem or warning for one dated fact; returns its status.</summary>
    private static LifecycleStatus Check(string path, string what, string milestone, DateOnly? date, DateOnly today,
        string source, ProblemSink sink, string fix)
    {
        var status = LifecycleDates.StatusOf(date, today);
        if (status == LifecycleStatus.Refused)
            sink.Add(path, $"{what}: {milestone} was {LifecycleDates.Iso(date!.Value)} (checked on {LifecycleDates.Iso(today)}); AWS refuses it; {fix} (source: {source})");
        else if (status == LifecycleStatus.Soon)
            sink.Warn(path, $"{what}: {milestone} on {LifecycleDates.Iso(date!.Value)}, {date.Value.DayNumber - today.DayNumber} days after {LifecycleDates.Iso(today)}; {fix} (source: {source})");
        return status;
    }
}
