using System.Text.Json;
using System.Text.Json.Nodes;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Compute;

/// <summary>A synthesized regional template read as JSON, for assertions that sum or parse (manifests, Helm values).</summary>
internal sealed class SynthesizedJson
{
    private static readonly Dictionary<string, SynthesizedJson> Cache = new(StringComparer.Ordinal);

    public JsonObject Resources { get; }

    private SynthesizedJson(string path) =>
        Resources = JsonNode.Parse(File.ReadAllText(path))!["Resources"]!.AsObject();

    public static SynthesizedJson Regional(SynthesizedPlatform platform, string region)
    {
        var stack = platform.Platform.Regional[region];
        var path = Path.Combine(platform.Outdir, stack.TemplateFile);
        lock (Cache)
        {
            if (!Cache.TryGetValue(path, out var json))
                Cache[path] = json = new SynthesizedJson(path);
            return json;
        }
    }

    public IEnumerable<JsonObject> OfType(string type) =>
        Resources.Select(r => r.Value!.AsObject()).Where(r => (string?)r["Type"] == type).Select(r => r["Properties"]!.AsObject());

    /// <summary>Kubernetes objects applied through the cluster (manifests without tokens parse to objects; with tokens the text is searched).</summary>
    public IEnumerable<JsonObject> KubernetesObjects(string kind) =>
        OfType("Custom::AWSCDK-EKS-KubernetesResource")
            .Select(p => p["Manifest"]!)
            .Where(m => m.GetValueKind() == JsonValueKind.String)
            .SelectMany(m => JsonNode.Parse((string)m!)!.AsArray())
            .Select(o => o!.AsObject())
            .Where(o => (string?)o["kind"] == kind);

    /// <summary>Helm charts by chart name, with their values parsed when they hold no tokens.</summary>
    public JsonObject HelmChart(string chart) =>
        OfType("Custom::AWSCDK-EKS-HelmChart").Single(p => (string?)p["Chart"] == chart);

    public static JsonObject ValuesOf(JsonObject chart) => JsonNode.Parse((string)chart["Values"]!)!.AsObject();

    /// <summary>
    /// A property holding JSON text, possibly as an <c>Fn::Join</c> around tokens (which become <c>TOKEN</c>), parsed.
    /// With <paramref name="nameTokens"/>, an <c>Fn::GetAtt</c> token becomes <c>TOKEN:LogicalId</c>, so values taken
    /// from different resources stay apart.
    /// </summary>
    public static JsonNode ParseJoined(JsonNode property, bool nameTokens = false) => JsonNode.Parse(Text(property, nameTokens))!;

    private static string Text(JsonNode node, bool nameTokens) => node.GetValueKind() == JsonValueKind.String
        ? (string)node!
        : node["Fn::Join"] is { } join
            ? string.Concat(join[1]!.AsArray().Select(part => part!.GetValueKind() == JsonValueKind.String ? (string)part! : Token(part, nameTokens)))
            : "TOKEN";

    private static string Token(JsonNode part, bool nameTokens) =>
        nameTokens && part is JsonObject o && o["Fn::GetAtt"] is JsonArray getAtt ? $"TOKEN:{(string)getAtt[0]!}" : "TOKEN";
}
