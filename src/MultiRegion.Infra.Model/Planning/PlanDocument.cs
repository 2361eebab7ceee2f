using System.Text.Json;
using System.Text.Json.Serialization;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning;

/// <summary>A region as the plan reports it.</summary>
public sealed record PlanRegion(string Name, string Role, int Weight, string Sizing);

/// <summary>A synthesized stack: where it goes and how many resources it holds (top-level template).</summary>
public sealed record PlanStack(string Name, string Region, int ResourceCount, IReadOnlyDictionary<string, int> ResourcesByType);

/// <summary>
/// A failure scenario and the split the weighted name gives in it (from <see cref="FailoverPlanner"/>): exact for a
/// configured row; otherwise Route53's proportional split, rounded here to whole percents.
/// </summary>
public sealed record PlanFailoverRow(IReadOnlyList<string> Failed, IReadOnlyDictionary<string, int> Split, bool Configured = true)
{
    public static IReadOnlyList<PlanFailoverRow>? Of(StackConfig c) =>
        c.Edge is null ? null : FailoverPlanner.Plan(c).Failures.Select(s => new PlanFailoverRow(s.Failed, s.Split, s.Configured)).ToList();
}

/// <summary>
/// <c>plan.json</c>: the machine-readable plan written beside the templates. Sections are added by the
/// concerns that compute them (failover, objectives, ...); each is null when the config has none.
/// </summary>
public sealed record PlanDocument(
    string App,
    string Environment,
    string Source,
    IReadOnlyList<PlanRegion> Regions,
    IReadOnlyList<PlanStack> Stacks,
    IReadOnlyList<PlanFailoverRow>? Failover = null)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        // An unbounded budget term (S3 replication without RTC) is written as "Infinity".
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Data stores, replication and RPO-relevant settings; null when the config has no data section.</summary>
    public PlanData? Data { get; init; }

    public static IReadOnlyList<PlanRegion> RegionsOf(StackConfig c) =>
        c.Regions.Select(r => new PlanRegion(r.Name, r.RoleName, r.TrafficWeight, r.SizingTier)).ToList();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Node groups per region and tier with their spot/on-demand split; null without a compute section.</summary>
    public IReadOnlyList<PlanComputeRegion>? Compute { get; init; }

    /// <summary>Warnings from loading the config (file:line: path: message); empty when there are none.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Severities, alarms and routes; null when the config has no alerting section.</summary>
    public Alerting.PlanAlerts? Alerts { get; init; }

    /// <summary>Environments to bootstrap and quotas to raise before the first deploy.</summary>
    public FirstDeploy.FirstDeployChecklist? FirstDeploy { get; init; }
    /// <summary>Global Accelerator and its endpoint groups; null when the config has none.</summary>
    public PlanAccelerator? Accelerator { get; init; }

    /// <summary>Objectives with their budgets and the settings chosen to keep them; null when the config has none.</summary>
    public Objectives.PlanObjectives? Objectives { get; init; }

    /// <summary>The monthly cost estimate: lines, totals per region and service, assumptions (see <c>Cost.CostSection</c>).</summary>
    public Cost.PlanCost? Cost { get; init; }
    /// <summary>Runbooks, trigger and the disaster-recovery matrix; null when the config has no recovery section.</summary>
    public Recovery.PlanRecovery? Recovery { get; init; }
}
