using System.Text.Json;

namespace MultiRegion.Infra.Composition;

/// <summary>One warning or error the CDK attached to a construct (stack metadata <c>aws:cdk:warning</c> / <c>aws:cdk:error</c>).</summary>
public sealed record CdkAnnotation(bool IsError, string Stack, string Path, string Message)
{
    public override string ToString() => $"cdk: {Stack}: {Path}: {Message}";
}

/// <summary>
/// Reads the CDK's annotations from a cloud assembly's manifest.json (each stack artifact's <c>metadata</c>, which also
/// holds its nested stacks' constructs). The CDK CLI prints these at synth; the main job prints them too, records
/// warnings in plan.md/plan.json and fails on errors.
/// </summary>
public static class CdkAnnotations
{
    public static IReadOnlyList<CdkAnnotation> Read(string assemblyDirectory)
    {
        var manifest = Path.Combine(assemblyDirectory, "manifest.json");
        if (!File.Exists(manifest)) return [];
        using var doc = JsonDocument.Parse(File.ReadAllBytes(manifest));
        var found = new List<CdkAnnotation>();
        if (!doc.RootElement.TryGetProperty("artifacts", out var artifacts)) return found;
        foreach (var artifact in artifacts.EnumerateObject())
        {
            if (!artifact.Value.TryGetProperty("metadata", out var metadata)) continue;
            foreach (var path in metadata.EnumerateObject())
                foreach (var entry in path.Value.EnumerateArray())
                {
                    var type = entry.TryGetProperty("type", out var t) ? t.GetString() : null;
                    if (type is not ("aws:cdk:warning" or "aws:cdk:error")) continue;
                    var data = entry.TryGetProperty("data", out var d) ? d.ValueKind == JsonValueKind.String ? d.GetString()! : d.GetRawText() : "";
                    found.Add(new CdkAnnotation(type == "aws:cdk:error", artifact.Name, path.Name, data));
                }
        }
        return found;
    }
}
