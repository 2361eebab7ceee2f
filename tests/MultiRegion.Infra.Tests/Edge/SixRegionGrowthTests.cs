using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Edge;

/// <summary>
/// stacks/global.yaml: the MLOps platform in six regions, three of them data regions. Walks its synthesized record
/// tree for every scenario (configured rows exact, the others Route53's proportional split, no dead region
/// answered) and checks the compute-only regions hold no data members.
/// </summary>
public sealed class SixRegionGrowthTests
{
    private static SynthesizedPlatform Global => SynthesizedPlatform.Shipped("global");

    [Fact]
    public void Every_scenario_of_six_regions_resolves_to_its_plan()
    {
        var p = Global;
        var c = p.Config;
        Assert.Equal(6, c.Regions.Count);
        var sim = new Route53Simulator(Path.Combine(p.Outdir, p.Platform.Global.TemplateFile), c.Regions.Select(r => r.Name), c.Dns.ZoneName);
        FailoverTreeTests.AssertEveryScenario(c, sim, $"{c.Edge!.Routing.WeightedName}.{c.Dns.ZoneName}");
    }

    [Fact]
    public void Only_the_two_configured_rows_have_their_own_weighted_set()
    {
        Assert.Equal(["any", "down-us-west-2", "down-us-west-2-us-east-1"], Global.Platform.Global.Failover!.SetNames.Keys.Order());
    }

    [Theory]
    [InlineData("eu-central-1", "eu-west-1")]
    [InlineData("ap-southeast-1", "us-west-2")]
    [InlineData("ap-northeast-1", "us-west-2")]
    public void A_compute_only_region_holds_no_data_member_and_names_its_data_region(string region, string dataRegion)
    {
        var t = Global.Regional(region);
        t.ResourceCountIs("AWS::RDS::DBCluster", 0);
        t.ResourceCountIs("AWS::ElastiCache::ReplicationGroup", 0);
        var outputs = t.FindOutputs("DataRegion");
        Assert.Equal(dataRegion, ((Dictionary<string, object>)outputs["DataRegion"])["Value"]);
        Assert.Single(t.FindOutputs("DataRegionDatabaseReaderEndpoint"));
    }

    [Theory]
    [InlineData("us-west-2")]
    [InlineData("us-east-1")]
    [InlineData("eu-west-1")]
    public void A_data_region_holds_the_database_and_both_caches(string region)
    {
        var t = Global.Regional(region);
        t.ResourceCountIs("AWS::RDS::DBCluster", 1);
        t.ResourceCountIs("AWS::ElastiCache::ReplicationGroup", 2);
    }
}
