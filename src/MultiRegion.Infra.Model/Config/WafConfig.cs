namespace MultiRegion.Infra.Model.Config;

/// <summary>WAFv2 web ACLs: one with scope CLOUDFRONT on the distribution, and one with scope REGIONAL per load balancer.</summary>
/// <param name="RateLimit">Requests one client IP may send per <paramref name="RateLimitWindowSeconds"/> before it is blocked.</param>
/// <param name="RateLimitWindowSeconds">Window the rate limit counts over: 60, 120, 300 or 600 s.</param>
/// <param name="ManagedRuleGroups">AWS managed rule groups (vendor AWS), evaluated in order before the rate rule.</param>
/// <param name="CloudFrontAclRegion">Region of the CLOUDFRONT-scope ACL. CloudFront only accepts ACLs from us-east-1.</param>
/// <param name="RegionalAcls">Also attach a REGIONAL ACL with the same rules to every region's load balancer.</param>
/// <param name="CountRules">
/// Per managed rule group, rules whose action is overridden to Count (logged and measured, never blocking).
/// Left out: <c>SizeRestrictions_BODY</c> of <c>AWSManagedRulesCommonRuleSet</c>, which blocks every request body over
/// 8 KB, so inference and upload POSTs would get 403 (https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-baseline.html).
/// The group's other rules still inspect the first 8 KB. Give <c>{}</c> to block large bodies again.
/// </param>
/// <param name="OriginHeaderKeys">
/// With a CDN and regional ACLs: keys of the origin-verify secret (<c>&lt;app&gt;-&lt;env&gt;/origin-verify</c>, JSON)
/// whose values prove a request came through CloudFront (header <c>x-origin-verify</c>). Such requests skip the
/// regional per-IP rate rule (they carry CloudFront's addresses and were rate-limited per viewer at the edge).
/// CloudFront sends the last key's value. Default <c>[v1]</c>; list two keys only while rotating.
/// </param>
public sealed record WafConfig(
    int RateLimit,
    IReadOnlyList<string> ManagedRuleGroups,
    int RateLimitWindowSeconds = 300,
    string CloudFrontAclRegion = AwsRegions.CloudFrontHome,
    bool RegionalAcls = true,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? CountRules = null,
    IReadOnlyList<string>? OriginHeaderKeys = null)
{
    /// <summary>Header CloudFront adds to every origin request and the regional ACLs check.</summary>
    public const string OriginHeader = "x-origin-verify";

    /// <summary>
    /// Keys (in the origin-verify secret's JSON) whose values the regional ACLs accept as proof that a request came
    /// through CloudFront; CloudFront sends the last one. Two keys only while rotating (see the README).
    /// </summary>
    public IReadOnlyList<string> EffectiveOriginHeaderKeys => OriginHeaderKeys ?? ["v1"];

    public const string CommonRuleSet = "AWSManagedRulesCommonRuleSet", BodySizeRule = "SizeRestrictions_BODY";

    /// <summary>The rules counted instead of blocked: the configured ones, else the common rule set's body-size rule.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> EffectiveCountRules => CountRules
        ?? (ManagedRuleGroups.Contains(CommonRuleSet)
            ? new Dictionary<string, IReadOnlyList<string>> { [CommonRuleSet] = [BodySizeRule] }
            : new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>Rules of <paramref name="group"/> counted instead of blocked.</summary>
    public IReadOnlyList<string> CountRulesOf(string group) =>
        EffectiveCountRules.TryGetValue(group, out var rules) ? rules : [];

    public static readonly IReadOnlyList<int> AllowedWindows = [60, 120, 300, 600];

    /// <summary>WAF's bounds on a rate-based rule's limit.</summary>
    public const int MinRateLimit = 10, MaxRateLimit = 2_000_000_000;
}
