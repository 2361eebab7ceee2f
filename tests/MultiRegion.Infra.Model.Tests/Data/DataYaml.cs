using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Loading;

namespace MultiRegion.Infra.Model.Tests.Data;

/// <summary>Shipped stack configs as text, to load them or derive broken variants for rule tests.</summary>
internal static class DataYaml
{
    private static readonly string Root = FindRoot();

    public static string Shipped(string name) => File.ReadAllText(Path.Combine(Root, "stacks", name + ".yaml"));

    public static StackConfig Load(string yaml) => ConfigLoader.Parse(yaml, "test.yaml");

    /// <summary>Parses text that must be rejected and returns the problems.</summary>
    public static IReadOnlyList<ConfigProblem> Problems(string yaml) =>
        Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "test.yaml")).Problems;

    /// <summary>Replaces exactly one occurrence, so a test cannot silently edit nothing.</summary>
    public static string ReplaceOnce(this string text, string from, string to)
    {
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{from}' not found");
        Assert.True(text.IndexOf(from, at + 1, StringComparison.Ordinal) < 0, $"'{from}' found more than once");
        return text[..at] + to + text[(at + from.Length)..];
    }

    /// <summary>A small valid two-region config whose data section is <paramref name="data"/>.</summary>
    public static string TwoRegions(string data, bool protectData = true, string cache = "{ nodeType: cache.r6g.large, replicasPerShard: 1 }") => $$"""
        app: shop
        environment: test
        account: "123456789012"
        protectData: {{(protectData ? "true" : "false")}}
        dns: { zoneName: shop.example.com, hostedZoneId: Z0000000000000000000 }
        regions:
          - { name: us-west-2, role: primary, trafficWeight: 50, availabilityZones: [us-west-2a, us-west-2b], vpcCidr: 10.1.0.0/16 }
          - { name: us-east-1, role: secondary, trafficWeight: 50, availabilityZones: [us-east-1a, us-east-1b], vpcCidr: 10.2.0.0/16 }
        sizing:
          primary:
            spotPercent: 0
            nodeGroups: { cpu: { instanceTypes: [c5.large], minSize: 1, desiredSize: 1, maxSize: 2 } }
            database: { instanceClass: db.r5.large, readReplicas: 1 }
            cache: {{cache}}
          secondary:
            spotPercent: 0
            nodeGroups: { cpu: { instanceTypes: [c5.large], minSize: 1, desiredSize: 1, maxSize: 2 } }
            database: { instanceClass: db.r5.large, readReplicas: 1 }
            cache: {{cache}}
        data:
        {{Indent(data)}}
        """;

    private static string Indent(string block) =>
        string.Join("\n", block.Replace("\r", "").Trim('\n').Split('\n').Select(l => "  " + l));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MultiRegion.Infra.sln")))
                return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
