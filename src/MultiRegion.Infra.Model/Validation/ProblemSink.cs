namespace MultiRegion.Infra.Model.Validation;

/// <summary>Collects rule violations by document path; the loader adds file and line.</summary>
public sealed class ProblemSink
{
    private readonly List<(string Path, string Message)> _items = [];

    public IReadOnlyList<(string Path, string Message)> Items => _items;

    public void Add(string path, string message) => _items.Add((path, message));

    /// <summary>Adds the problem when <paramref name="condition"/> is false; returns the condition.</summary>
    public bool Require(bool condition, string path, string message)
    {
        if (!condition) Add(path, message);
        return condition;
    }
}
