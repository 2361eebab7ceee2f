using Amazon.CDK;
using Amazon.CDK.AWS.KMS;
using Constructs;

namespace MultiRegion.Infra.Regional.Data;

/// <summary>
/// A customer-managed KMS key of one region for the data stores of one stack. Each region has its own key
/// (Aurora secondaries, replica buckets and cache members cannot use another region's key), found by alias
/// from other stacks so no key ARN has to cross regions.
/// </summary>
public sealed class DataKey : Construct
{
    public Key Key { get; }
    public string AliasName { get; }

    public DataKey(Construct scope, string id, string aliasName, string description, bool protectData) : base(scope, id)
    {
        AliasName = aliasName;
        Key = new Key(this, "Key", new KeyProps
        {
            Description = description,
            EnableKeyRotation = true,
            // Retained in prod: deleting the key makes every backup and replica it encrypts unreadable.
            RemovalPolicy = DataProtection.Removal(protectData),
            PendingWindow = Duration.Days(30),
            Alias = aliasName,
        });
    }
}
