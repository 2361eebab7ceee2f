using Amazon.CDK;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.Lambda;
using Constructs;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Lifecycle;
using MultiRegion.Infra.Regional.Network;

namespace MultiRegion.Infra.Regional.Compute;

/// <summary>Inputs of a region's EKS cluster.</summary>
/// <param name="Name">Cluster name; literal so IAM conditions and autoscaler tags can name it.</param>
public sealed record EksClusterProps(string Name, string Region, ComputeConfig Settings, IVpc Vpc, bool ProtectData);

/// <summary>
/// The region's EKS control plane: version from config, every control-plane log type on, Kubernetes secrets
/// encrypted with a KMS key of the region, endpoint public (allow-listed) and private or private only,
/// and an OIDC provider for IAM roles for service accounts. No default capacity: node groups come from sizing.
/// </summary>
public sealed class EksCluster : Construct
{
    public Cluster Cluster { get; }
    public Key SecretsKey { get; }

    /// <summary>The kubectl/helm layer the cluster's kubectl handler runs with (the program's or the configured one).</summary>
    public ILayerVersion KubectlLayer { get; }

    public EksCluster(Construct scope, string id, EksClusterProps props) : base(scope, id)
    {
        var s = props.Settings;
        SecretsKey = new Key(this, "SecretsKey", new KeyProps
        {
            Description = $"EKS secrets encryption, cluster {props.Name}",
            EnableKeyRotation = true,
            // Secrets written with this key are unreadable without it: keep it when the stack goes.
            RemovalPolicy = MultiRegion.Infra.Regional.Data.DataProtection.Removal(props.ProtectData),
        });

        // kubectl of the cluster's own minor: the CDK's bundled kubectl 1.20 breaks `apply --prune` on clusters
        // without batch/v1beta1 (Kubernetes >= 1.25). A configured layer ARN overrides the packaged one.
        var layerArn = s.KubectlLayerArnFor(props.Region);
        KubectlLayer = layerArn is not null
            ? LayerVersion.FromLayerVersionArn(this, "KubectlLayer", layerArn)
            : KubectlLayerAsset.Create(this, "KubectlLayer", KubernetesVersions.Find(s.KubernetesVersion)
                ?? throw new ArgumentException($"Kubernetes {s.KubernetesVersion} has no row in the version table", nameof(props)));

        Cluster = new Cluster(this, "Eks", new ClusterProps
        {
            ClusterName = props.Name,
            Version = KubernetesVersion.Of(s.KubernetesVersion),
            Vpc = props.Vpc,
            // Control plane ENIs and the kubectl handler in the private subnets (they have NAT for Helm repositories).
            VpcSubnets = [new SubnetSelection { SubnetGroupName = RegionalNetwork.PrivateSubnets }],
            DefaultCapacity = 0,
            EndpointAccess = EndpointAccessOf(s.EndpointSettings),
            ClusterLogging = s.EffectiveControlPlaneLogs.Select(LogTypeOf).ToArray(),
            SecretsEncryptionKey = SecretsKey,
            KubectlLayer = KubectlLayer,
            OutputClusterName = false,
            OutputConfigCommand = false,
        });
        // The Cluster makes its kubectl provider (a nested stack at stack level, one per stack) in its constructor.
        var provider = Stack.Of(this).Node.TryFindChild(KubectlProviderId)
            ?? throw new InvalidOperationException($"the EKS cluster made no '{KubectlProviderId}' child in its stack");
        KubectlHandler = provider.Node.TryFindChild("Handler")
            ?? throw new InvalidOperationException($"{provider.Node.Path} has no 'Handler' (the kubectl/helm function)");
    }

    /// <summary>Construct id the CDK 2.160 Cluster gives its kubectl provider (<c>defineKubectlProvider</c>).</summary>
    private const string KubectlProviderId = "@aws-cdk/aws-eks.KubectlProvider";

    /// <summary>
    /// The cluster's kubectl/helm function (in the kubectl provider's nested stack, id <c>Handler</c> in 2.160): the
    /// one CDK handler whose runtime is hard-coded (python3.11), so the program lifts it (<c>Composition.LambdaRuntimeLift</c>).
    /// </summary>
    public IConstruct KubectlHandler { get; }

    private static EndpointAccess EndpointAccessOf(EndpointConfig e) => e.Access switch
    {
        EndpointAccessMode.Private => EndpointAccess.PRIVATE,
        _ => EndpointAccess.PUBLIC_AND_PRIVATE.OnlyFrom([.. e.PublicAccessCidrs ?? []]),
    };

    private static ClusterLoggingTypes LogTypeOf(ControlPlaneLog log) => log switch
    {
        ControlPlaneLog.Api => ClusterLoggingTypes.API,
        ControlPlaneLog.Audit => ClusterLoggingTypes.AUDIT,
        ControlPlaneLog.Authenticator => ClusterLoggingTypes.AUTHENTICATOR,
        ControlPlaneLog.ControllerManager => ClusterLoggingTypes.CONTROLLER_MANAGER,
        ControlPlaneLog.Scheduler => ClusterLoggingTypes.SCHEDULER,
        _ => throw new ArgumentOutOfRangeException(nameof(log), log, "unknown control-plane log type"),
    };
}
