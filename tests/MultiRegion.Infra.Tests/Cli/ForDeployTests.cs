using MultiRegion.Infra.Cli;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Cli;

/// <summary>The deploy path: placeholders that only warn at synthesis stop a deploy before anything is written.</summary>
public sealed class ForDeployTests
{
    [Fact]
    public void For_deploy_a_shipped_config_with_placeholders_exits_2_naming_each_and_writes_nothing()
    {
        var dir = Path.Combine(Path.GetTempPath(), "multiregion-deploy-" + Guid.NewGuid().ToString("N"));
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = SynthCommand.Run(["--stack", Path.Combine(RepoPaths.Stacks, "dev.yaml"), "--for-deploy", "--output", dir], stdout, stderr);
        Assert.Equal(SynthCommand.BadInput, code);
        var err = stderr.ToString();
        Assert.Contains("account: refused for a deploy: '333333333333' is a placeholder", err);
        Assert.Contains("compute.endpoint.publicAccessCidrs[0]: refused for a deploy", err);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void The_flag_is_parsed_and_defaults_to_off()
    {
        Assert.True(CommandLine.Parse(["--stack", "prod", "--for-deploy"]).Line!.ForDeploy);
        Assert.False(CommandLine.Parse(["--stack", "prod"]).Line!.ForDeploy);
    }
}
