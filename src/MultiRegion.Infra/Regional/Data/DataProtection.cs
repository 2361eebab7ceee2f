using Amazon.CDK;

namespace MultiRegion.Infra.Regional.Data;

/// <summary>How stateful resources are removed: kept (or snapshotted) when the config protects data, deleted in dev.</summary>
internal static class DataProtection
{
    public static RemovalPolicy Removal(bool protectData) => protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    /// <summary>For stores CloudFormation can snapshot on delete (Aurora primary, ElastiCache primary).</summary>
    public static RemovalPolicy Snapshot(bool protectData) => protectData ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY;

    public static void Apply(CfnResource resource, RemovalPolicy policy) =>
        resource.ApplyRemovalPolicy(policy, new RemovalPolicyOptions { ApplyToUpdateReplacePolicy = true });
}
