namespace MultiRegion.Infra.Model.Validation;

/// <summary>Collects rule violations by document path; the loader adds file and line.</summary>
public sealed class ProblemSink
{
    private readonly List<(string Path, string Message)> _items = [];
    private readonly List<(string Path, string Message)> _warnings = [];

    /// <summary>What AWS or the CDK would refuse: the config is rejected.</summary>
    public IReadOnlyList<(string Path, string Message)> Items => _items;

    /// <summary>
    /// What is only risky (a retirement date within 90 days, a soft quota nearly reached, a placeholder left in):
    /// the config loads, the main job prints each one and plan.md records it.
    /// </summary>
    public IReadOnlyList<(string Path, string Message)> Warnings => _warnings;

    public void Add(string path, string message) => _items.Add((path, message));

    public void Warn(string path, string message) => _warnings.Add((path, message));

    /// <summary>Adds the problem when <paramref name="condition"/> is false; returns the condition.</summary>
    public bool Require(bool condition, string path, string message)
    {
        if (!condition) Add(path, message);
        return condition;
    }
}
