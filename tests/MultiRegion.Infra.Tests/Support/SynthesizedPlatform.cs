using Amazon.CDK.Assertions;
using MultiRegion.Infra.Composition;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Loading;

namespace MultiRegion.Infra.Tests.Support;

/// <summary>
/// A stack config from <c>stacks/</c>, synthesized once per test run and shared by every test class
/// (synthesis costs seconds; assertions cost milliseconds).
/// </summary>
public sealed class SynthesizedPlatform
{
    private static readonly Dictionary<string, Lazy<SynthesizedPlatform>> Cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Template> _templates = new(StringComparer.Ordinal);

    public StackConfig Config { get; }
    public Platform Platform { get; }
    public SynthResult Result { get; }
    public string Outdir { get; }

    private SynthesizedPlatform(StackConfig config)
    {
        Config = config;
        Outdir = Path.Combine(Path.GetTempPath(), "multiregion-tests", $"{config.Prefix}-{Guid.NewGuid():N}");
        Result = PlatformSynthesizer.Synthesize(config, Outdir);
        Platform = Result.Platform;
        JsiiRuntimeShutdown.EnsureWatched();
    }

    /// <summary>The shipped stack config <paramref name="name"/> (prod, videochat, dev), synthesized once.</summary>
    public static SynthesizedPlatform Shipped(string name)
    {
        Lazy<SynthesizedPlatform> lazy;
        lock (Cache)
        {
            if (!Cache.TryGetValue(name, out lazy!))
                Cache[name] = lazy = new Lazy<SynthesizedPlatform>(() => new SynthesizedPlatform(LoadShipped(name)));
        }
        return lazy.Value;
    }

    /// <summary>Synthesizes a config that is not shipped (a variant built in a test). Not cached.</summary>
    public static SynthesizedPlatform Of(StackConfig config) => new(config);

    public static StackConfig LoadShipped(string name) =>
        ConfigLoader.Load(Path.Combine(RepoPaths.Stacks, name + ".yaml")) with { SourcePath = $"stacks/{name}.yaml" };

    public Template Regional(string region) => TemplateOf(Platform.Regional[region]);

    public Template Global => TemplateOf(Platform.Global);

    public Template TemplateOf(Amazon.CDK.Stack stack)
    {
        lock (_templates)
        {
            if (!_templates.TryGetValue(stack.StackName, out var template))
                _templates[stack.StackName] = template = Template.FromStack(stack);
            return template;
        }
    }
}

/// <summary>Paths of the repository the tests run in.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Stacks => Path.Combine(Root, "stacks");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MultiRegion.Infra.sln")))
                return dir.FullName;
        throw new InvalidOperationException("cannot find the repository root (MultiRegion.Infra.sln) above " + AppContext.BaseDirectory);
    }
}
