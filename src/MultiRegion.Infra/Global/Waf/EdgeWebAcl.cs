using Amazon.CDK.AWS.WAFv2;
using Constructs;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Global.Waf;

/// <summary>Where a web ACL applies: CLOUDFRONT (must be created in us-east-1) or REGIONAL (load balancers of its region).</summary>
public enum WebAclScope
{
    CloudFront,
    Regional,
}

/// <summary>Inputs of <see cref="EdgeWebAcl"/>.</summary>
/// <param name="CloudFrontValues">Regional scope: the origin-verify header values that mark a request relayed by CloudFront (<see cref="OriginVerify"/>).</param>
public sealed record EdgeWebAclProps(WafConfig Waf, WebAclScope Scope, string Name, IReadOnlyList<string>? CloudFrontValues = null);

/// <summary>
/// A WAFv2 web ACL with the configured AWS managed rule groups (in order) and a per-IP rate-based rule;
/// everything else is allowed. The same rules at the edge (CloudFront) and on every regional load balancer,
/// so traffic that bypasses CloudFront meets them too.
/// </summary>
public sealed class EdgeWebAcl : Construct
{
    public CfnWebACL Acl { get; }

    public string Arn => Acl.AttrArn;

    public EdgeWebAcl(Construct scope, string id, EdgeWebAclProps props) : base(scope, id)
    {
        var waf = props.Waf;
        var rules = new List<CfnWebACL.RuleProperty>();
        for (var i = 0; i < waf.ManagedRuleGroups.Count; i++)
        {
            var group = waf.ManagedRuleGroups[i];
            rules.Add(new CfnWebACL.RuleProperty
            {
                Name = group,
                Priority = i,
                Statement = new CfnWebACL.StatementProperty
                {
                    ManagedRuleGroupStatement = new CfnWebACL.ManagedRuleGroupStatementProperty
                    {
                        VendorName = "AWS",
                        Name = group,
                        // Rules the config counts instead of blocking (by default the common rule set's 8 KB body limit,
                        // which would refuse inference and upload POSTs). RuleActionOverrides replaces the deprecated
                        // ExcludedRules: https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-wafv2-webacl-excludedrule.html
                        RuleActionOverrides = waf.CountRulesOf(group) is { Count: > 0 } counted
                            ? counted.Select(rule => (object)new CfnWebACL.RuleActionOverrideProperty
                            {
                                Name = rule,
                                ActionToUse = new CfnWebACL.RuleActionProperty { Count = new CfnWebACL.CountActionProperty() },
                            }).ToArray()
                            : null,
                    },
                },
                // The group's own actions apply (block) except for the rules overridden above.
                OverrideAction = new CfnWebACL.OverrideActionProperty { None = new Dictionary<string, object>() },
                VisibilityConfig = Visibility($"{props.Name}-{group}"),
            });
        }
        rules.Add(new CfnWebACL.RuleProperty
        {
            Name = "RateLimitPerIp",
            Priority = waf.ManagedRuleGroups.Count,
            Statement = new CfnWebACL.StatementProperty
            {
                RateBasedStatement = new CfnWebACL.RateBasedStatementProperty
                {
                    Limit = waf.RateLimit,
                    EvaluationWindowSec = waf.RateLimitWindowSeconds,
                    AggregateKeyType = "IP",
                    ScopeDownStatement = props.Scope == WebAclScope.Regional && props.CloudFrontValues is { Count: > 0 } values
                        ? NotFromCloudFront(values)
                        : null,
                },
            },
            Action = new CfnWebACL.RuleActionProperty { Block = new CfnWebACL.BlockActionProperty() },
            VisibilityConfig = Visibility($"{props.Name}-rate-limit"),
        });

        Acl = new CfnWebACL(this, "Acl", new CfnWebACLProps
        {
            Name = props.Name,
            Scope = props.Scope == WebAclScope.CloudFront ? "CLOUDFRONT" : "REGIONAL",
            DefaultAction = new CfnWebACL.DefaultActionProperty { Allow = new CfnWebACL.AllowActionProperty() },
            Rules = rules.ToArray(),
            VisibilityConfig = Visibility(props.Name),
        });
    }

    /// <summary>
    /// At a load balancer, requests relayed by CloudFront come from CloudFront's addresses, so counting them per IP
    /// would throttle whole edge locations; they were rate-limited per viewer IP at the edge already. The regional
    /// rule counts every request that does not carry an accepted value of the secret origin-verify header (direct and
    /// Global Accelerator traffic, whose client IPs are preserved). A header only CloudFront knows the value of,
    /// unlike <c>x-amz-cf-id</c>, which any client can send to skip the rule.
    /// </summary>
    private static CfnWebACL.StatementProperty NotFromCloudFront(IReadOnlyList<string> values)
    {
        var matches = values.Select(v => new CfnWebACL.StatementProperty
        {
            ByteMatchStatement = new CfnWebACL.ByteMatchStatementProperty
            {
                FieldToMatch = new CfnWebACL.FieldToMatchProperty
                {
                    SingleHeader = new Dictionary<string, object> { ["Name"] = WafConfig.OriginHeader },
                },
                PositionalConstraint = "EXACTLY",
                SearchString = v,
                TextTransformations = new object[] { new CfnWebACL.TextTransformationProperty { Priority = 0, Type = "NONE" } },
            },
        }).ToList();
        return new CfnWebACL.StatementProperty
        {
            NotStatement = new CfnWebACL.NotStatementProperty
            {
                // An OR needs two statements: two values only while rotating.
                Statement = matches.Count == 1
                    ? matches[0]
                    : new CfnWebACL.StatementProperty { OrStatement = new CfnWebACL.OrStatementProperty { Statements = matches.ToArray<object>() } },
            },
        };
    }

    private static CfnWebACL.VisibilityConfigProperty Visibility(string metric) => new()
    {
        CloudWatchMetricsEnabled = true,
        SampledRequestsEnabled = true,
        MetricName = metric,
    };
}
