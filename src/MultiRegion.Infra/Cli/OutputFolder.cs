using MultiRegion.Infra.Model.Loading;

namespace MultiRegion.Infra.Cli;

/// <summary>
/// Where a run writes, and how it writes atomically: the app synthesizes into a staging folder beside the target and the
/// target is replaced only when everything succeeded, so a failed run leaves the previous output exactly as it was and
/// a successful one leaves nothing of an earlier config behind (no stale templates).
/// <list type="bullet">
/// <item>Standalone (<c>--output</c> or the default): the target folder is replaced whole (renamed aside, the staged
/// folder renamed in, the old one deleted). To never replace a folder of other files, the target must be new, empty,
/// or a cloud assembly (it holds a manifest.json).</item>
/// <item>Under the CDK CLI (<c>CDK_OUTDIR</c>): the CLI created that folder and reads it afterwards (and may keep its
/// lock files there), so the folder itself stays; only what a synthesis writes (templates, assets, manifest, plan
/// files) is removed from it and the staged files are moved in.</item>
/// </list>
/// </summary>
public sealed class OutputFolder
{
    private const string StagingMarker = ".staging-";

    public string Target { get; }

    /// <summary>True under the CDK CLI: keep the folder, replace its synthesized contents.</summary>
    public bool InPlace { get; }

    private OutputFolder(string target, bool inPlace) => (Target, InPlace) = (target, inPlace);

    /// <summary>Checks the folder a run would write to; throws <see cref="UsageException"/> with the reason.</summary>
    public static OutputFolder Resolve(string? option, string? cdkOutdir, string defaultFolder)
    {
        if (option is not null)
            return new OutputFolder(CheckStandalone(option, "--output"), inPlace: false);
        if (cdkOutdir is not null)
        {
            var dir = Full(cdkOutdir, "CDK_OUTDIR");
            if (File.Exists(dir)) throw new UsageException($"CDK_OUTDIR '{Echo.Of(cdkOutdir)}' is a file, not a folder");
            return new OutputFolder(dir, inPlace: true);
        }
        return new OutputFolder(CheckStandalone(defaultFolder, "the default output folder"), inPlace: false);
    }

    private static string Full(string value, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new UsageException($"{what} is empty; give a folder such as cdk.out");
        try
        {
            return Path.TrimEndingDirectorySeparator(Path.GetFullPath(value));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new UsageException($"{what} '{Echo.Of(value)}' is not a usable path: {Echo.Of(e.Message)}");
        }
    }

    private static string CheckStandalone(string value, string what)
    {
        var dir = Full(value, what);
        if (File.Exists(dir))
            throw new UsageException($"{what} '{Echo.Of(value)}' is a file, not a folder");
        for (var up = Path.GetDirectoryName(dir); up is not null; up = Path.GetDirectoryName(up))
        {
            if (File.Exists(up))
                throw new UsageException($"{what} '{Echo.Of(value)}' lies under '{Echo.Of(up)}', which is a file");
            if (Directory.Exists(up)) break;
        }
        if (Path.GetDirectoryName(dir) is null)
            throw new UsageException($"{what} '{Echo.Of(value)}' is the root of a drive; give a folder for the output");
        if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any() && !File.Exists(Path.Combine(dir, "manifest.json")))
            throw new UsageException(
                $"{what} '{Echo.Of(value)}' holds files and is not a cloud assembly (no manifest.json); the output folder is replaced whole, so give a new or empty folder");
        return dir;
    }

    /// <summary>Creates the staging folder beside the target (same file system, so the final move is a rename).</summary>
    public string CreateStage()
    {
        var parent = Path.GetDirectoryName(Target)!;
        var stage = Path.Combine(parent, $".{Path.GetFileName(Target)}{StagingMarker}{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(stage);
            var probe = Path.Combine(stage, ".write-test");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return stage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(stage);
            throw new UsageException($"cannot write the output beside '{Echo.Of(Target)}': {Echo.Of(e.Message)}");
        }
    }

    /// <summary>Puts the staged output in place of the target.</summary>
    public void Commit(string stage)
    {
        if (InPlace)
        {
            Directory.CreateDirectory(Target);
            foreach (var entry in Directory.EnumerateFileSystemEntries(Target).Where(IsSynthesized).ToList())
                Delete(entry);
            foreach (var entry in Directory.EnumerateFileSystemEntries(stage))
            {
                var to = Path.Combine(Target, Path.GetFileName(entry));
                if (Directory.Exists(entry)) Directory.Move(entry, to);
                else File.Move(entry, to, overwrite: true);
            }
            TryDelete(stage);
            return;
        }

        if (!Directory.Exists(Target))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Target)!);
            Directory.Move(stage, Target);
            return;
        }
        var previous = stage + ".previous";
        Directory.Move(Target, previous);
        try
        {
            Directory.Move(stage, Target);
        }
        catch
        {
            Directory.Move(previous, Target); // put the old output back
            throw;
        }
        TryDelete(previous);
    }

    /// <summary>Removes a staging folder of a failed run.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left behind with its ".staging-" name; it never replaces anything.
        }
    }

    /// <summary>What a synthesis writes into a cloud assembly folder (the CDK CLI's own files, such as locks, stay).</summary>
    private static bool IsSynthesized(string path)
    {
        var name = Path.GetFileName(path);
        return name is "manifest.json" or "cdk.out" or "tree.json" or "plan.json" or "plan.md"
            || name.EndsWith(".template.json", StringComparison.Ordinal)
            || name.EndsWith(".assets.json", StringComparison.Ordinal)
            || name.EndsWith(".metadata.json", StringComparison.Ordinal)
            || name.StartsWith("asset.", StringComparison.Ordinal);
    }

    private static void Delete(string path)
    {
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        else File.Delete(path);
    }
}
