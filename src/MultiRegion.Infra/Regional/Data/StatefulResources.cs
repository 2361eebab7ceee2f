namespace MultiRegion.Infra.Regional.Data;

/// <summary>
/// CloudFormation types that hold data or guard it (a key's loss makes what it encrypts unreadable). Their
/// logical ids are locked (stateful-logical-ids.lock.json) and, with protected data, they must be retained or
/// snapshotted on delete and replacement.
/// </summary>
public static class StatefulResources
{
    public static readonly IReadOnlySet<string> Types = new HashSet<string>(StringComparer.Ordinal)
    {
        "AWS::RDS::GlobalCluster",
        "AWS::RDS::DBCluster",
        "AWS::ElastiCache::GlobalReplicationGroup",
        "AWS::ElastiCache::ReplicationGroup",
        "AWS::S3::Bucket",
        "AWS::KMS::Key",
        "AWS::Backup::BackupVault",
        "AWS::SecretsManager::Secret",
        "AWS::APS::Workspace",
    };

    /// <summary>Types with a deletion protection property, which must be on when data is protected.</summary>
    public static readonly IReadOnlySet<string> WithDeletionProtection = new HashSet<string>(StringComparer.Ordinal)
    {
        "AWS::RDS::GlobalCluster",
        "AWS::RDS::DBCluster",
    };
}
