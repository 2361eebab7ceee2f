using System.Text;
using MultiRegion.Infra.Model.Planning;
using MultiRegion.Infra.Model.Tests.Data;

namespace MultiRegion.Infra.Model.Tests.Security;

public sealed class TlsSectionTests
{
    [Fact]
    public void Prod_lists_every_hop_from_viewer_to_data_stores()
    {
        var hops = TlsSection.Hops(DataYaml.Load(DataYaml.Shipped("prod"))).Select(h => h.Hop).ToList();
        Assert.Equal(["viewer -> CloudFront", "CloudFront -> ALB", "client -> ALB", "ALB -> pod", "pod -> Aurora", "pod -> ElastiCache"], hops);
    }

    [Fact]
    public void The_alb_keeps_tls_1_2_because_cloudfront_reaches_origins_with_1_2_at_most()
    {
        var alb = TlsSection.Hops(DataYaml.Load(DataYaml.Shipped("prod"))).Single(h => h.Hop == "client -> ALB");
        Assert.Contains("CloudFront", alb.Why);
    }

    [Fact]
    public void Plan_md_renders_the_table()
    {
        var md = new StringBuilder();
        TlsSection.Render(DataYaml.Load(DataYaml.Shipped("prod")), md);
        Assert.Contains("## TLS per hop", md.ToString());
        Assert.Contains("| ALB -> pod | HTTP inside the VPC", md.ToString());
    }
}
