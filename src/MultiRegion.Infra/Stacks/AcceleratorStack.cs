using Amazon.CDK;
using Constructs;
using MultiRegion.Infra.Composition;
using MultiRegion.Infra.Composition.References;
using MultiRegion.Infra.Global.Accelerator;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning;

namespace MultiRegion.Infra.Stacks;

/// <summary>
/// Global Accelerator, in its own stack in us-west-2 because its API (and so its CloudFormation resources)
/// exists only there, whatever regions the platform uses.
/// </summary>
public sealed class AcceleratorStack : Stack
{
    public EdgeAccelerator Accelerator { get; }

    public AcceleratorStack(Construct scope, StackConfig config, IReadOnlyDictionary<string, RegionalStack> regions)
        : this(scope, config, regions, StackLayout.For(config).Single(s => s.Kind == StackKind.Accelerator))
    {
    }

    private AcceleratorStack(Construct scope, StackConfig config, IReadOnlyDictionary<string, RegionalStack> regions, StackSpec spec)
        : base(scope, spec.Name, PlatformStackProps.For(config, spec, "Global Accelerator in front of the regional load balancers"))
    {
        PlatformStackProps.Tag(this, config, spec);
        Accelerator = new EdgeAccelerator(this, "Accelerator", new EdgeAcceleratorProps(
            config.Edge!.Accelerator!,
            config.Regions.ToDictionary(r => r.Name,
                r => CrossStackValue.Read(this, regions[r.Name], config, "alb-arn", regions[r.Name].Ingress.LoadBalancer.LoadBalancerArn),
                StringComparer.Ordinal),
            config.Prefix));
    }
}
