using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Constructs;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Composition;

namespace MultiRegion.Infra.Regional.Data.Storage;

/// <summary>One destination of a replicated bucket: the replica's name, region, storage class and key alias.</summary>
public sealed record ReplicaDestination(string Region, string BucketName, string StorageClass, string KeyAlias);

/// <summary>Inputs of a bucket's replication.</summary>
public sealed record BucketReplicationProps(SecureBucket Source, IKey SourceKey, BucketConfig Settings, IReadOnlyList<ReplicaDestination> Destinations);

/// <summary>
/// Cross-region replication of a source bucket: one rule per destination with its storage class, the replica
/// encrypted with the destination region's own key, Replication Time Control with metrics (exactly 15 minutes)
/// when the config bounds the bucket's RPO. Delete markers are not replicated, so a delete in the primary region
/// never hides data in a replica. The role may read this bucket's versions and write only to its replicas.
/// Replica buckets are named, not referenced: they live in stacks deployed before this one.
/// </summary>
public sealed class BucketReplication : Construct
{
    public Role Role { get; }

    public BucketReplication(Construct scope, string id, BucketReplicationProps props) : base(scope, id)
    {
        var source = props.Source;
        var stack = Stack.Of(this);
        Role = new Role(this, "Role", new RoleProps
        {
            AssumedBy = new ServicePrincipal("s3.amazonaws.com"),
            Description = $"Replicates {source.BucketName} to its replicas",
        });
        Role.AddToPolicy(IamStatement.Allow(["s3:GetReplicationConfiguration", "s3:ListBucket"], [source.Arn]));
        Role.AddToPolicy(IamStatement.Allow(
            ["s3:GetObjectVersionForReplication", "s3:GetObjectVersionAcl", "s3:GetObjectVersionTagging"],
            [$"{source.Arn}/*"]));
        Role.AddToPolicy(IamStatement.Allow(
            ["s3:ReplicateObject", "s3:ReplicateDelete", "s3:ReplicateTags"],
            props.Destinations.Select(d => $"arn:{Aws.PARTITION}:s3:::{d.BucketName}/*").ToArray()));
        Role.AddToPolicy(IamStatement.Allow(
            ["kms:Decrypt"],
            [props.SourceKey.KeyArn],
            conditions: new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = $"s3.{stack.Region}.amazonaws.com" },
            }));
        foreach (var d in props.Destinations)
            // The destination key is found by its alias: its ARN is only known in the replica region's stack.
            Role.AddToPolicy(IamStatement.Allow(
                ["kms:Encrypt", "kms:GenerateDataKey"],
                [$"arn:{Aws.PARTITION}:kms:{d.Region}:{stack.Account}:key/*"],
                conditions: new Dictionary<string, object>
                {
                    ["StringEquals"] = new Dictionary<string, object> { ["kms:ViaService"] = $"s3.{d.Region}.amazonaws.com" },
                    ["ForAnyValue:StringEquals"] = new Dictionary<string, object> { ["kms:ResourceAliases"] = d.KeyAlias },
                }));

        var rtc = props.Settings.ReplicationTimeControl;
        source.Bucket.ReplicationConfiguration = new CfnBucket.ReplicationConfigurationProperty
        {
            Role = Role.RoleArn,
            Rules = props.Destinations.Select((d, i) => new CfnBucket.ReplicationRuleProperty
            {
                Id = $"to-{d.Region}",
                // Several destinations need the V2 rule schema (filter + priority).
                Priority = i + 1,
                Status = "Enabled",
                Filter = new CfnBucket.ReplicationRuleFilterProperty { Prefix = "" },
                DeleteMarkerReplication = new CfnBucket.DeleteMarkerReplicationProperty { Status = "Disabled" },
                SourceSelectionCriteria = new CfnBucket.SourceSelectionCriteriaProperty
                {
                    SseKmsEncryptedObjects = new CfnBucket.SseKmsEncryptedObjectsProperty { Status = "Enabled" },
                },
                Destination = new CfnBucket.ReplicationDestinationProperty
                {
                    Bucket = $"arn:{Aws.PARTITION}:s3:::{d.BucketName}",
                    StorageClass = d.StorageClass,
                    EncryptionConfiguration = new CfnBucket.EncryptionConfigurationProperty
                    {
                        // S3 accepts an alias ARN here; the alias is created with the replica bucket's key.
                        ReplicaKmsKeyId = $"arn:{Aws.PARTITION}:kms:{d.Region}:{stack.Account}:{d.KeyAlias}",
                    },
                    ReplicationTime = rtc
                        ? new CfnBucket.ReplicationTimeProperty
                        {
                            Status = "Enabled",
                            Time = new CfnBucket.ReplicationTimeValueProperty { Minutes = BucketConfig.ReplicationTimeControlMinutes },
                        }
                        : null,
                    Metrics = rtc
                        ? new CfnBucket.MetricsProperty
                        {
                            Status = "Enabled",
                            EventThreshold = new CfnBucket.ReplicationTimeValueProperty { Minutes = BucketConfig.ReplicationTimeControlMinutes },
                        }
                        : null,
                },
            }).ToArray(),
        };
    }
}
