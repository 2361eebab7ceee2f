namespace MultiRegion.Infra.Tests.Shared;

/// <summary>
/// stacks/dev.yaml grown to N regions (the first primary, the rest secondary, weights summing to 100), data tier off,
/// with optional failover rows: the generated configs of issue 16 for the limits and growth tests.
/// Shared by both test projects (linked source).
/// </summary>
internal static class ManyRegionsVariant
{
    public static readonly string[] Names =
    [
        "us-west-2", "us-east-1", "eu-west-1", "eu-central-1", "ap-southeast-1",
        "ap-northeast-1", "us-east-2", "eu-west-2", "ap-south-1", "sa-east-1",
    ];

    /// <param name="devYaml">The text of stacks/dev.yaml.</param>
    /// <param name="count">How many regions (2..10).</param>
    /// <param name="singleRows">A failover row for every single failure (survivors' weights, the primary takes the rounding).</param>
    /// <param name="pairRows">A failover row for every pair too.</param>
    public static string Yaml(string devYaml, int count, bool singleRows = false, bool pairRows = false)
    {
        var names = Names.Take(count).ToList();
        var weights = names.Select((_, i) => i == 0 ? 100 - (count - 1) * (60 / (count - 1)) : 60 / (count - 1)).ToList();
        var regions = "regions:\n" + string.Concat(names.Select((r, i) =>
            $"  - name: {r}\n    role: {(i == 0 ? "primary" : "secondary")}\n    trafficWeight: {weights[i]}\n"
            + $"    availabilityZones: [{r}a, {r}b]\n    vpcCidr: 10.{100 + i * 10}.0.0/16\n"));
        var rows = new List<string>();
        void Row(IReadOnlyList<string> failed)
        {
            var surviving = names.Except(failed).ToList();
            var split = surviving.ToDictionary(r => r, r => weights[names.IndexOf(r)] * 100 / surviving.Sum(s => weights[names.IndexOf(s)]));
            split[surviving[0]] += 100 - split.Values.Sum();
            rows.Add($"      - {{ failed: [{string.Join(", ", failed)}], split: {{ {string.Join(", ", split.Select(kv => $"{kv.Key}: {kv.Value}"))} }} }}");
        }
        if (singleRows)
            foreach (var r in names)
                Row([r]);
        if (pairRows)
            for (var a = 0; a < count; a++)
                for (var b = a + 1; b < count && count > 2; b++)
                    Row([names[a], names[b]]);

        var lines = devYaml.Split('\n').ToList();
        var start = lines.FindIndex(l => l == "regions:");
        var end = start + 1;
        while (end < lines.Count && (lines[end].Length == 0 || lines[end][0] == ' ')) end++;
        lines.RemoveRange(start, end - start);
        lines.Insert(start, regions);
        var data = lines.FindIndex(l => l == "data:");
        if (data >= 0)
        {
            var dataEnd = data + 1;
            while (dataEnd < lines.Count && (lines[dataEnd].Length == 0 || lines[dataEnd][0] == ' ' || lines[dataEnd][0] == '#')) dataEnd++;
            lines.RemoveRange(data, dataEnd - data);
        }
        var failover = lines.FindIndex(l => l.StartsWith("    failover: []", StringComparison.Ordinal));
        if (rows.Count > 0)
            lines[failover] = "    failover:\n" + string.Join("\n", rows);
        return string.Join('\n', lines).Replace("environment: dev\n", $"environment: dev{count}\n", StringComparison.Ordinal);
    }
}
