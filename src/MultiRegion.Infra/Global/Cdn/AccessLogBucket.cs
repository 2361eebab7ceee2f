using Amazon.CDK;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace MultiRegion.Infra.Global.Cdn;

/// <summary>
/// The bucket CloudFront writes access logs to: encrypted, public access blocked, TLS only, expiring after the
/// configured days. CloudFront's standard logging writes through an ACL grant, so object ownership is
/// "bucket owner preferred" (ACLs enabled) rather than "enforced".
/// </summary>
public sealed class AccessLogBucket : Construct
{
    public Bucket Bucket { get; }

    public AccessLogBucket(Construct scope, string id, int retentionDays, bool protectData) : base(scope, id)
    {
        Bucket = new Bucket(this, "Bucket", new BucketProps
        {
            Encryption = BucketEncryption.S3_MANAGED,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_PREFERRED,
            EnforceSSL = true,
            LifecycleRules = [new LifecycleRule { Expiration = Duration.Days(retentionDays) }],
            RemovalPolicy = MultiRegion.Infra.Regional.Data.DataProtection.Removal(protectData),
        });
    }
}
