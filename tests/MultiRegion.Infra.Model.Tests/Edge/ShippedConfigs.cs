using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Loading;

namespace MultiRegion.Infra.Model.Tests.Edge;

/// <summary>The shipped stack configs as text, and variants of them with one edit, for rule tests.</summary>
internal static class ShippedConfigs
{
    private static readonly string Stacks = FindStacks();

    public static string Text(string name) => File.ReadAllText(Path.Combine(Stacks, name + ".yaml"));

    public static StackConfig Load(string name) => ConfigLoader.Parse(Text(name), $"stacks/{name}.yaml");

    /// <summary>The shipped config with <paramref name="from"/> replaced by <paramref name="to"/> (which must occur once).</summary>
    public static string With(string name, string from, string to)
    {
        var text = Text(name);
        var at = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(at >= 0 && text.IndexOf(from, at + 1, StringComparison.Ordinal) < 0, $"'{from}' must occur exactly once in {name}.yaml");
        return text[..at] + to + text[(at + from.Length)..];
    }

    /// <summary>Every problem the loader reports for <paramref name="yaml"/> (fails when it loads).</summary>
    public static IReadOnlyList<ConfigProblem> Problems(string yaml)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "test.yaml"));
        return e.Problems;
    }

    /// <summary>Asserts one problem at <paramref name="path"/> whose message contains every fragment.</summary>
    public static void Rejects(string yaml, string path, params string[] fragments)
    {
        var problems = Problems(yaml);
        Assert.Contains(problems, p => p.Path == path && fragments.All(f => p.Message.Contains(f, StringComparison.Ordinal)));
    }

    private static string FindStacks()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MultiRegion.Infra.sln")))
                return Path.Combine(dir.FullName, "stacks");
        throw new InvalidOperationException("cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
