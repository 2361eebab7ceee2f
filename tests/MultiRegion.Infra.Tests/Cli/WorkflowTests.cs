using MultiRegion.Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace MultiRegion.Infra.Tests.Cli;

/// <summary>
/// The workflows' security properties (issue #12) as data: who gets which token, pipefail, and the deploy's
/// path from diff to approval to waves. actionlint (in .ci/run) checks their syntax; these check intent.
/// </summary>
public sealed class WorkflowTests
{
    private static YamlMappingNode Workflow(string name)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(RepoPaths.Root, ".github", "workflows", name))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static YamlMappingNode Map(YamlNode node, string key) => (YamlMappingNode)((YamlMappingNode)node)[key];

    private static Dictionary<string, string> Permissions(YamlNode job) =>
        ((YamlMappingNode)job).Children.TryGetValue("permissions", out var p) && p is YamlMappingNode m
            ? m.Children.ToDictionary(kv => kv.Key.ToString(), kv => kv.Value.ToString())
            : throw new InvalidOperationException("job without its own permissions");

    [Theory]
    [InlineData("pull-request.yml")]
    [InlineData("deploy.yml")]
    [InlineData("deploy-wave.yml")]
    public void Workflows_grant_nothing_at_the_top_and_run_bash_with_pipefail(string name)
    {
        var w = Workflow(name);
        Assert.Empty(Map(w, "permissions").Children);
        // `shell: bash` is what makes GitHub run steps with `bash -eo pipefail`.
        Assert.Equal("bash", Map(Map(w, "defaults"), "run")["shell"].ToString());
        foreach (var (jobName, job) in Map(w, "jobs").Children)
            Assert.False(((YamlMappingNode)job).Children.TryGetValue("if", out var cond) && cond.ToString().Contains("vars.", StringComparison.Ordinal),
                $"job {jobName}: a job-level if on vars is evaluated before the environment applies");
    }

    [Fact]
    public void The_job_that_runs_pull_request_code_has_no_oidc_token_and_cannot_comment()
    {
        var jobs = Map(Workflow("pull-request.yml"), "jobs");
        Assert.Equal(new Dictionary<string, string> { ["contents"] = "read" }, Permissions(jobs["ci"]));
        Assert.False(Permissions(jobs["diff"]).ContainsKey("pull-requests"));
        Assert.Equal(new Dictionary<string, string> { ["pull-requests"] = "write" }, Permissions(jobs["comment"]));
        // The diff job checks out the base commit, not the pull request's.
        Assert.Contains("github.event.pull_request.base.sha", File.ReadAllText(Path.Combine(RepoPaths.Root, ".github", "workflows", "pull-request.yml")));
    }

    [Fact]
    public void Deploy_goes_from_diff_through_an_approving_environment_to_waves_that_never_prompt()
    {
        var jobs = Map(Workflow("deploy.yml"), "jobs");
        Assert.Equal("diff", Map(jobs, "approve")["needs"].ToString());
        Assert.Equal("${{ inputs.stack }}", Map(jobs, "approve")["environment"].ToString());
        Assert.Contains("approve", ((YamlSequenceNode)Map(jobs, "wave-1")["needs"]).Children.Select(n => n.ToString()));
        for (var i = 2; i <= 5; i++)
            Assert.Contains($"wave-{i - 1}", ((YamlSequenceNode)Map(jobs, $"wave-{i}")["needs"]).Children.Select(n => n.ToString()));
        Assert.DoesNotContain("id-token", Permissions(jobs["synth"]).Keys);

        var wave = File.ReadAllText(Path.Combine(RepoPaths.Root, ".github", "workflows", "deploy-wave.yml"));
        Assert.Contains("--require-approval never", wave);
        Assert.Contains("role-duration-seconds: 10800", wave);
    }
}
