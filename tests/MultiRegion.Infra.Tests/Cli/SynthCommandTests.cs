using System.Text.Json;
using MultiRegion.Infra.Cli;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Cli;

/// <summary>The main job end to end: arguments, exit codes and the files it writes (or does not).</summary>
public sealed class SynthCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = SynthCommand.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static string TempDir() => Path.Combine(Path.GetTempPath(), "multiregion-cli-" + Guid.NewGuid().ToString("N"));

    // One real synthesis for the whole class: the dev config is the smallest.
    private static readonly Lazy<(int Code, string Out, string Err, string Dir)> DevRun = new(() =>
    {
        var dir = TempDir();
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
}
