using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Constructs;
using MultiRegion.Infra.Regional.Data;
using MultiRegion.Infra.Composition;

namespace MultiRegion.Infra.Regional.Audit;

/// <summary>
/// A region's bucket for access logs: the load balancer's, and S3 server access logs of the audit bucket.
/// SSE-S3, not KMS: ALB access logs can only be written to SSE-S3 buckets
/// (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html, "Bucket
/// requirements"; the CDK refuses a KMS bucket for them, https://github.com/aws/aws-cdk/issues/21947).
/// Writers are granted through the bucket policy (objects stay owned by the bucket owner, no ACLs): the load balancer
/// adds its statement in <c>LogAccessLogs</c>, S3 server access logging through <see cref="ReceiveServerAccessLogs"/>.
/// </summary>
public sealed class LogBucket : Construct
{
    public Bucket Bucket { get; }

    public LogBucket(Construct scope, string id, int retentionDays, bool protectData) : base(scope, id)
    {
        Bucket = new Bucket(this, "Bucket", new BucketProps
        {
            Encryption = BucketEncryption.S3_MANAGED,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            EnforceSSL = true,
            MinimumTLSVersion = 1.2,
            Versioned = true,
            LifecycleRules =
            [
                new LifecycleRule
                {
                    Id = "expire-access-logs",
                    Expiration = Duration.Days(retentionDays),
                    NoncurrentVersionExpiration = Duration.Days(7),
                    AbortIncompleteMultipartUploadAfter = Duration.Days(7),
                },
            ],
            // Logs are evidence: kept when the stack goes in prod.
            RemovalPolicy = DataProtection.Removal(protectData),
        });
    }

    /// <summary>
    /// Turns on S3 server access logs of <paramref name="source"/> into this bucket under <paramref name="prefix"/>.
    /// With ACLs disabled the logging service is granted by bucket policy, limited to the source bucket and account
    /// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/enable-server-access-logging.html). Done here, not
    /// with the L2 <c>serverAccessLogsBucket</c>, which in this CDK version (without its feature flag) asks for the
    /// LogDeliveryWrite ACL that object ownership "bucket owner enforced" forbids.
    /// </summary>
    public void ReceiveServerAccessLogs(IBucket source, string prefix)
    {
        ((CfnBucket)source.Node.DefaultChild!).LoggingConfiguration = new CfnBucket.LoggingConfigurationProperty
        {
            DestinationBucketName = Bucket.BucketName,
            LogFilePrefix = prefix,
        };
        Bucket.AddToResourcePolicy(IamStatement.Allow(
            ["s3:PutObject"],
            [$"{Bucket.BucketArn}/{prefix}*"],
            conditions: new Dictionary<string, object>
            {
                ["ArnLike"] = new Dictionary<string, object> { ["aws:SourceArn"] = source.BucketArn },
                ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Stack.Of(this).Account },
            },
            sid: "S3ServerAccessLogs" + string.Concat(prefix.Where(char.IsAsciiLetterOrDigit)),
            principal: IamPrincipal.Services("logging.s3.amazonaws.com")));
    }
}
