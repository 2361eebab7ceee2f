using Amazon.CDK;
using Constructs;
using MultiRegion.Infra.Composition;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning;

namespace MultiRegion.Infra.Stacks;

/// <summary>
/// The global edge, homed in us-east-1 because CloudFront's WAF web ACL and ACM certificate must live there.
/// </summary>
public sealed class GlobalStack : Stack
{
    public GlobalStack(Construct scope, StackConfig config)
        : this(scope, config, StackLayout.For(config).Single(s => s.Kind == StackKind.Global))
    {
    }

    private GlobalStack(Construct scope, StackConfig config, StackSpec spec)
        : base(scope, spec.Name, PlatformStackProps.For(config, spec, "global edge and traffic routing"))
    {
        PlatformStackProps.Tag(this, config, spec);
    }
}
