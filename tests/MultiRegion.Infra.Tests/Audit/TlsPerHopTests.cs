using Amazon.CDK.Assertions;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Audit;

/// <summary>
/// What the templates enforce on each hop of README's "TLS per hop" table. A row of the table that a template
/// stops enforcing fails here.
/// </summary>
public sealed class TlsPerHopTests
{
    private static readonly SynthesizedPlatform Prod = SynthesizedPlatform.Shipped("prod");

    private static Dictionary<string, object> Props(params (string Key, object Value)[] values) =>
        values.ToDictionary(v => v.Key, v => v.Value);

    [Fact]
    public void Viewer_to_cloudfront_is_tls_1_2_minimum_with_1_3_offered()
    {
        Prod.Global.HasResourceProperties("AWS::CloudFront::Distribution", Props(("DistributionConfig", Match.ObjectLike(Props(
            ("ViewerCertificate", Match.ObjectLike(Props(("MinimumProtocolVersion", "TLSv1.2_2021"), ("SslSupportMethod", "sni-only")))))))));
    }

    [Fact]
    public void Cloudfront_to_alb_is_https_only_with_tls_1_2()
    {
        var json = TemplateJsonText(Prod.Platform.Global);
        Assert.Contains("\"OriginProtocolPolicy\": \"https-only\"", json);
        Assert.DoesNotContain("\"OriginProtocolPolicy\": \"http-only\"", json);
        Assert.DoesNotContain("\"OriginProtocolPolicy\": \"match-viewer\"", json);
        Assert.Matches("\"OriginSSLProtocols\": \\[\\s*\"TLSv1.2\"\\s*\\]", json);
    }

    [Theory]
    [InlineData("us-west-2")]
    [InlineData("eu-west-1")]
    public void Client_to_alb_is_tls_1_3_with_a_1_2_fallback_and_http_redirects(string region)
    {
        var t = Prod.Regional(region);
        t.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Props(
            ("Protocol", "HTTPS"), ("SslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06")));
        t.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", Props(
            ("Protocol", "HTTP"), ("DefaultActions", Match.ArrayWith(new object[] { Match.ObjectLike(Props(("Type", "redirect"))) }))));
    }

    [Fact]
    public void Pod_to_redis_is_encrypted_in_transit_with_auth()
    {
        var t = Prod.Regional("us-west-2");
        t.AllResourcesProperties("AWS::ElastiCache::ReplicationGroup", Props(("TransitEncryptionEnabled", true), ("AtRestEncryptionEnabled", true)));
    }

    [Fact]
    public void Pod_to_aurora_requires_tls_1_2_or_newer()
    {
        Prod.Regional("us-west-2").HasResourceProperties("AWS::RDS::DBClusterParameterGroup", Props(("Parameters", Match.ObjectLike(Props(
            ("rds.force_ssl", "1"), ("ssl_min_protocol_version", "TLSv1.2"))))));
    }

    private static string TemplateJsonText(Amazon.CDK.Stack stack) =>
        File.ReadAllText(Path.Combine(Prod.Outdir, stack.TemplateFile));
}
