using Amazon.CDK;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Regional.Data;

namespace MultiRegion.Infra.Global.Waf;

/// <summary>
/// The origin-verify secret, in the primary region's stack (which deploys before every other stack that reads it),
/// replicated by Secrets Manager under the same name to every other region of the platform and to us-east-1
/// (CloudFront's stack), so each stack resolves it locally
/// (https://docs.aws.amazon.com/secretsmanager/latest/userguide/replicate-secrets.html). JSON with one generated
/// key, the first of <see cref="WafConfig.EffectiveOriginHeaderKeys"/>; later keys are added when rotating.
/// </summary>
public sealed class OriginVerifySecret : Construct
{
    public Secret Secret { get; }

    public OriginVerifySecret(Construct scope, string id, StackConfig config) : base(scope, id)
    {
        var here = Stack.Of(this).Region;
        var replicas = config.Regions.Select(r => r.Name).Append(AwsRegions.CloudFrontHome)
            .Where(r => r != here).Distinct(StringComparer.Ordinal).ToList();
        Secret = new Secret(this, "Secret", new SecretProps
        {
            SecretName = OriginVerify.SecretName(config),
            Description = $"{config.Prefix}: value of the {WafConfig.OriginHeader} header CloudFront adds to origin requests; the regional web ACLs check it",
            GenerateSecretString = new SecretStringGenerator
            {
                SecretStringTemplate = "{}",
                GenerateStringKey = config.Edge!.Waf!.EffectiveOriginHeaderKeys[0],
                ExcludePunctuation = true,
                PasswordLength = 48,
            },
            ReplicaRegions = replicas.Select(r => new ReplicaRegion { Region = r }).ToArray(),
        });
        DataProtection.Apply((CfnResource)Secret.Node.DefaultChild!, DataProtection.Removal(config.ProtectData));
    }
}
