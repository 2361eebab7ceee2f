namespace MultiRegion.Infra.Model.Config;

/// <summary>WAFv2 web ACLs: one with scope CLOUDFRONT on the distribution, and one with scope REGIONAL per load balancer.</summary>
/// <param name="RateLimit">Requests one client IP may send per <paramref name="RateLimitWindowSeconds"/> before it is blocked.</param>
/// <param name="RateLimitWindowSeconds">Window the rate limit counts over: 60, 120, 300 or 600 s.</param>
/// <param name="ManagedRuleGroups">AWS managed rule groups (vendor AWS), evaluated in order before the rate rule.</param>
/// <param name="CloudFrontAclRegion">Region of the CLOUDFRONT-scope ACL. CloudFront only accepts ACLs from us-east-1.</param>
/// <param name="RegionalAcls">Also attach a REGIONAL ACL with the same rules to every region's load balancer.</param>
public sealed record WafConfig(
    int RateLimit,
    IReadOnlyList<string> ManagedRuleGroups,
    int RateLimitWindowSeconds = 300,
    string CloudFrontAclRegion = AwsRegions.CloudFrontHome,
    bool RegionalAcls = true)
{
    public static readonly IReadOnlyList<int> AllowedWindows = [60, 120, 300, 600];

    /// <summary>WAF's bounds on a rate-based rule's limit.</summary>
    public const int MinRateLimit = 10, MaxRateLimit = 2_000_000_000;
}
