namespace MultiRegion.Infra.Model.Loading;

/// <summary>Turns a <c>--stack</c> value (a name in <c>stacks/</c> or a path to a YAML file) into a file path.</summary>
public static class StackLocator
{
    public static string Resolve(string value, string workingDirectory)
    {
        var shown = Echo.Of(value);
        string full;
        try
        {
            full = Path.GetFullPath(value, workingDirectory);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new ConfigException([new ConfigProblem(shown, null, "", $"not a usable file name: {Echo.Of(e.Message)}")]);
        }
        if (Directory.Exists(full))
            throw new ConfigException([new ConfigProblem(shown, null, "",
                $"is a folder; --stack takes a YAML file or a name in stacks/{KnownList(workingDirectory)}")]);

        var stacksDir = FindStacksDirectory(workingDirectory);
        if (value.EndsWith(".yaml", StringComparison.Ordinal) || value.EndsWith(".yml", StringComparison.Ordinal) || value.Contains('/'))
        {
            if (File.Exists(full)) return full;
            throw new ConfigException([new ConfigProblem(shown, null, "", $"no such stack config file{PathHint(value, stacksDir, workingDirectory)}")]);
        }

        if (stacksDir is null)
            throw new ConfigException([new ConfigProblem(shown, null, "", $"no 'stacks/' folder in {workingDirectory} or above it; pass a path to a YAML file instead")]);
        foreach (var ext in new[] { ".yaml", ".yml" })
        {
            var candidate = Path.Combine(stacksDir, value + ext);
            if (File.Exists(candidate)) return candidate;
        }
        var known = Known(stacksDir);
        throw new ConfigException([new ConfigProblem(shown, null, "",
            $"no stack config named '{shown}' in {stacksDir} (known: {string.Join(", ", known)}){DidYouMean.Hint(value, known)}")]);
    }

    /// <summary>
    /// For a path that does not exist: the stack config it most likely means (<c>stacks/prod.yml</c>, <c>prod.yaml</c>
    /// run from the root, a misspelt name), as a did-you-mean with the path relative to the working directory.
    /// </summary>
    private static string PathHint(string value, string? stacksDir, string workingDirectory)
    {
        if (stacksDir is null) return "";
        var stem = Path.GetFileNameWithoutExtension(value.TrimEnd('/'));
        var known = Known(stacksDir);
        var match = known.FirstOrDefault(k => k == stem) ?? DidYouMean.Suggest(stem, known);
        if (match is null) return $" (known in {Path.GetRelativePath(workingDirectory, stacksDir)}/: {string.Join(", ", known)})";
        var file = Directory.GetFiles(stacksDir, match + ".y*ml").Order().First();
        return $" (did you mean '{Path.GetRelativePath(workingDirectory, file)}', or simply --stack {match}?)";
    }

    private static string KnownList(string workingDirectory) =>
        FindStacksDirectory(workingDirectory) is { } dir ? $" ({string.Join(", ", Known(dir))})" : "";

    private static List<string> Known(string stacksDir) =>
        Directory.GetFiles(stacksDir, "*.y*ml").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order().ToList();

    /// <summary>The nearest <c>stacks/</c> folder at or above the directory, so the app runs from any folder of the repo.</summary>
    public static string? FindStacksDirectory(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "stacks");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
