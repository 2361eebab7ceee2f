using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Loading;
using MultiRegion.Infra.Model.Planning;
using MultiRegion.Infra.Model.Tests.Loading;

namespace MultiRegion.Infra.Model.Tests.Planning;

/// <summary>What plan.md says about capacity, stores, the accelerator and placeholders (issue 14, item 5).</summary>
public sealed class PlanStatementTests
{
    private static StackConfig Shipped(string name) => ConfigLoader.Load(Path.Combine(ShippedConfigTests.StacksDir, name + ".yaml"));

    private static string Markdown(StackConfig c) => PlanMarkdown.Render(c,
        new PlanDocument(c.App, c.Environment, "test.yaml", PlanDocument.RegionsOf(c), [], PlanFailoverRow.Of(c))
        {
            Data = DataPlan.Of(c),
            Accelerator = AcceleratorSection.Of(c),
            Objectives = Model.Planning.Objectives.ObjectivesSection.Of(c),
        });

    [Fact]
    public void A_secondary_database_region_is_its_readers_only_and_the_primary_a_writer_plus_readers()
    {
        var c = Shipped("prod");
        var primary = DataCapacity.Database(c, c.Regions[0])!;
        var secondary = DataCapacity.Database(c, c.Regions[1])!;
        Assert.Equal((3, "db.r5.4xlarge: writer + 2 readers"), (primary.Instances, primary.ToString()));
        Assert.Equal((2, "db.r5.2xlarge: 2 readers"), (secondary.Instances, secondary.ToString()));
        var row = Markdown(c).Split('\n').First(l => l.StartsWith("| us-east-1 | secondary | 30% |", StringComparison.Ordinal));
        Assert.Contains("| db.r5.2xlarge: 2 readers |", row);
    }

    [Fact]
    public void Cache_capacity_counts_nodes_and_says_replica_in_the_singular_for_one()
    {
        var c = Shipped("prod");
        var tertiary = DataCapacity.Cache(c, c.Regions[2])!;
        Assert.Equal(tertiary.Shards * 2, tertiary.Nodes);
        Assert.Contains("(1 primary + 1 replica)", tertiary.ToString());
        Assert.DoesNotContain("replicas/shard", Markdown(c));
    }

    [Fact]
    public void Store_objectives_are_named_by_their_store_as_well_as_their_path()
    {
        var md = Markdown(Shipped("prod"));
        Assert.Contains("| critical: database (`objectives.stores[0].rpoSeconds`) |", md);
    }

    [Fact]
    public void The_video_chat_plan_has_a_global_accelerator_section_and_diagram_node()
    {
        var md = Markdown(Shipped("videochat"));
        Assert.Contains("## Global Accelerator", md);
        Assert.Contains("`ws.chat.example.com` is an alias of accelerator `videochat-prod`", md);
        Assert.Contains("users --> ga[\"Global Accelerator ws.chat.example.com\"]", md);
        Assert.Contains("ga -- \"dial 100%\" --> eu_west_1", md);
        Assert.DoesNotContain("## Global Accelerator", Markdown(Shipped("prod")));
    }

    [Theory]
    [InlineData("account")]
    [InlineData("dns.zoneName")]
    [InlineData("dns.hostedZoneId")]
    public void Placeholder_values_are_warnings_at_their_path(string path)
    {
        var placeholders = ConfigLoader.Parse(ValidYaml.With("account: \"123456789012\"", "account: \"111111111111\"")
            .Replace("hostedZoneId: Z0123456789ABCDEFGHIJ", "hostedZoneId: Z00000000000000000000", StringComparison.Ordinal), "test.yaml");
        Assert.Single(placeholders.Warnings, w => w.Path == path);
        var realValues = ConfigLoader.Parse(ValidYaml.Text
            .Replace("\"123456789012\"", "\"210987654321\"", StringComparison.Ordinal)
            .Replace("shop.example.com", "shop.acme.io", StringComparison.Ordinal), "test.yaml");
        Assert.DoesNotContain(realValues.Warnings, w => w.Path == path);
    }
}
