using System.Text.Json;

namespace MultiRegion.Infra.Output;

/// <summary>Counts the resources of a synthesized template by type (top-level template; nested stacks count as one).</summary>
public static class TemplateSummary
{
    public static IReadOnlyDictionary<string, int> ResourcesByType(string templatePath)
    {
        using var stream = File.OpenRead(templatePath);
        using var doc = JsonDocument.Parse(stream);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        if (doc.RootElement.TryGetProperty("Resources", out var resources))
            foreach (var resource in resources.EnumerateObject())
            {
                var type = resource.Value.GetProperty("Type").GetString() ?? "?";
                counts[type] = counts.GetValueOrDefault(type) + 1;
            }
        return counts;
    }
}
