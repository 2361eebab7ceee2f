using System.Text.Json.Nodes;
using MultiRegion.Infra.Model.Lifecycle;

namespace MultiRegion.Infra.Composition;

/// <summary>A synthesized resource AWS would refuse on the run's date.</summary>
public sealed class LifecycleRefusalException(IReadOnlyList<string> refusals)
    : Exception($"{refusals.Count} synthesized resource(s) AWS would refuse:\n  " + string.Join("\n  ", refusals))
{
    public IReadOnlyList<string> Refusals { get; } = refusals;
}

/// <summary>
/// The lifecycle guard on synthesized templates: every <c>AWS::Lambda::Function</c> in every template of the
/// cloud assembly (nested ones too) must name a runtime in <see cref="LambdaRuntimes"/> that Lambda still creates
/// on the run's date. It reads the written templates, so it sees what a deploy would send, whatever emitted it.
/// </summary>
public static class LambdaRuntimeGuard
{
    public static IReadOnlyList<string> Refusals(string assemblyDirectory, DateOnly today)
    {
        var refusals = new List<string>();
        foreach (var file in Directory.EnumerateFiles(assemblyDirectory, "*.template.json").Order(StringComparer.Ordinal))
        {
            if (JsonNode.Parse(File.ReadAllText(file))?["Resources"] is not JsonObject resources)
                continue;
            foreach (var (id, resource) in resources)
            {
                if ((string?)resource?["Type"] != "AWS::Lambda::Function")
                    continue;
                var runtime = resource?["Properties"]?["Runtime"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
                if (runtime is null)
                    continue; // container-image functions have no runtime
                var where = $"{Path.GetFileName(file)}: {id}";
                if (LambdaRuntimes.Find(runtime) is not { } facts)
                    refusals.Add($"{where}: runtime '{runtime}' is not in the lifecycle table (Model/Lifecycle/LambdaRuntimes.cs); add its dates");
                else if (LifecycleDates.StatusOf(facts.BlockCreate, today) == LifecycleStatus.Refused)
                    refusals.Add($"{where}: runtime {runtime}: Lambda blocks function create since {LifecycleDates.Iso(facts.BlockCreate)} (checked on {LifecycleDates.Iso(today)}; source: {facts.Source})");
            }
        }
        return refusals;
    }
}
