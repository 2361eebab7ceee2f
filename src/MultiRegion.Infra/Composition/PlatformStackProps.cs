using Amazon.CDK;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning;

namespace MultiRegion.Infra.Composition;

/// <summary>Stack props and tags every stack of the platform shares.</summary>
public static class PlatformStackProps
{
    public static StackProps For(StackConfig config, StackSpec spec, string description) => new()
    {
        StackName = spec.Name,
        Env = new Amazon.CDK.Environment { Account = config.Account, Region = spec.Region },
        Description = $"{config.Prefix}: {description} (MultiRegion.Infra, from {Path.GetFileName(config.SourcePath)})",
        // No CDK cross-region references: their export writer locks values other stacks read. Values crossing
        // stacks flow through explicitly named SSM parameters instead (Composition/References/CrossStackValue).
        TerminationProtection = config.ProtectData,
    };

    /// <summary>Tags every resource of the stack with app, environment, region and region role.</summary>
    public static void Tag(Stack stack, StackConfig config, StackSpec spec)
    {
        Tags.Of(stack).Add("app", config.App);
        Tags.Of(stack).Add("environment", config.Environment);
        Tags.Of(stack).Add("region", spec.Region);
        Tags.Of(stack).Add("region-role", spec.RoleLabel);
        Tags.Of(stack).Add("managed-by", "MultiRegion.Infra");
        foreach (var (key, value) in config.Tags ?? new Dictionary<string, string>())
            Tags.Of(stack).Add(key, value);
    }
}
