namespace MultiRegion.Infra.Model.Loading;

/// <summary>Turns a <c>--stack</c> value (a name in <c>stacks/</c> or a path to a YAML file) into a file path.</summary>
public static class StackLocator
{
    public static string Resolve(string value, string workingDirectory)
    {
        if (value.EndsWith(".yaml", StringComparison.Ordinal) || value.EndsWith(".yml", StringComparison.Ordinal) || value.Contains('/'))
        {
            var path = Path.GetFullPath(value, workingDirectory);
            return File.Exists(path)
                ? path
                : throw new ConfigException([new ConfigProblem(value, null, "", "no such stack config file")]);
        }

        var stacksDir = FindStacksDirectory(workingDirectory)
            ?? throw new ConfigException([new ConfigProblem(value, null, "", $"no 'stacks/' folder in {workingDirectory} or above it; pass a path to a YAML file instead")]);
        foreach (var ext in new[] { ".yaml", ".yml" })
        {
            var candidate = Path.Combine(stacksDir, value + ext);
            if (File.Exists(candidate)) return candidate;
        }
        var known = Directory.GetFiles(stacksDir, "*.y*ml").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order().ToList();
        throw new ConfigException([new ConfigProblem(value, null, "",
            $"no stack config named '{value}' in {stacksDir} (known: {string.Join(", ", known)}){DidYouMean.Hint(value, known)}")]);
    }

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
