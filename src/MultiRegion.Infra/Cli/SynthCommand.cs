using System.Diagnostics;
using System.Text.Json;
using MultiRegion.Infra.Composition;
using MultiRegion.Infra.Model.Loading;
using MultiRegion.Infra.Output;

namespace MultiRegion.Infra.Cli;

/// <summary>
/// The main job: load and validate a stack config, synthesize every stack offline, write plan.json and plan.md.
/// One error path: whatever goes wrong ends with exit 2 (bad config, arguments or environment) or 1 (a failure of the
/// program itself), one line per problem and no stack trace unless <c>--debug</c> or MULTIREGION_DEBUG=1 asks.
/// Output is atomic (<see cref="OutputFolder"/>): a failed run leaves the previous output exactly as it was.
/// </summary>
public static class SynthCommand
{
    public const int Ok = 0, Failed = 1, BadInput = 2;

    /// <param name="environment">Reads an environment variable (tests pass their own; default: the process's).</param>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var debug = args.Contains("--debug") || environment(CommandLine.DebugVariable) is "1" or "true";
        try
        {
            return RunChecked(args, stdout, stderr, environment);
        }
        catch (ConfigException e)
        {
            foreach (var problem in e.Problems) stderr.WriteLine($"error: {problem}");
            stderr.WriteLine($"{e.Problems.Count} problem(s); nothing was written.");
            return BadInput;
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            stderr.WriteLine("nothing was written.");
            return BadInput;
        }
        catch (Exception e)
        {
            // A failure of the program (or a CDK refusal the loader should have caught): one line, the trace on request.
            var first = (e.Message.Split('\n', 2)[0]).Trim();
            stderr.WriteLine($"error: unexpected failure: {e.GetType().Name}: {Echo.Of(first)}");
            if (debug) stderr.WriteLine(e.ToString());
            else stderr.WriteLine($"(run with --debug or {CommandLine.DebugVariable}=1 for the stack trace)");
            stderr.WriteLine("the output folder was left as it was.");
            return Failed;
        }
    }

    private static int RunChecked(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Func<string, string?> environment)
    {
        var (line, error) = CommandLine.Parse(args);
        if (line is null)
        {
            stderr.WriteLine($"error: {error}");
            stderr.WriteLine(CommandLine.Usage);
            return BadInput;
        }
        if (line.Help)
        {
            stdout.WriteLine(CommandLine.Usage);
            return Ok;
        }

        // Under the CDK CLI the output folder and the context come from the environment, and stdout belongs to the
        // CLI (`cdk synth > t.yaml`, `cdk ls`): the summary goes to stderr.
        var cdkOutdir = environment("CDK_OUTDIR");
        var summary = cdkOutdir is null ? stdout : stderr;
        var stackName = line.Stack ?? ContextValue(environment("CDK_CONTEXT_JSON"), "stack");
        if (stackName is null)
        {
            stderr.WriteLine("error: no stack config given: pass --stack <name> (or -c stack=<name> under the CDK CLI)");
            stderr.WriteLine(CommandLine.Usage);
            return BadInput;
        }

        var watch = Stopwatch.StartNew();
        var cwd = Directory.GetCurrentDirectory();
        var path = StackLocator.Resolve(stackName, cwd);
        var shown = Path.GetRelativePath(cwd, path);
        // The CDK CLI runs the app the same way for synth, diff and deploy; the deploy workflow says which by
        // MULTIREGION_DEPLOY=1, so placeholders fail the deploy while offline synthesis keeps working with them.
        var forDeploy = line.ForDeploy || Environment.GetEnvironmentVariable("MULTIREGION_DEPLOY") == "1";
        var config = ConfigLoader.Load(path, shown, forDeploy: forDeploy) with { SourcePath = shown };
        var output = OutputFolder.Resolve(line.Output, cdkOutdir, DefaultOutput(cwd, path));

        foreach (var warning in config.Warnings) stderr.WriteLine($"warning: {warning}");

        var stage = output.CreateStage();
        try
        {
            SynthResult result;
            try
            {
                result = PlatformSynthesizer.Synthesize(config, stage);
            }
            catch (LifecycleRefusalException e)
            {
                foreach (var refusal in e.Refusals) stderr.WriteLine($"error: {refusal}");
                stderr.WriteLine("nothing was written: the output folder was left as it was.");
                return BadInput;
            }
            catch (Exception e) when (e.Message.Contains("is greater than allowed maximum of 500", StringComparison.Ordinal))
            {
                // Safety net behind LimitsPlanner (which refuses the global stack at load): the CDK checks CloudFormation's
                // 500 resources per template while synthesizing; that is the config's size, not a program fault.
                stderr.WriteLine($"error: {e.Message} (CloudFormation allows 500 resources per template: fewer regions, failover rows or stores)");
                stderr.WriteLine("nothing was written: the output folder was left as it was.");
                return BadInput;
            }
            foreach (var a in result.Annotations)
                stderr.WriteLine($"{(a.IsError ? "error" : "warning")}: {a}"); // the CDK's own words, in full
            var errors = result.Annotations.Count(a => a.IsError);
            if (errors > 0)
            {
                stderr.WriteLine($"the CDK reported {errors} error(s); the output folder was left as it was.");
                return Failed;
            }
            var plan = PlanWriter.Write(config, result, stage);
            PhaseTimings.End("plan.json and plan.md");
            output.Commit(stage);
            PhaseTimings.End("output folder");

            summary.WriteLine($"Synthesized {config.Prefix} from {config.SourcePath} in {watch.Elapsed.TotalSeconds:0.0} s:");
            foreach (var s in plan.Stacks)
                summary.WriteLine($"  {s.Name,-40} {s.Region,-16} {s.ResourceCount,4} resources");
            summary.WriteLine("Resources by type:");
            foreach (var (type, count) in plan.Stacks.SelectMany(s => s.ResourcesByType)
                         .GroupBy(kv => kv.Key).Select(g => (g.Key, g.Sum(kv => kv.Value))).OrderByDescending(x => x.Item2).ThenBy(x => x.Key))
                summary.WriteLine($"  {count,4} {type}");
            summary.WriteLine($"Templates in {output.Target}; plan in {Path.Combine(output.Target, "plan.json")} and {Path.Combine(output.Target, "plan.md")}");
            return Ok;
        }
        finally
        {
            OutputFolder.TryDelete(stage);
        }
    }

    /// <summary>
    /// cdk.out at the repository root (the folder holding <c>stacks/</c>, searched from the working directory up), so
    /// running from a subfolder does not scatter outputs; outside a repository, beside the config file.
    /// </summary>
    internal static string DefaultOutput(string workingDirectory, string configPath)
    {
        var stacks = StackLocator.FindStacksDirectory(workingDirectory);
        var root = stacks is not null ? Path.GetDirectoryName(stacks)! : Path.GetDirectoryName(configPath)!;
        return Path.Combine(root, "cdk.out");
    }

    private static string? ContextValue(string? json, string key)
    {
        if (string.IsNullOrEmpty(json)) return null;
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new UsageException($"CDK_CONTEXT_JSON is not valid JSON ({Echo.Of(e.Message)}); it should be an object such as {{\"stack\":\"prod\"}}");
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                throw new UsageException($"CDK_CONTEXT_JSON must be a JSON object, got {doc.RootElement.ValueKind.ToString().ToLowerInvariant()}");
            if (!doc.RootElement.TryGetProperty(key, out var v)) return null;
            return v.ValueKind == JsonValueKind.String
                ? v.GetString()
                : throw new UsageException($"context '{key}' must be text (-c {key}=prod), got {Echo.Of(v.GetRawText())}");
        }
    }
}
