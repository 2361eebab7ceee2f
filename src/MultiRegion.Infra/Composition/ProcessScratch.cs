using System.Diagnostics;
using System.Globalization;

namespace MultiRegion.Infra.Composition;

/// <summary>
/// A temp folder of this process's own, removed when the process is done with it. Why: on every start the jsii
/// runtime writes a copy of itself and of every construct library tarball it loads (about 66 MB for this app:
/// aws-cdk-lib and the kubectl and awscli layer packages) to a new folder under the temp path and never removes it
/// (Amazon.JSII.Runtime's ResourceExtractor), and its Node.js kernel leaves a <c>jsii-kernel-*</c> folder too; the
/// tests' synthesized outputs went there as well. About 1,100 runs of the tests and the main job filled a 250 GB disk
/// on 2026-11-22. With <c>TMPDIR</c> pointed here before the first jsii call (.NET's <c>Path.GetTempPath</c> and
/// Node.js's <c>os.tmpdir()</c> both read it, and the Node.js processes inherit it), all of that lands in one folder
/// that <see cref="Remove"/> deletes. A process that dies before removing its folder leaves it behind; the next
/// start removes folders whose process is gone.
/// </summary>
public static class ProcessScratch
{
    private const string RootName = "multiregion-scratch";

    /// <summary>This process's folder, once <see cref="Use"/> ran.</summary>
    public static string? Folder { get; private set; }

    /// <summary>
    /// Makes this process's folder the temp path (idempotent). Call before the first CDK call. Where the folder
    /// cannot be made (a read-only temp path) the temp path stays as it was: the run goes on, leaking as before.
    /// </summary>
    public static string? Use()
    {
        if (Folder is not null) return Folder;
        try
        {
            var root = Path.Combine(Path.GetTempPath(), RootName);
            Directory.CreateDirectory(root);
            RemoveFoldersOfEndedProcesses(root);
            var folder = Path.Combine(root, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            Environment.SetEnvironmentVariable("TMPDIR", folder);
            return Folder = folder;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Deletes this process's folder. Best effort: a file still open elsewhere is left to the next start.</summary>
    public static void Remove()
    {
        if (Folder is null) return;
        TryDelete(Folder);
    }

    private static void RemoveFoldersOfEndedProcesses(string root)
    {
        foreach (var dir in Directory.EnumerateDirectories(root))
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && !IsAlive(pid))
                TryDelete(dir);
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another process (a Node.js kernel still exiting) may hold it; the next start tries again.
        }
    }
}
