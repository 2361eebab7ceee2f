using Amazon.CDK;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.CustomResources;
using Constructs;

namespace MultiRegion.Infra.Composition.References;

/// <summary>
/// Reads other stacks' published SSM parameters at deploy time, one <c>ssm:GetParameter</c> custom resource per
/// parameter, under one <c>References</c> construct per consuming stack. CloudFormation's own SSM dynamic
/// references and SSM-typed parameters resolve only in the stack's region, so a parameter written in another
/// region is read by an <see cref="AwsCustomResource"/> calling that region
/// (https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.custom_resources.AwsCustomResource.html).
/// <para>
/// Re-read on every deploy: CloudFormation runs a custom resource only when its properties change, so each reader
/// carries the time the program started (<see cref="NonceContextKey"/> overrides it for reproducible templates). Each reader's
/// IAM policy allows <c>ssm:GetParameter</c> on its one parameter ARN only.
/// </para>
/// </summary>
public sealed class ParameterReader : Construct
{
    /// <summary>CDK context key whose value replaces the program's start time as the re-read marker.</summary>
    public const string NonceContextKey = "multiregion:referenceNonce";

    // One marker per run of the program (each cdk deploy starts one), so syntheses within a run agree.
    private static readonly string ProcessStart = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ");

    private readonly Dictionary<string, string> _read = new(StringComparer.Ordinal);
    private readonly string _nonce;

    private ParameterReader(Construct scope, string id) : base(scope, id)
    {
        _nonce = Node.TryGetContext(NonceContextKey) as string ?? ProcessStart;
    }

    /// <summary>The reader of <paramref name="consumer"/> (made on first use).</summary>
    public static ParameterReader In(Stack consumer) =>
        consumer.Node.TryFindChild("References") as ParameterReader ?? new ParameterReader(consumer, "References");

    /// <summary>The value of parameter <paramref name="name"/> in <paramref name="region"/>, as a deploy-time token.</summary>
    public string Read(string region, string name)
    {
        var key = $"{region}:{name}";
        if (_read.TryGetValue(key, out var existing))
            return existing;
        var stack = Stack.Of(this);
        var arn = Arn.Format(new ArnComponents
        {
            Service = "ssm",
            Region = region,
            Resource = "parameter",
            ResourceName = name.TrimStart('/'),
        }, stack);
        var call = new AwsSdkCall
        {
            Service = "SSM",
            Action = "GetParameter",
            Parameters = new Dictionary<string, object> { ["Name"] = name },
            Region = region,
            PhysicalResourceId = PhysicalResourceId.Of($"{region}:{name}"),
            // Only the value comes back (a custom resource's response is limited to 4 KB).
            OutputPaths = ["Parameter.Value"],
        };
        var reader = new AwsCustomResource(this, "Read" + PublishedParameter.Id(name), new AwsCustomResourceProps
        {
            ResourceType = "Custom::ParameterReader",
            OnCreate = call,
            OnUpdate = call,
            InstallLatestAwsSdk = false,
            Policy = AwsCustomResourcePolicy.FromStatements([IamStatement.Allow(["ssm:GetParameter"], [arn])]),
        });
        // A property the handler ignores, changed by every synthesis, so every deploy reads the current value.
        ((CfnResource)reader.Node.FindChild("Resource").Node.DefaultChild!).AddPropertyOverride("ReadAt", _nonce);
        return _read[key] = reader.GetResponseField("Parameter.Value");
    }
}
