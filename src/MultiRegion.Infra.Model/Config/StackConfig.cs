namespace MultiRegion.Infra.Model.Config;

/// <summary>
/// One stack config (<c>stacks/*.yaml</c>): everything the program deploys for one environment.
/// Immutable; produced only by <see cref="Loading.ConfigLoader"/>, which validates it once.
/// </summary>
public sealed record StackConfig(
    string App,
    string Environment,
    string Account,
    DnsConfig Dns,
    IReadOnlyList<RegionConfig> Regions,
    IReadOnlyDictionary<string, SizingTier> Sizing,
    NetworkConfig? Network = null,
    bool ProtectData = true,
    IReadOnlyDictionary<string, string>? Tags = null,
    ComputeConfig? Compute = null,
    DataConfig? Data = null,
    EdgeConfig? Edge = null,
    ObjectivesConfig? Objectives = null,
    AlertingConfig? Alerting = null,
    CostConfig? Cost = null,
    SecurityConfig? Security = null,
    RecoveryConfig? Recovery = null,
    ObservabilityConfig? Observability = null)
{
    /// <summary>Where the config was read from (set by the loader; used in messages).</summary>
    public string SourcePath { get; init; } = "";

    /// <summary>Settings the config left to the program, as the loader settled them (with the reason).</summary>
    public IReadOnlyList<Planning.Objectives.ObjectiveChoice> Choices { get; init; } = [];

    /// <summary>Every objective checked against the settings that will be deployed (all ok once loaded).</summary>
    public IReadOnlyList<Planning.Objectives.ObjectiveResult> ObjectiveResults { get; init; } = [];

    /// <summary>What loads but is risky (see <c>ProblemSink.Warn</c>), with file and line; printed and kept in plan.md.</summary>
    public IReadOnlyList<Loading.ConfigProblem> Warnings { get; init; } = [];

    public RegionConfig PrimaryRegion => Regions.Single(r => r.Role == RegionRole.Primary);

    public RegionConfig Region(string name) =>
        Regions.FirstOrDefault(r => r.Name == name)
        ?? throw new KeyNotFoundException($"region '{name}' is not in stack config '{App}-{Environment}'");

    /// <summary>The sizing tier a region uses: its own <c>sizing</c> name, else the one named after its role.</summary>
    public SizingTier SizingOf(RegionConfig region) => Sizing[region.SizingTier];

    public NetworkConfig NetworkSettings => Network ?? new NetworkConfig();

    public SecurityConfig SecuritySettings => Security ?? new SecurityConfig();

    /// <summary>Whether the metrics pipeline (Prometheus, AMP workspace, prometheus-adapter) is built.</summary>
    public bool ObservabilityOn => Compute is not null && Observability is { Enabled: true };

    /// <summary>Prefix of every stack and physical name: <c>app-environment</c>.</summary>
    public string Prefix => $"{App}-{Environment}";
}
