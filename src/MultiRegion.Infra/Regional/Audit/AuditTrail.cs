using Amazon.CDK;
using Amazon.CDK.AWS.CloudTrail;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.KMS;
using Amazon.CDK.AWS.S3;
using Constructs;
using MultiRegion.Infra.Regional.Data;
using MultiRegion.Infra.Composition;

namespace MultiRegion.Infra.Regional.Audit;

/// <summary>Inputs of the trail.</summary>
/// <param name="DataEventBuckets">Buckets whose object-level reads and writes are recorded (data events).</param>
/// <param name="AccessLogs">Where the audit bucket's own server access logs go.</param>
/// <param name="ProtectData">Retain the bucket and key, and put log files under Object Lock for the retention.</param>
public sealed record AuditTrailProps(
    string TrailName,
    string KeyAlias,
    IReadOnlyList<string> DataEventBuckets,
    int RetentionDays,
    LogBucket AccessLogs,
    bool ProtectData);

/// <summary>
/// The account's multi-region CloudTrail trail, homed in the primary region: management events of every region
/// (global services such as IAM included) and S3 data events of the data-tier buckets, delivered to one bucket.
/// A multi-region trail records every enabled region and delivers to a single bucket, which may sit in any region
/// (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html),
/// so one trail in the primary region's stack covers the platform; a trail per region would only duplicate events.
/// Log file validation writes signed hourly digests, so a deleted or edited log file is detectable.
/// The bucket is SSE-KMS with its own key, versioned, access-logged and, with protected data, under S3 Object Lock
/// (governance mode, the retention period) with governance bypass denied to everyone in its policy.
/// </summary>
public sealed class AuditTrail : Construct
{
    public CfnTrail Trail { get; }
    public Bucket Bucket { get; }
    public Key Key { get; }

    public AuditTrail(Construct scope, string id, AuditTrailProps props) : base(scope, id)
    {
        var stack = Stack.Of(this);
        var trailArn = $"arn:{Aws.PARTITION}:cloudtrail:{stack.Region}:{stack.Account}:trail/{props.TrailName}";
        var fromThisTrail = new Dictionary<string, object> { ["aws:SourceArn"] = trailArn };

        Key = new Key(this, "Key", new KeyProps
        {
            Description = $"CloudTrail log and digest files of {props.TrailName}",
            EnableKeyRotation = true,
            // Retained in prod: without the key the audit record is unreadable.
            RemovalPolicy = DataProtection.Removal(props.ProtectData),
            PendingWindow = Duration.Days(30),
            Alias = props.KeyAlias,
        });
        // The key policy sections CloudTrail needs to encrypt log and digest files, limited to this trail
        // (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-kms-key-policy-for-cloudtrail.html).
        // Reading stays with IAM: the default key policy lets the account's IAM policies grant kms:Decrypt.
        Key.AddToResourcePolicy(IamStatement.Allow(
            ["kms:GenerateDataKey*"],
            ["*"],
            conditions: new Dictionary<string, object>
            {
                ["StringEquals"] = fromThisTrail,
                ["StringLike"] = new Dictionary<string, object>
                {
                    ["kms:EncryptionContext:aws:cloudtrail:arn"] = $"arn:{Aws.PARTITION}:cloudtrail:*:{stack.Account}:trail/*",
                },
            },
            sid: "CloudTrailEncryptLogs",
            principal: IamPrincipal.Services("cloudtrail.amazonaws.com")));
        Key.AddToResourcePolicy(IamStatement.Allow(
            ["kms:DescribeKey"],
            ["*"],
            conditions: new Dictionary<string, object> { ["StringEquals"] = fromThisTrail },
            sid: "CloudTrailDescribeKey",
            principal: IamPrincipal.Services("cloudtrail.amazonaws.com")));

        Bucket = new Bucket(this, "Bucket", new BucketProps
        {
            Encryption = BucketEncryption.KMS,
            EncryptionKey = Key,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            EnforceSSL = true,
            MinimumTLSVersion = 1.2,
            Versioned = true,
            // Object Lock (needs versioning) keeps every log version for the retention, even from the account's
            // administrators unless they hold s3:BypassGovernanceRetention, which the policy below denies.
            ObjectLockEnabled = props.ProtectData ? true : null,
            ObjectLockDefaultRetention = props.ProtectData ? ObjectLockRetention.Governance(Duration.Days(props.RetentionDays)) : null,
            LifecycleRules =
            [
                new LifecycleRule
                {
                    Id = "expire-audit-logs",
                    Expiration = Duration.Days(props.RetentionDays),
                    NoncurrentVersionExpiration = Duration.Days(1),
                    AbortIncompleteMultipartUploadAfter = Duration.Days(7),
                },
            ],
            RemovalPolicy = DataProtection.Removal(props.ProtectData),
        });

        props.AccessLogs.ReceiveServerAccessLogs(Bucket, "s3-access/audit/");

        // The bucket policy CloudTrail needs, with aws:SourceArn naming this trail
        // (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html).
        Bucket.AddToResourcePolicy(IamStatement.Allow(
            ["s3:GetBucketAcl"],
            [Bucket.BucketArn],
            conditions: new Dictionary<string, object> { ["StringEquals"] = fromThisTrail },
            sid: "AWSCloudTrailAclCheck",
            principal: IamPrincipal.Services("cloudtrail.amazonaws.com")));
        Bucket.AddToResourcePolicy(IamStatement.Allow(
            ["s3:PutObject"],
            [$"{Bucket.BucketArn}/AWSLogs/{stack.Account}/*"],
            conditions: new Dictionary<string, object>
            {
                ["StringEquals"] = new Dictionary<string, object>
                {
                    ["s3:x-amz-acl"] = "bucket-owner-full-control",
                    ["aws:SourceArn"] = trailArn,
                },
            },
            sid: "AWSCloudTrailWrite",
            principal: IamPrincipal.Services("cloudtrail.amazonaws.com")));
        if (props.ProtectData)
            Bucket.AddToResourcePolicy(IamStatement.Deny(
                ["s3:BypassGovernanceRetention", "s3:DeleteObjectVersion"],
                [$"{Bucket.BucketArn}/*"],
                sid: "DenyObjectLockBypass",
                principal: IamPrincipal.Anyone));

        Trail = new CfnTrail(this, "Trail", new CfnTrailProps
        {
            TrailName = props.TrailName,
            IsLogging = true,
            IsMultiRegionTrail = true,
            IncludeGlobalServiceEvents = true,
            EnableLogFileValidation = true,
            S3BucketName = Bucket.BucketName,
            KmsKeyId = Key.KeyArn,
            EventSelectors = new object[]
            {
                new CfnTrail.EventSelectorProperty
                {
                    IncludeManagementEvents = true,
                    ReadWriteType = "All",
                    // Object-level reads and writes of the data tier: who read a model or dataset, and who deleted it.
                    DataResources = props.DataEventBuckets.Count == 0
                        ? null
                        : new object[]
                        {
                            new CfnTrail.DataResourceProperty
                            {
                                Type = "AWS::S3::Object",
                                Values = props.DataEventBuckets.Select(b => $"arn:{Aws.PARTITION}:s3:::{b}/").ToArray(),
                            },
                        },
                },
            },
        });
        // CloudTrail checks the bucket policy when the trail is created.
        Trail.Node.AddDependency(Bucket.Policy!);
    }
}
