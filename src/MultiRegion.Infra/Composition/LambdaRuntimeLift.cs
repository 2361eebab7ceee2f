using Amazon.CDK;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.RegionInfo;
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
/// Two mechanisms, chosen so that neither visits the construct tree (an app-wide aspect called back into .NET once
/// per construct: about 2,000 jsii callbacks for prod, 0.4 s of the .NET side alone in a profile):
/// <list type="number">
/// <item><see cref="RegisterRegionFacts"/>, before any stack is built: every Node.js handler the CDK vends reads its
/// runtime from the region fact <c>FactName.LATEST_NODE_RUNTIME</c> when it is created
/// (<c>determineLatestNodeRuntime</c> in <c>aws-lambda/lib/runtime.js</c> and <c>CustomResourceProvider</c> in
/// <c>core/lib/custom-resource-provider</c>, 2.160), so replacing the fact for each stack's region lifts them all,
/// late providers made during reference resolution included.</item>
/// <item><see cref="Lift"/> on each handler with a hard-coded runtime, found by its construct path: the EKS
/// kubectl/helm handler (python3.11 in 2.160), one per cluster (<c>EksCluster.KubectlHandler</c>).</item>
/// </list>
/// Whatever either misses, <see cref="LambdaRuntimeGuard"/> refuses after synthesis: it reads every template.
/// </remarks>
public static class LambdaRuntimeLift
{
    /// <summary>Replaces the CDK's latest-Node.js-runtime fact of each region with the lifted runtime. Process-wide.</summary>
    public static void RegisterRegionFacts(IEnumerable<string> regions, DateOnly today)
    {
        foreach (var region in regions.Distinct(StringComparer.Ordinal))
        {
            var current = Fact.Find(region, FactName.LATEST_NODE_RUNTIME) ?? LambdaRuntimes.CdkDefaultNode;
            Fact.Register(new NodeRuntimeFact(region, LambdaRuntimes.LiftedOn(current, today)), allowReplacing: true);
        }
    }

    /// <summary>Lifts one Lambda function (a <c>Function</c> construct, whose default child is its <c>CfnFunction</c>).</summary>
    /// <exception cref="InvalidOperationException">The construct is not a function with a runtime.</exception>
    public static void Lift(IConstruct function, DateOnly today)
    {
        if (function.Node.DefaultChild is not CfnFunction { Runtime: { } runtime } fn)
            throw new InvalidOperationException($"{function.Node.Path} is not a Lambda function with a runtime");
        var lifted = LambdaRuntimes.LiftedOn(runtime, today);
        if (lifted != runtime)
            fn.Runtime = lifted;
    }

    private sealed class NodeRuntimeFact(string region, string runtime) : Amazon.JSII.Runtime.Deputy.DeputyBase, IFact
    {
        public string Name => FactName.LATEST_NODE_RUNTIME;
        public string Region => region;
        public string? Value => runtime;
    }
}
