using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Global.Waf;

/// <summary>
/// The contract between CloudFront and the regional web ACLs: CloudFront adds header
/// <see cref="WafConfig.OriginHeader"/> to every origin request with a value from the origin-verify secret, and a
/// regional ACL treats a request carrying an accepted value as relayed by CloudFront. Replaces trusting
/// <c>x-amz-cf-id</c>, a header any client can send. Values are resolved by CloudFormation dynamic references
/// (usable in any resource property:
/// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references-secretsmanager.html), so they
/// never appear in a template; they are re-resolved only when the property holding them changes, which is why the
/// rotation procedure (README) changes the key name.
/// </summary>
public static class OriginVerify
{
    /// <summary>On when CloudFront fronts regional ACLs: without either, nothing needs to tell CloudFront's requests apart.</summary>
    public static bool IsOn(StackConfig config) =>
        config.Edge is { Cdn: not null, Waf: { RegionalAcls: true } };

    /// <summary>Name of the secret (created in the primary region, replicated to every other region and us-east-1).</summary>
    public static string SecretName(StackConfig config) => $"{config.Prefix}/origin-verify";

    /// <summary>A dynamic reference to one key of the secret, resolved by CloudFormation in the stack's own region.</summary>
    public static string Reference(StackConfig config, string key) =>
        $"{{{{resolve:secretsmanager:{SecretName(config)}:SecretString:{key}}}}}";

    /// <summary>The values a regional ACL accepts (none when off).</summary>
    public static IReadOnlyList<string> AcceptedValues(StackConfig config) =>
        IsOn(config) ? config.Edge!.Waf!.EffectiveOriginHeaderKeys.Select(k => Reference(config, k)).ToList() : [];

    /// <summary>The header CloudFront sends (none when off).</summary>
    public static IReadOnlyDictionary<string, string> SentHeaders(StackConfig config) =>
        IsOn(config)
            ? new Dictionary<string, string> { [WafConfig.OriginHeader] = Reference(config, config.Edge!.Waf!.EffectiveOriginHeaderKeys[^1]) }
            : new Dictionary<string, string>();
}
