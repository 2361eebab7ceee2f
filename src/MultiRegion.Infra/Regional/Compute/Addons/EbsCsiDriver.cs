using Amazon.CDK;
using Amazon.CDK.AWS.EKS;
using Amazon.CDK.AWS.IAM;
using Constructs;

namespace MultiRegion.Infra.Regional.Compute.Addons;

/// <summary>
/// The Amazon EBS CSI driver (EKS managed add-on) with its IRSA role, and an encrypted gp3 StorageClass. Since
/// Kubernetes 1.23 every EBS volume, in-tree StorageClasses included, is provisioned by this driver, which EKS does
/// not install by itself (https://docs.aws.amazon.com/eks/latest/userguide/ebs-csi-migration-faq.html,
/// https://docs.aws.amazon.com/eks/latest/userguide/ebs-csi.html); without it Prometheus' volume would stay Pending.
/// <para>
/// Version: a managed add-on, not a chart: left out, EKS installs the default driver version for the cluster's
/// Kubernetes minor, and upgrades it with the cluster (<c>aws eks describe-addon-versions --addon-name aws-ebs-csi-driver</c>),
/// so it has no row in the add-on version table.
/// </para>
/// </summary>
public sealed class EbsCsiDriver : Construct
{
    public const string StorageClassName = "gp3-encrypted";
    private const string ServiceAccount = "system:serviceaccount:kube-system:ebs-csi-controller-sa";

    public CfnAddon Addon { get; }
    public KubernetesManifest StorageClass { get; }

    public EbsCsiDriver(Construct scope, string id, Cluster cluster) : base(scope, id)
    {
        // IRSA trust: only the driver's controller account of this cluster may assume the role.
        var issuer = cluster.ClusterOpenIdConnectIssuer;
        var conditions = new CfnJson(this, "TrustConditions", new CfnJsonProps
        {
            Value = new Dictionary<string, object>
            {
                [$"{issuer}:aud"] = "sts.amazonaws.com",
                [$"{issuer}:sub"] = ServiceAccount,
            },
        });
        var role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new OpenIdConnectPrincipal(cluster.OpenIdConnectProvider,
                new Dictionary<string, object> { ["StringEquals"] = conditions }),
            // AWS's policy for the driver: volume and snapshot calls, create/delete limited by its own tags.
            ManagedPolicies = [ManagedPolicy.FromAwsManagedPolicyName("service-role/AmazonEBSCSIDriverPolicy")],
        });
        Addon = new CfnAddon(this, "Addon", new CfnAddonProps
        {
            AddonName = "aws-ebs-csi-driver",
            ClusterName = cluster.ClusterName,
            ServiceAccountRoleArn = role.RoleArn,
            ResolveConflicts = "OVERWRITE",
        });

        StorageClass = cluster.AddManifest("Gp3EncryptedStorageClass", new Dictionary<string, object>
        {
            ["apiVersion"] = "storage.k8s.io/v1",
            ["kind"] = "StorageClass",
            ["metadata"] = new Dictionary<string, object> { ["name"] = StorageClassName },
            ["provisioner"] = "ebs.csi.aws.com",
            ["parameters"] = new Dictionary<string, object> { ["type"] = "gp3", ["encrypted"] = "true" },
            // Created in the zone of the node the pod lands on (an EBS volume lives in one AZ).
            ["volumeBindingMode"] = "WaitForFirstConsumer",
            ["allowVolumeExpansion"] = true,
            ["reclaimPolicy"] = "Delete",
        });
        StorageClass.Node.AddDependency(Addon);
    }
}
