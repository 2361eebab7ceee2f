using Amazon.CDK;

namespace MultiRegion.Infra.Regional.Data;

/// <summary>
/// How stateful resources are removed: kept (or snapshotted) when the config protects data, deleted in dev.
/// Every stack that owns a stateful resource (data tier, backup vault, and any other concern's buckets, keys or
/// secrets) takes its policy from here, so the rule lives in one place.
/// </summary>
/// <remarks>
/// Protected resources use <c>RetainExceptOnCreate</c> rather than <c>Retain</c>: a plain Retain keeps a named
/// resource when the stack operation that created it rolls back, and the retry then fails with AlreadyExists.
/// RetainExceptOnCreate deletes only what the failed operation itself created (new, empty) and behaves like
/// Retain for every later update or delete. CDK's RETAIN_ON_UPDATE_OR_DELETE writes that DeletionPolicy and an
/// UpdateReplacePolicy of Retain (UpdateReplacePolicy has no RetainExceptOnCreate).
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html#aws-attribute-deletionpolicy-options
/// </remarks>
internal static class DataProtection
{
    public static RemovalPolicy Removal(bool protectData) => protectData ? RemovalPolicy.RETAIN_ON_UPDATE_OR_DELETE : RemovalPolicy.DESTROY;

    /// <summary>
    /// For stores CloudFormation can snapshot on delete (Aurora primary, ElastiCache primary). CloudFormation has
    /// no snapshot-except-on-create policy; Snapshot already frees the name (the store is deleted after its final
    /// snapshot), so a rolled-back first create can be retried.
    /// </summary>
    public static RemovalPolicy Snapshot(bool protectData) => protectData ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY;

    public static void Apply(CfnResource resource, RemovalPolicy policy) =>
        resource.ApplyRemovalPolicy(policy, new RemovalPolicyOptions { ApplyToUpdateReplacePolicy = true });
}
