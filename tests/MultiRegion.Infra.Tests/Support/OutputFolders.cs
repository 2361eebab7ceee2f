namespace MultiRegion.Infra.Tests.Support;

/// <summary>Output folders for main-job tests: an earlier run's output, and a snapshot to prove a run left it alone.</summary>
public static class OutputFolders
{
    /// <summary>A folder holding an earlier run's output (a cloud assembly), which a failed run must not touch.</summary>
    public static string PreviousOutput()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"fuzz-out-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(dir, "asset.abc"));
        File.WriteAllText(Path.Combine(dir, "manifest.json"), "{\"version\":\"36.0.0\",\"artifacts\":{}}");
        File.WriteAllText(Path.Combine(dir, "mlops-prod-global.template.json"), "{\"Resources\":{}}");
        File.WriteAllText(Path.Combine(dir, "asset.abc", "index.js"), "// earlier asset");
        return dir;
    }

    /// <summary>Every file under a folder with its size and modification time.</summary>
    public static string Snapshot(string dir) =>
        string.Join("\n", Directory.GetFileSystemEntries(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p => $"{Path.GetRelativePath(dir, p)} {(File.Exists(p) ? new FileInfo(p).Length : -1)} {File.GetLastWriteTimeUtc(p):O}"))
        + "\n" + string.Join(",", Directory.GetFileSystemEntries(Path.GetDirectoryName(dir)!, $".{Path.GetFileName(dir)}*")); // no staging left beside it
}
