namespace MultiRegion.Infra.Model.Loading;

/// <summary>One thing wrong with a stack config: where (file, line, document path) and which rule it breaks.</summary>
/// <remarks>Quoted values longer than <see cref="Echo.MaxChars"/> are shortened here, whichever rule quoted them.</remarks>
public sealed record ConfigProblem(string File, int? Line, string Path, string Message)
{
    public string Path { get; init; } = Echo.Of(Path);

    public string Message { get; init; } = ShortenQuotes(Message);

    private static string ShortenQuotes(string message)
    {
        if (message.Length <= 2 * Echo.MaxChars) return message;
        var shortened = System.Text.RegularExpressions.Regex.Replace(
            message, "'([^']{" + (Echo.MaxChars + 1) + ",})'", m => $"'{Echo.Of(m.Groups[1].Value)}'");
        return shortened.Length <= 10 * Echo.MaxChars ? shortened : Echo.Of(shortened[..(10 * Echo.MaxChars)]) + "...";
    }

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
