using MultiRegion.Infra.Model.Lifecycle;

namespace MultiRegion.Infra.Model.Tests.Lifecycle;

/// <summary>The lifecycle facts tables: every row sourced and dated, and the dates in a possible order.</summary>
public sealed class LifecycleFactsTests
{
    public static TheoryData<string, string, DateOnly> EveryRow()
    {
        var rows = new TheoryData<string, string, DateOnly>();
        foreach (var r in LambdaRuntimes.All) rows.Add($"lambda {r.Runtime}", r.Source, r.CheckedOn);
        foreach (var r in KubernetesVersions.All) rows.Add($"eks {r.Version}", r.Source, r.CheckedOn);
        foreach (var r in EksAmiTypes.All) rows.Add($"ami {r.AmiType}", r.Source, r.CheckedOn);
        foreach (var r in EngineVersions.All) rows.Add($"{r.Engine} {r.Version}", r.Source, r.CheckedOn);
        return rows;
    }

    [Theory]
    [MemberData(nameof(EveryRow))]
    public void Every_row_cites_a_public_url_and_the_day_it_was_checked(string row, string source, DateOnly checkedOn)
    {
        Assert.StartsWith("https://", source);
        Assert.True(checkedOn >= new DateOnly(2026, 11, 1), $"{row}: checked on {checkedOn}");
    }

    [Fact]
    public void Lambda_runtimes_are_deprecated_then_blocked_for_create_then_for_update()
    {
        Assert.All(LambdaRuntimes.All, r => Assert.True(r.Deprecated <= r.BlockCreate && r.BlockCreate <= r.BlockUpdate, r.Runtime));
        foreach (var runtime in new[] { "nodejs18.x", "nodejs20.x", "nodejs22.x", "python3.9", "python3.10", "python3.11", "python3.12", "python3.13" })
            Assert.NotNull(LambdaRuntimes.Find(runtime));
    }

    [Fact]
    public void Eks_versions_get_about_twelve_months_of_extended_support_after_standard_support()
    {
        foreach (var r in KubernetesVersions.All)
        {
            Assert.True(r.EndOfStandardSupport < r.EndOfExtendedSupport, r.Version);
            Assert.InRange(r.EndOfExtendedSupport.DayNumber - r.EndOfStandardSupport.DayNumber, 360, 370);
        }
    }

    [Theory]
    [InlineData("nodejs20.x", "nodejs22.x")]
    [InlineData("nodejs18.x", "nodejs22.x")]
    [InlineData("python3.11", "python3.13")]
    [InlineData("nodejs22.x", "nodejs22.x")]
    [InlineData("python3.12", "python3.12")]
    public void Runtimes_lambda_no_longer_creates_are_lifted_and_current_ones_kept(string runtime, string expected) =>
        Assert.Equal(expected, LambdaRuntimes.LiftedOn(runtime, new DateOnly(2026, 11, 22)));

    [Fact]
    public void The_lift_targets_are_creatable_for_more_than_the_warning_window_today()
    {
        var today = new DateOnly(2026, 11, 22);
        foreach (var target in new[] { LambdaRuntimes.NodeTarget, LambdaRuntimes.PythonTarget })
            Assert.Equal(LifecycleStatus.Current, LifecycleDates.StatusOf(LambdaRuntimes.Find(target)!.BlockCreate, today));
    }

    [Fact]
    public void Status_is_refused_on_the_date_a_warning_within_ninety_days_and_current_before()
    {
        var date = new DateOnly(2027, 3, 27);
        Assert.Equal(LifecycleStatus.Refused, LifecycleDates.StatusOf(date, date));
        Assert.Equal(LifecycleStatus.Soon, LifecycleDates.StatusOf(date, date.AddDays(-90)));
        Assert.Equal(LifecycleStatus.Current, LifecycleDates.StatusOf(date, date.AddDays(-91)));
        Assert.Equal(LifecycleStatus.Current, LifecycleDates.StatusOf(null, date));
    }

    [Fact]
    public void Node_groups_use_al2023_ami_types_that_eks_still_publishes_and_al2_is_retired()
    {
        var today = new DateOnly(2026, 11, 22);
        Assert.Equal("AL2023_x86_64_STANDARD", EksAmiTypes.For(gpu: false));
        Assert.Equal("AL2023_x86_64_NVIDIA", EksAmiTypes.For(gpu: true));
        foreach (var gpu in new[] { false, true })
            Assert.Equal(LifecycleStatus.Current, LifecycleDates.StatusOf(EksAmiTypes.Find(EksAmiTypes.For(gpu))!.EndOfSupport, today));
        Assert.Equal(LifecycleStatus.Refused, LifecycleDates.StatusOf(EksAmiTypes.Find("AL2_x86_64_GPU")!.EndOfSupport, today));
    }

    [Fact]
    public void The_shipped_kubernetes_version_is_the_newest_in_standard_support_with_a_kubectl_layer()
    {
        var today = new DateOnly(2026, 11, 22);
        var newest = KubernetesVersions.All
            .Where(r => r.KubectlLayerPackage is not null && LifecycleDates.StatusOf(r.EndOfStandardSupport, today) == LifecycleStatus.Current)
            .MaxBy(r => Version.Parse(r.Version))!;
        Assert.Equal("1.35", newest.Version);
        Assert.Equal("@aws-cdk/lambda-layer-kubectl-v35", newest.KubectlLayerPackage);
    }
}
