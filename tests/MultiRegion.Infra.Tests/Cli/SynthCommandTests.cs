using System.Text.Json;
using MultiRegion.Infra.Cli;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Cli;

/// <summary>The main job end to end: arguments, exit codes and the files it writes (or does not).</summary>
public sealed class SynthCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => RunWith(null, args);

    private static (int Code, string Out, string Err) RunWith(Dictionary<string, string>? env, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = SynthCommand.Run(args, stdout, stderr, name => env is not null && env.TryGetValue(name, out var v) ? v : null);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string TempDir() => Path.Combine(Path.GetTempPath(), "multiregion-cli-" + Guid.NewGuid().ToString("N"));

    // One real synthesis for the whole class: the dev config is the smallest. The folder holds an earlier run's
    // output (a prod template), which the run must replace whole.
    private static readonly Lazy<(int Code, string Out, string Err, string Dir)> DevRun = new(() =>
    {
        var dir = OutputFolders.PreviousOutput();
        var (code, o, e) = Run("--stack", Path.Combine(RepoPaths.Stacks, "dev.yaml"), "--output", dir);
        JsiiRuntimeShutdown.EnsureWatched();
        return (code, o, e, dir);
    });

    [Fact]
    public void A_valid_config_synthesizes_templates_and_both_plan_files()
    {
        var run = DevRun.Value;
        Assert.True(run.Code == 0, run.Err);
        Assert.True(File.Exists(Path.Combine(run.Dir, "mlops-dev-us-west-2.template.json")));
        Assert.True(File.Exists(Path.Combine(run.Dir, "mlops-dev-global.template.json")));
        Assert.True(File.Exists(Path.Combine(run.Dir, "plan.md")));
        Assert.Contains("Synthesized mlops-dev", run.Out);
        Assert.Contains("AWS::EC2::VPC", run.Out);
    }

    [Fact]
    public void Plan_json_lists_regions_and_stacks_with_resource_counts()
    {
        var run = DevRun.Value;
        using var plan = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Dir, "plan.json")));
        var regions = plan.RootElement.GetProperty("regions").EnumerateArray()
            .Select(r => (r.GetProperty("name").GetString(), r.GetProperty("role").GetString(), r.GetProperty("weight").GetInt32())).ToList();
        Assert.Equal([("us-west-2", "primary", 70), ("us-east-1", "secondary", 30)], regions);
        var stacks = plan.RootElement.GetProperty("stacks").EnumerateArray().ToList();
        Assert.Contains(stacks, s => s.GetProperty("name").GetString() == "mlops-dev-us-west-2" && s.GetProperty("resourceCount").GetInt32() > 10);
        Assert.Contains(stacks, s => s.GetProperty("name").GetString() == "mlops-dev-global" && s.GetProperty("region").GetString() == "us-east-1");
    }

    [Fact]
    public void A_broken_config_exits_2_with_one_line_per_problem_and_writes_nothing()
    {
        var dir = TempDir();
        var bad = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(bad, File.ReadAllText(Path.Combine(RepoPaths.Stacks, "dev.yaml"))
            .Replace("trafficWeight: 30", "trafficWeight: 20")
            .Replace("role: secondary", "role: secundary"));

        var (code, _, err) = Run("--stack", bad, "--output", dir);

        Assert.Equal(2, code);
        Assert.Contains("regions[1].role: 'secundary' is not one of primary, secondary, tertiary", err);
        Assert.DoesNotContain("   at ", err); // no stack trace
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void Semantic_problems_name_file_line_and_path()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(bad, File.ReadAllText(Path.Combine(RepoPaths.Stacks, "dev.yaml")).Replace("trafficWeight: 30", "trafficWeight: 20"));
        var (code, _, err) = Run("--stack", bad, "--output", TempDir());
        Assert.Equal(2, code);
        Assert.Matches(@"bad-[0-9a-f]+\.yaml:\d+: regions: traffic weights must sum to 100, got 70 \+ 20 = 90", err);
    }

    [Fact]
    public void An_unknown_stack_name_exits_2()
    {
        var (code, _, err) = Run("--stack", "prdo");
        Assert.Equal(2, code);
        Assert.Contains("did you mean 'prod'", err);
    }

    [Fact]
    public void Unknown_arguments_and_a_missing_stack_exit_2_with_usage()
    {
        Assert.Equal(2, Run("--stak", "prod").Code);
        var (code, _, err) = Run();
        Assert.Equal(2, code);
        Assert.Contains("Usage:", err);
    }

    [Fact]
    public void Help_exits_0()
    {
        var (code, o, _) = Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("--stack", o);
    }

    [Fact]
    public void A_promise_the_settings_cannot_keep_stops_synthesis_with_exit_2_and_writes_nothing()
    {
        var dir = TempDir();
        var bad = Path.Combine(Path.GetTempPath(), $"videochat-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(bad, File.ReadAllText(Path.Combine(RepoPaths.Stacks, "videochat.yaml")).Replace("rtoSeconds: 165", "rtoSeconds: 20"));

        var (code, _, err) = Run("--stack", bad, "--output", dir);

        Assert.Equal(2, code);
        Assert.Contains("objectives.regionFailover.rtoSeconds: promised 20 s, but health check 10 s x 3 checks 30 s", err);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void A_run_replaces_the_previous_output_whole_leaving_no_stale_templates_or_staging_folders()
    {
        var run = DevRun.Value;
        Assert.True(run.Code == 0, run.Err);
        Assert.False(File.Exists(Path.Combine(run.Dir, "mlops-prod-global.template.json")));
        Assert.False(Directory.Exists(Path.Combine(run.Dir, "asset.abc")));
        Assert.Empty(Directory.GetFileSystemEntries(Path.GetDirectoryName(run.Dir)!, $".{Path.GetFileName(run.Dir)}*"));
    }

    [Fact]
    public void The_shipped_dev_config_synthesizes_without_cdk_warnings_such_as_the_kubectl_layer_one()
    {
        var run = DevRun.Value;
        // The CDK used to warn about its bundled kubectl 1.20 layer; the cluster now gets the layer of its own minor.
        Assert.DoesNotContain("warning: cdk:", run.Err);
        Assert.DoesNotContain("kubectl", run.Err);
        using var plan = JsonDocument.Parse(File.ReadAllText(Path.Combine(run.Dir, "plan.json")));
        var warnings = plan.RootElement.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        Assert.DoesNotContain(warnings, w => w.StartsWith("cdk:", StringComparison.Ordinal));
        // Reading and reporting annotations is covered with a hand-written manifest below.
    }

    [Fact]
    public void Cdk_errors_in_the_assembly_are_read_from_the_manifest()
    {
        var dir = TempDir();
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "manifest.json"), """
            {"artifacts":{"s":{"type":"aws:cloudformation:stack","metadata":{"/s/A":[{"type":"aws:cdk:error","data":"broken"},{"type":"aws:cdk:info","data":"fine"}],"/s/B":[{"type":"aws:cdk:warning","data":"risky"}]}}}}
            """);
        var found = MultiRegion.Infra.Composition.CdkAnnotations.Read(dir);
        Assert.Equal([new(true, "s", "/s/A", "broken"), new MultiRegion.Infra.Composition.CdkAnnotation(false, "s", "/s/B", "risky")], found);
    }

    [Fact]
    public void Under_the_cdk_cli_stdout_stays_clean_and_only_synthesized_files_are_replaced()
    {
        // As `npx cdk synth` runs it: CDK_OUTDIR is a folder the CLI created (it may hold its lock files) and reads after.
        var dir = TempDir();
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "synth.lock"), "cli lock");
        File.WriteAllText(Path.Combine(dir, "mlops-prod-global.template.json"), "{}"); // an earlier config's template
        File.WriteAllText(Path.Combine(dir, "manifest.json"), "{}");
        var env = new Dictionary<string, string> { ["CDK_OUTDIR"] = dir, ["CDK_CONTEXT_JSON"] = $$"""{"stack":"{{Path.Combine(RepoPaths.Stacks, "dev.yaml")}}"}""" };

        var (code, o, e) = RunWith(env);

        Assert.True(code == 0, e);
        Assert.Equal("", o);
        Assert.Contains("Synthesized mlops-dev", e);
        Assert.True(File.Exists(Path.Combine(dir, "synth.lock")));
        Assert.False(File.Exists(Path.Combine(dir, "mlops-prod-global.template.json")));
        Assert.True(File.Exists(Path.Combine(dir, "mlops-dev-global.template.json")));
        Assert.Contains("mlops-dev-global", File.ReadAllText(Path.Combine(dir, "manifest.json")));
    }

    [Fact]
    public void A_failed_run_leaves_the_previous_output_exactly_as_it_was()
    {
        var dir = OutputFolders.PreviousOutput();
        var before = OutputFolders.Snapshot(dir);
        var bad = Path.Combine(Path.GetTempPath(), $"bad-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(bad, File.ReadAllText(Path.Combine(RepoPaths.Stacks, "dev.yaml")).Replace("c5.large", "c5.enormous"));

        var (code, _, err) = Run("--stack", bad, "--output", dir);

        Assert.Equal(2, code);
        Assert.Contains("sizing.primary.nodeGroups.cpu.instanceTypes[0]: 'c5.enormous': c5 has no size 'enormous'", err);
        Assert.Equal(before, OutputFolders.Snapshot(dir));
    }

    [Theory]
    [InlineData("is-a-file", "is a file, not a folder")]
    [InlineData("is-a-file/sub", "which is a file")]
    [InlineData("other-files", "is not a cloud assembly")]
    [InlineData("/proc/multiregion-test-out", "cannot write the output")]
    public void A_bad_output_folder_is_refused_with_exit_2_before_synthesis(string output, string expected)
    {
        var root = TempDir();
        Directory.CreateDirectory(Path.Combine(root, "other-files"));
        File.WriteAllText(Path.Combine(root, "other-files", "notes.txt"), "keep me");
        File.WriteAllText(Path.Combine(root, "is-a-file"), "x");
        var (code, _, err) = Run("--stack", Path.Combine(RepoPaths.Stacks, "dev.yaml"), "--output", Path.Combine(root, output));
        Assert.Equal(2, code);
        Assert.Contains(expected, err);
        Assert.True(File.Exists(Path.Combine(root, "other-files", "notes.txt")));
    }

    [Fact]
    public void Empty_flags_and_malformed_cdk_context_exit_2()
    {
        Assert.Contains("--output is empty", Run("--stack", "dev", "--output", "").Err);
        Assert.Contains("--stack is empty", Run("--stack=").Err);
        var (code, _, err) = RunWith(new() { ["CDK_CONTEXT_JSON"] = "{not json" });
        Assert.Equal(2, code);
        Assert.Contains("CDK_CONTEXT_JSON is not valid JSON", err);
        Assert.Contains("context 'stack' must be text", RunWith(new() { ["CDK_CONTEXT_JSON"] = "{\"stack\": 3}" }).Err);
    }

    [Theory]
    [InlineData("stacks/prod.yml")]
    [InlineData("prod.yaml")]
    [InlineData("stacks/prdo.yaml")]
    public void A_near_miss_stack_path_gets_a_did_you_mean(string value)
    {
        var (code, _, err) = Run("--stack", value);
        Assert.Equal(2, code);
        Assert.Contains("did you mean", err);
        Assert.Contains("--stack prod", err);
    }

    [Fact]
    public void A_folder_passed_as_stack_is_named_as_a_folder()
    {
        var (code, _, err) = Run("--stack", RepoPaths.Stacks);
        Assert.Equal(2, code);
        Assert.Contains("is a folder; --stack takes a YAML file or a name in stacks/ (dev, global, prod, videochat)", err);
    }

    [Fact]
    public void The_default_output_is_cdk_out_at_the_repository_root_from_any_subfolder()
    {
        var config = Path.Combine(RepoPaths.Stacks, "dev.yaml");
        Assert.Equal(Path.Combine(RepoPaths.Root, "cdk.out"), SynthCommand.DefaultOutput(Path.Combine(RepoPaths.Root, "src", "MultiRegion.Infra"), config));
        // Outside any repository (no stacks/ above the working directory): beside the config file.
        Assert.Equal(Path.Combine(RepoPaths.Stacks, "cdk.out"), SynthCommand.DefaultOutput("/", config));
    }

    [Fact]
    public void An_unexpected_failure_exits_1_with_one_line_and_the_stack_trace_only_on_request()
    {
        static string? Broken(string name) => name == "CDK_OUTDIR" ? throw new InvalidOperationException("boom\n   at somewhere") : null;
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        Assert.Equal(1, SynthCommand.Run(["--stack", "dev"], stdout, stderr, Broken));
        Assert.Contains("error: unexpected failure: InvalidOperationException: boom", stderr.ToString());
        Assert.Contains("--debug", stderr.ToString());
        Assert.DoesNotContain("   at ", stderr.ToString());

        var debug = new StringWriter();
        Assert.Equal(1, SynthCommand.Run(["--stack", "dev", "--debug"], stdout, debug, Broken));
        Assert.Contains("   at ", debug.ToString());
    }
}
