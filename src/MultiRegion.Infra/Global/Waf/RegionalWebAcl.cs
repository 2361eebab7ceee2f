using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.WAFv2;
using Constructs;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Global.Waf;

/// <summary>The edge's WAF rules as a REGIONAL web ACL on one region's load balancer.</summary>
public sealed class RegionalWebAcl : Construct
{
    public EdgeWebAcl WebAcl { get; }

    public RegionalWebAcl(Construct scope, string id, WafConfig waf, string name, IApplicationLoadBalancer loadBalancer,
        IReadOnlyList<string>? cloudFrontValues = null) : base(scope, id)
    {
        WebAcl = new EdgeWebAcl(this, "WebAcl", new EdgeWebAclProps(waf, WebAclScope.Regional, name, cloudFrontValues));
        new CfnWebACLAssociation(this, "LoadBalancer", new CfnWebACLAssociationProps
        {
            ResourceArn = loadBalancer.LoadBalancerArn,
            WebAclArn = WebAcl.Arn,
        });
    }
}
