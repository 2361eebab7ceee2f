using System.Diagnostics;
using System.Text.Json;
using MultiRegion.Infra.Composition;
using MultiRegion.Infra.Model.Loading;
using MultiRegion.Infra.Output;

namespace MultiRegion.Infra.Cli;

/// <summary>
/// The main job: load and validate a stack config, synthesize every stack offline, write plan.json and plan.md.
/// Input problems exit with 2 before anything is written.
/// </summary>
public static class SynthCommand
{
    public const int Ok = 0, Failed = 1, BadInput = 2;

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
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

        // Under the CDK CLI the output folder and the context come from the environment.
        var cdkOutdir = Environment.GetEnvironmentVariable("CDK_OUTDIR");
        var stackName = line.Stack ?? ContextValue("stack");
        if (stackName is null)
        {
            stderr.WriteLine("error: no stack config given: pass --stack <name> (or -c stack=<name> under the CDK CLI)");
            stderr.WriteLine(CommandLine.Usage);
            return BadInput;
        }

        var watch = Stopwatch.StartNew();
        Model.Config.StackConfig config;
        try
        {
            var path = StackLocator.Resolve(stackName, Directory.GetCurrentDirectory());
            var shown = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
            config = ConfigLoader.Load(path, shown) with { SourcePath = shown };
        }
        catch (ConfigException e)
        {
            foreach (var problem in e.Problems) stderr.WriteLine($"error: {problem}");
            stderr.WriteLine($"{e.Problems.Count} problem(s); nothing was written.");
            return BadInput;
        }

        foreach (var warning in config.Warnings) stderr.WriteLine($"warning: {warning}");

        var outdir = Path.GetFullPath(line.Output ?? cdkOutdir ?? "cdk.out");
        SynthResult result;
        try
        {
            result = PlatformSynthesizer.Synthesize(config, outdir);
        }
        catch (LifecycleRefusalException e)
        {
            foreach (var refusal in e.Refusals) stderr.WriteLine($"error: {refusal}");
            return BadInput;
        }
        catch (Exception e) when (e.Message.Contains("is greater than allowed maximum of 500", StringComparison.Ordinal))
        {
            // Safety net behind LimitsPlanner (which refuses the global stack at load): the CDK checks CloudFormation's
            // 500 resources per template while synthesizing; that is the config's size, not a program fault.
            stderr.WriteLine($"error: {e.Message} (CloudFormation allows 500 resources per template: fewer regions, failover rows or stores)");
            return BadInput;
        }
        var plan = PlanWriter.Write(config, result, outdir);

        stdout.WriteLine($"Synthesized {config.Prefix} from {config.SourcePath} in {watch.Elapsed.TotalSeconds:0.0} s:");
        foreach (var s in plan.Stacks)
            stdout.WriteLine($"  {s.Name,-40} {s.Region,-16} {s.ResourceCount,4} resources");
        stdout.WriteLine("Resources by type:");
        foreach (var (type, count) in plan.Stacks.SelectMany(s => s.ResourcesByType)
                     .GroupBy(kv => kv.Key).Select(g => (g.Key, g.Sum(kv => kv.Value))).OrderByDescending(x => x.Item2).ThenBy(x => x.Key))
            stdout.WriteLine($"  {count,4} {type}");
        stdout.WriteLine($"Templates in {outdir}; plan in {Path.Combine(outdir, "plan.json")} and {Path.Combine(outdir, "plan.md")}");
        return Ok;
    }

    private static string? ContextValue(string key)
    {
        var json = Environment.GetEnvironmentVariable("CDK_CONTEXT_JSON");
        if (string.IsNullOrEmpty(json)) return null;
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    }
}
