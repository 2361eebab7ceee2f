using System.Globalization;

namespace MultiRegion.Infra.Model.Lifecycle;

/// <summary>An EKS Kubernetes minor version's support window and the kubectl layer the program ships for it.</summary>
/// <param name="Version">Minor version as the config names it, e.g. <c>"1.35"</c>.</param>
/// <param name="EndOfStandardSupport">After this date the cluster runs (and is billed) in extended support.</param>
/// <param name="EndOfExtendedSupport">From this date EKS refuses new clusters on the version and auto-upgrades old ones.</param>
/// <param name="KubectlLayerPackage">
/// npm package (in package.json) whose <c>lib/layer.zip</c> holds kubectl and helm of this minor; null when the
/// program does not ship one (a config on this version must name <c>compute.kubectlLayerArns</c> for every region).
/// </param>
public sealed record KubernetesVersionFacts(
    string Version, DateOnly EndOfStandardSupport, DateOnly EndOfExtendedSupport, string? KubectlLayerPackage,
    string Source, DateOnly CheckedOn);

/// <summary>
/// EKS Kubernetes release calendar. Source: https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html
/// (14 months of standard support, then 12 of extended; "You can create new Amazon EKS clusters on any version
/// offered in standard or extended support"). Dates as listed by https://endoflife.date/amazon-eks and the
/// aws-samples EKS operation review calendar (verified 2026-04-24), which copy AWS's release calendar.
/// Layers: <c>npm view @aws-cdk/lambda-layer-kubectl-v35 version</c> = 2.2.2 (kubectl 1.35.2, helm 4.1.3).
/// </summary>
public static class KubernetesVersions
{
    private const string Source = "https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html (release calendar)";
    private static readonly DateOnly Checked = new(2026, 11, 22);

    public static readonly IReadOnlyList<KubernetesVersionFacts> All =
    [
        Row("1.29", "2025-03-23", "2026-03-23"),
        Row("1.30", "2025-07-23", "2026-07-23"),
        Row("1.31", "2025-11-26", "2026-11-26"),
        Row("1.32", "2026-03-23", "2027-03-23"),
        Row("1.33", "2026-07-29", "2027-07-29"),
        Row("1.34", "2026-12-02", "2027-12-02"),
        Row("1.35", "2027-03-27", "2028-03-27", "@aws-cdk/lambda-layer-kubectl-v35"),
    ];

    public static KubernetesVersionFacts? Find(string version) => All.FirstOrDefault(r => r.Version == version);

    /// <summary>Versions a config may name on <paramref name="today"/> with the program's own kubectl layer.</summary>
    public static IReadOnlyList<string> Shippable(DateOnly today) =>
        All.Where(r => r.KubectlLayerPackage is not null
                       && LifecycleDates.StatusOf(r.EndOfExtendedSupport, today) != LifecycleStatus.Refused)
            .Select(r => r.Version).ToList();

    private static KubernetesVersionFacts Row(string version, string endStandard, string endExtended, string? layer = null) =>
        new(version, DateOnly.Parse(endStandard, CultureInfo.InvariantCulture), DateOnly.Parse(endExtended, CultureInfo.InvariantCulture),
            layer, Source, Checked);
}
