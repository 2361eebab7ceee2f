namespace MultiRegion.Infra.Tests.Shared;

/// <summary>
/// stacks/prod.yaml grown to four regions (40/30/20/10, eu-central-1 added) with failover rows for every single
/// failure, for tests that show the failover planner and record tree are not specific to three regions.
/// Shared by both test projects (linked source).
/// </summary>
internal static class FourRegionVariant
{
    /// <param name="prodYaml">The text of stacks/prod.yaml.</param>
    /// <param name="extraRows">More failover rows, each a full YAML list line.</param>
    public static string Yaml(string prodYaml, params string[] extraRows)
    {
        var yaml = Replace(prodYaml, "trafficWeight: 60", "trafficWeight: 40");
        yaml = Replace(yaml, "trafficWeight: 10\n", "trafficWeight: 20\n");
        yaml = Replace(yaml, "{ us-east-1: 80, eu-west-1: 20 }", "{ us-east-1: 70, eu-west-1: 20, eu-central-1: 10 }");
        yaml = Replace(yaml, "{ us-west-2: 80, eu-west-1: 20 }", "{ us-west-2: 70, eu-west-1: 20, eu-central-1: 10 }");
        yaml = Replace(yaml, "      - { failed: [eu-west-1], split: { us-west-2: 70, us-east-1: 30 } }\n",
            "      - { failed: [eu-west-1], split: { us-west-2: 70, us-east-1: 20, eu-central-1: 10 } }\n"
            + "      - { failed: [eu-central-1], split: { us-west-2: 50, us-east-1: 30, eu-west-1: 20 } }\n"
            + string.Concat(extraRows.Select(r => r + "\n")));
        yaml = Replace(yaml, "\nnetwork:\n", """

              - name: eu-central-1
                role: tertiary
                trafficWeight: 10
                availabilityZones: [eu-central-1a, eu-central-1b]
                vpcCidr: 10.40.0.0/16

            network:

            """);
        // A Global Datastore spans at most 3 regions, and the objectives name the shipped regions: this routing
        // variant leaves both out (and the cost assumptions, which name the data section's buckets).
        // Without a data tier its alarms have nothing to watch (the loader refuses them), so they go too.
        var routing = WithoutSection(WithoutSection(WithoutSection(yaml, "data"), "objectives"), "cost");
        return string.Join("\n", routing.Split('\n').Where(line =>
            !line.Contains("databaseReplicationLag:", StringComparison.Ordinal)
            && !line.Contains("cacheReplicationLag:", StringComparison.Ordinal)
            && !line.Contains("storageReplication", StringComparison.Ordinal)));
    }

    private static string Replace(string text, string find, string replace) =>
        text.Contains(find, StringComparison.Ordinal)
            ? text.Replace(find, replace, StringComparison.Ordinal)
            : throw new InvalidOperationException($"stacks/prod.yaml no longer contains '{find.Trim()}': update FourRegionVariant");

    /// <summary>Drops one top-level section (its key line and indented body).</summary>
    private static string WithoutSection(string yaml, string key)
    {
        var lines = yaml.Split('\n').ToList();
        var start = lines.FindIndex(l => l == key + ":");
        if (start < 0) return yaml;
        var end = start + 1;
        while (end < lines.Count && (lines[end].Length == 0 || lines[end][0] == ' ' || lines[end][0] == '#')) end++;
        lines.RemoveRange(start, end - start);
        return string.Join('\n', lines);
    }
}
