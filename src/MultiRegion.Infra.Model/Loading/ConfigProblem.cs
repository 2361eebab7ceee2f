namespace MultiRegion.Infra.Model.Loading;

/// <summary>One thing wrong with a stack config: where (file, line, document path) and which rule it breaks.</summary>
public sealed record ConfigProblem(string File, int? Line, string Path, string Message)
{
    public override string ToString()
    {
        var where = Line is { } l ? $"{File}:{l}" : File;
        return string.IsNullOrEmpty(Path) ? $"{where}: {Message}" : $"{where}: {Path}: {Message}";
    }
}

/// <summary>Thrown by the loader with every problem found, never just the first.</summary>
public sealed class ConfigException(IReadOnlyList<ConfigProblem> problems)
    : Exception($"{problems.Count} problem(s) in stack config:{System.Environment.NewLine}"
                + string.Join(System.Environment.NewLine, problems))
{
    public IReadOnlyList<ConfigProblem> Problems { get; } = problems;
}
