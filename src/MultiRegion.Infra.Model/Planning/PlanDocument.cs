using System.Text.Json;
using System.Text.Json.Serialization;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning;

/// <summary>A region as the plan reports it.</summary>
public sealed record PlanRegion(string Name, string Role, int Weight, string Sizing);

/// <summary>A synthesized stack: where it goes and how many resources it holds (top-level template).</summary>
public sealed record PlanStack(string Name, string Region, int ResourceCount, IReadOnlyDictionary<string, int> ResourcesByType);

/// <summary>
/// <c>plan.json</c>: the machine-readable plan written beside the templates. Sections are added by the
/// concerns that compute them (failover, objectives, ...); each is null when the config has none.
/// </summary>
public sealed record PlanDocument(
    string App,
    string Environment,
    string Source,
    IReadOnlyList<PlanRegion> Regions,
    IReadOnlyList<PlanStack> Stacks)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static IReadOnlyList<PlanRegion> RegionsOf(StackConfig c) =>
        c.Regions.Select(r => new PlanRegion(r.Name, r.RoleName, r.TrafficWeight, r.SizingTier)).ToList();

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Node groups per region and tier with their spot/on-demand split; null without a compute section.</summary>
    public IReadOnlyList<PlanComputeRegion>? Compute { get; init; }
}
