using System.Text.Json;
using System.Text.Json.Nodes;
using MultiRegion.Infra.Regional.Data;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Data;

/// <summary>
/// The committed lock of stateful logical ids: shipped config, then stack, then logical id and type.
/// A stateful resource whose logical id changes is deleted and recreated by CloudFormation (with its data).
/// </summary>
public static class StatefulLock
{
    public const string FileName = "stateful-logical-ids.lock.json";
    public const string UpdateVariable = "UPDATE_STATEFUL_LOCK";
    public static readonly IReadOnlyList<string> Configs = ["prod", "videochat", "dev", "global"];

    public static string Path => System.IO.Path.Combine(RepoPaths.Root, FileName);

    public static string HowToUpdate =>
        $"If the change is deliberate (you moved the data, or the resource is meant to go), update the lock: " +
        $"`{UpdateVariable}=1 dotnet test --filter FullyQualifiedName~StatefulLogicalIdLock` and commit {FileName} with the change, " +
        "saying in the commit why. Otherwise keep the construct id and scope (or use overrideLogicalId) so the logical id stays.";

    /// <summary>Stack name, then logical id to type, of every stateful resource of a synthesized platform.</summary>
    public static SortedDictionary<string, SortedDictionary<string, string>> Current(SynthesizedPlatform platform)
    {
        var result = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (_, stack) in platform.Platform.Stacks)
        {
            var ids = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (id, resource) in TemplateJson.Of(platform, stack).Resources)
            {
                var type = resource.GetProperty("Type").GetString()!;
                if (StatefulResources.Types.Contains(type)) ids[id] = type;
            }
            result[stack.StackName] = ids;
        }
        return result;
    }

    public static Dictionary<string, SortedDictionary<string, SortedDictionary<string, string>>> Read()
    {
        var result = new Dictionary<string, SortedDictionary<string, SortedDictionary<string, string>>>(StringComparer.Ordinal);
        if (!File.Exists(Path)) return result;
        var root = JsonNode.Parse(File.ReadAllText(Path))!.AsObject();
        foreach (var (config, stacks) in root)
        {
            if (config.StartsWith('_')) continue;
            var byStack = new SortedDictionary<string, SortedDictionary<string, string>>(StringComparer.Ordinal);
            foreach (var (stack, ids) in stacks!.AsObject())
                byStack[stack] = new SortedDictionary<string, string>(
                    ids!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<string>()), StringComparer.Ordinal);
            result[config] = byStack;
        }
        return result;
    }

    public static void Write(IReadOnlyDictionary<string, SortedDictionary<string, SortedDictionary<string, string>>> locks)
    {
        var root = new JsonObject
        {
            ["_comment"] = "Logical ids of stateful resources per shipped config and stack. Checked by StatefulLogicalIdLockTests; " +
                           $"regenerate only deliberately: {UpdateVariable}=1 dotnet test --filter FullyQualifiedName~StatefulLogicalIdLock",
        };
        foreach (var config in locks.Keys.Order(StringComparer.Ordinal))
        {
            var stacks = new JsonObject();
            foreach (var (stack, ids) in locks[config])
            {
                var obj = new JsonObject();
                foreach (var (id, type) in ids) obj[id] = type;
                stacks[stack] = obj;
            }
            root[config] = stacks;
        }
        File.WriteAllText(Path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }

    /// <summary>Differences between the lock and the current templates of one config, as messages; empty when they agree.</summary>
    public static IReadOnlyList<string> Compare(
        string config,
        IReadOnlyDictionary<string, SortedDictionary<string, string>> locked,
        IReadOnlyDictionary<string, SortedDictionary<string, string>> current)
    {
        var problems = new List<string>();
        foreach (var (stack, ids) in locked)
        {
            current.TryGetValue(stack, out var now);
            foreach (var (id, type) in ids)
                if (now is null || !now.ContainsKey(id))
                    problems.Add($"{config}: {stack}: {type} '{id}' is locked but no longer in the template: " +
                                 "a renamed construct or stack would make CloudFormation create a new one and delete (or orphan) this one with its data.");
                else if (now[id] != type)
                    problems.Add($"{config}: {stack}: '{id}' was {type} and is now {now[id]}.");
        }
        foreach (var (stack, ids) in current)
        {
            locked.TryGetValue(stack, out var before);
            foreach (var (id, type) in ids)
                if (before is null || !before.ContainsKey(id))
                    problems.Add($"{config}: {stack}: {type} '{id}' is new and not in the lock (if it replaces a locked one, its data does not move with it).");
        }
        return problems;
    }
}
