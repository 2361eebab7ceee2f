using System.Text.Json;
using Amazon.CDK;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Data;

/// <summary>A synthesized template read as JSON, for checks that walk every resource.</summary>
public sealed record TemplateJson(string StackName, JsonElement Root)
{
    private static readonly Dictionary<string, TemplateJson> Cache = new(StringComparer.Ordinal);

    public static TemplateJson Of(SynthesizedPlatform platform, Stack stack)
    {
        var path = Path.Combine(platform.Outdir, stack.TemplateFile);
        lock (Cache)
        {
            if (!Cache.TryGetValue(path, out var t))
                Cache[path] = t = new TemplateJson(stack.StackName, JsonDocument.Parse(File.ReadAllText(path)).RootElement);
            return t;
        }
    }

    public IEnumerable<(string LogicalId, JsonElement Resource)> Resources =>
        Root.TryGetProperty("Resources", out var r) ? r.EnumerateObject().Select(p => (p.Name, p.Value)) : [];

    public IEnumerable<(string LogicalId, JsonElement Resource)> OfType(string type) =>
        Resources.Where(r => r.Resource.GetProperty("Type").GetString() == type);

    public static JsonElement? Prop(JsonElement resource, string name) =>
        resource.TryGetProperty("Properties", out var p) && p.TryGetProperty(name, out var v) ? v : null;

    public static string? Str(JsonElement resource, string name) =>
        Prop(resource, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;
}
