using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Constructs;
using MultiRegion.Infra.Model.Lifecycle;

namespace MultiRegion.Infra.Composition;

/// <summary>
/// Lifts every Lambda function the CDK emits to a runtime Lambda still creates on the run's date
/// (<see cref="LambdaRuntimes.LiftedOn"/>: a runtime within 90 days of its create block moves too). Amazon.CDK.Lib
/// 2.160 is the newest CDK that restores here, and it writes nodejs20.x and python3.11 into its own handlers:
/// cross-region export reader/writer, AwsCustomResource, the EKS cluster/kubectl/OIDC providers, the default-SG
/// restrictor, the Provider framework's onEvent/isComplete functions (all found by walking every construct, nested
/// stacks included). Why each handler runs unchanged on the newer runtime (checked in the 2.160 handler sources,
/// <c>aws-cdk-lib/custom-resource-handlers/dist/**</c>):
/// <list type="bullet">
/// <item>Node.js handlers (CfnFunction of Function/SingletonFunction/Provider, and the raw AWS::Lambda::Function of
/// CustomResourceProvider): esbuild bundles that use only the AWS SDK for JavaScript v3 shipped with the
/// nodejs18.x+ runtimes and Node built-ins, with async handlers; nodejs22.x keeps both (it still accepts
/// callback handlers, which nodejs24.x drops).</item>
/// <item>The EKS kubectl/helm handler (python): standard library plus boto3, which every python3.x runtime
/// includes, and the kubectl/helm/aws binaries from its layers. The awscli layer (awscli 1.31.11, bundled for
/// python3.8) imports none of the modules Python 3.12/3.13 removed; `aws --version` and
/// `aws eks update-kubeconfig` run under Python 3.13 (checked 2026-11-22). Its C PyYAML extension is built for
/// cp38, and PyYAML falls back to its pure-Python loader when that import fails.</item>
/// </list>
/// </summary>
/// <remarks>
/// Register it as an aspect of the app and as a validation of the app (<see cref="Register"/>): aspects run before
/// the CDK resolves cross-stack references, and the cross-region export reader/writer providers are created while
/// it does; validations run after that and before the top-level templates are written, so <see cref="Validate"/>
/// lifts the providers created late (nested templates are written earlier, but hold no such late providers).
/// </remarks>
public sealed class LambdaRuntimeLift(App app, DateOnly today) : Amazon.JSII.Runtime.Deputy.DeputyBase, IAspect, IValidation
{
    public static void Register(App app, DateOnly today)
    {
        var lift = new LambdaRuntimeLift(app, today);
        Aspects.Of(app).Add(lift);
        app.Node.AddValidation(lift);
    }

    /// <summary>Lifts the handlers of providers made during reference resolution (direct children of each stack).</summary>
    public string[] Validate()
    {
        foreach (var stack in app.Node.Children.OfType<Stack>())
            foreach (var provider in stack.Node.Children.OfType<CustomResourceProviderBase>())
                foreach (var child in provider.Node.Children)
                    Visit(child);
        return [];
    }

    public void Visit(IConstruct node)
    {
        switch (node)
        {
            case CfnFunction fn when fn.Runtime is { } runtime:
                var lifted = LambdaRuntimes.LiftedOn(runtime, today);
                if (lifted != runtime)
                    fn.Runtime = lifted;
                break;
            // CustomResourceProvider writes a raw AWS::Lambda::Function whose properties are not readable through
            // jsii; its runtimes are Node.js only (CustomResourceProviderRuntime has no other kind).
            case CfnResource raw when raw.CfnResourceType == "AWS::Lambda::Function" && raw is not CfnFunction
                                      && raw.Node.Scope is CustomResourceProviderBase:
                raw.AddPropertyOverride("Runtime", LambdaRuntimes.NodeTarget);
                break;
        }
    }
}
