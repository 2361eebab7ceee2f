using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Loading;

namespace MultiRegion.Infra.Model.Tests.Loading;

public sealed class ConfigLoaderTests
{
    private static IReadOnlyList<ConfigProblem> Problems(string yaml)
    {
        var e = Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "test.yaml"));
        Assert.NotEmpty(e.Problems);
        return e.Problems;
    }

    private static ConfigProblem Single(string yaml, string path)
    {
        var problems = Problems(yaml);
        return Assert.Single(problems, p => p.Path == path);
    }

    [Fact]
    public void A_valid_config_loads_into_typed_records()
    {
        var c = ConfigLoader.Parse(ValidYaml.Text, "test.yaml");
        Assert.Equal("shop-test", c.Prefix);
        Assert.Equal(RegionRole.Primary, c.Regions[0].Role);
        Assert.Equal(["us-west-2a", "us-west-2b"], c.Regions[0].AvailabilityZones);
        Assert.Equal(4, c.SizingOf(c.Regions[0]).NodeGroups["cpu"].MaxSize);
        Assert.True(c.ProtectData); // protect by default: forgetting the flag must not make data deletable
        Assert.Equal(NatLayout.PerAz, c.NetworkSettings.Nat);
        Assert.Equal("us-west-2", c.PrimaryRegion.Name);
    }

    [Fact]
    public void Weights_that_do_not_sum_to_100_are_rejected_with_every_weight_shown()
    {
        var p = Single(ValidYaml.With("trafficWeight: 30", "trafficWeight: 25"), "regions");
        Assert.Contains("must sum to 100, got 70 + 25 = 95", p.Message);
        Assert.Equal("test.yaml", p.File);
    }

    [Fact]
    public void A_weight_outside_0_to_100_is_rejected()
    {
        var problems = Problems(ValidYaml.With("trafficWeight: 30", "trafficWeight: -30"));
        Assert.Contains(problems, p => p.Path == "regions[1].trafficWeight" && p.Message.Contains("-30"));
    }

    [Fact]
    public void An_unknown_region_is_rejected_with_a_suggestion()
    {
        var p = Single(ValidYaml.With("- name: us-east-1", "- name: us-east-9").Replace("us-east-1a, us-east-1b", "us-east-9a, us-east-9b"), "regions[1].name");
        Assert.Contains("unknown AWS region 'us-east-9'", p.Message);
        Assert.Contains("did you mean", p.Message);
    }

    [Fact]
    public void A_duplicate_region_is_rejected()
    {
        var yaml = ValidYaml.With("- name: us-east-1", "- name: us-west-2").Replace("us-east-1a, us-east-1b", "us-west-2a, us-west-2b");
        var p = Single(yaml, "regions[1].name");
        Assert.Contains("duplicate region 'us-west-2' (already regions[0])", p.Message);
    }

    [Fact]
    public void Min_greater_than_max_is_rejected()
    {
        var p = Single(ValidYaml.With("minSize: 1, desiredSize: 1, maxSize: 2", "minSize: 3, desiredSize: 3, maxSize: 2"),
            "sizing.secondary.nodeGroups.cpu.minSize");
        Assert.Contains("minSize 3 is greater than maxSize 2", p.Message);
    }

    [Fact]
    public void Desired_outside_bounds_is_rejected()
    {
        var p = Single(ValidYaml.With("minSize: 1, desiredSize: 2, maxSize: 4", "minSize: 1, desiredSize: 9, maxSize: 4"),
            "sizing.primary.nodeGroups.cpu.desiredSize");
        Assert.Contains("9 is outside minSize..maxSize (1..4)", p.Message);
    }

    [Fact]
    public void An_unknown_key_is_rejected_with_did_you_mean_and_its_line()
    {
        var p = Single(ValidYaml.With("    trafficWeight: 70", "    trafficWieght: 70"), "regions[0].trafficWieght");
        Assert.Contains("unknown setting 'trafficWieght' (did you mean 'trafficWeight'?)", p.Message);
        Assert.Equal(10, p.Line);
        Assert.StartsWith("test.yaml:10: regions[0].trafficWieght:", p.ToString());
    }

    [Fact]
    public void A_wrong_type_is_rejected_with_the_value()
    {
        var p = Single(ValidYaml.With("trafficWeight: 70", "trafficWeight: seventy"), "regions[0].trafficWeight");
        Assert.Equal("expected a whole number, got 'seventy'", p.Message);
    }

    [Fact]
    public void A_list_where_a_mapping_is_expected_is_rejected()
    {
        var p = Single(ValidYaml.With("""
              zoneName: shop.example.com
              hostedZoneId: Z0123456789ABCDEFGHIJ
            """, "  - shop.example.com\n"), "dns");
        Assert.Contains("expected a mapping of settings, got a list", p.Message);
    }

    [Fact]
    public void A_bad_enum_value_lists_the_allowed_ones()
    {
        var p = Single(ValidYaml.With("role: secondary", "role: secundary"), "regions[1].role");
        Assert.Contains("'secundary' is not one of primary, secondary, tertiary", p.Message);
        Assert.Contains("did you mean 'secondary'", p.Message);
    }

    [Fact]
    public void A_missing_required_setting_is_named()
    {
        var p = Single(ValidYaml.With("account: \"123456789012\"\n", ""), "account");
        Assert.Equal("missing required setting", p.Message);
    }

    [Fact]
    public void An_empty_file_is_rejected()
    {
        var p = Assert.Single(Problems("   \n"));
        Assert.Contains("the file is empty", p.Message);
    }

    [Fact]
    public void A_comment_only_file_is_rejected()
    {
        var p = Assert.Single(Problems("# nothing here\n"));
        Assert.Contains("no content", p.Message);
    }

    [Fact]
    public void Unparsable_yaml_is_rejected_with_its_line()
    {
        var p = Assert.Single(Problems("app: shop\nregions: [us-west-2\nsizing: {}\n"));
        Assert.Contains("not valid YAML", p.Message);
        Assert.Equal("test.yaml", p.File);
    }

    [Fact]
    public void A_duplicate_key_is_rejected()
    {
        var p = Assert.Single(Problems(ValidYaml.Text + "\napp: other\n"));
        Assert.Contains("not valid YAML", p.Message);
    }

    [Fact]
    public void All_problems_are_reported_at_once()
    {
        var yaml = ValidYaml.With("trafficWeight: 30", "trafficWeight: 20")
            .Replace("account: \"123456789012\"", "account: \"12\"")
            .Replace("role: secondary", "role: primary");
        var problems = Problems(yaml);
        Assert.Contains(problems, p => p.Path == "account" && p.Message.Contains("12-digit"));
        Assert.Contains(problems, p => p.Path == "regions" && p.Message.Contains("sum to 100"));
        Assert.Contains(problems, p => p.Path == "regions" && p.Message.Contains("exactly one region must have role 'primary' (found 2)"));
    }

    [Fact]
    public void Binding_problems_in_several_places_are_all_reported()
    {
        var yaml = ValidYaml.With("trafficWeight: 30", "trafficWeight: thirty").Replace("spotPercent: 50\n    nodeGroups:\n      cpu: { instanceTypes: [c5.large], minSize: 1, desiredSize: 1", "spotPercent: half\n    nodeGroups:\n      cpu: { instanceTypes: [c5.large], minSize: 1, desiredSize: 1");
        var problems = Problems(yaml);
        Assert.Contains(problems, p => p.Path == "regions[1].trafficWeight");
        Assert.Contains(problems, p => p.Path == "sizing.secondary.spotPercent");
    }

    [Fact]
    public void A_region_whose_role_has_no_sizing_tier_is_rejected()
    {
        var p = Single(ValidYaml.With("role: secondary", "role: tertiary"), "regions[1].role");
        Assert.Contains("no sizing tier 'tertiary'", p.Message);
    }

    [Fact]
    public void A_region_may_name_another_sizing_tier()
    {
        var c = ConfigLoader.Parse(ValidYaml.With("role: secondary\n", "role: tertiary\n    sizing: secondary\n"), "test.yaml");
        Assert.Equal(2, c.SizingOf(c.Regions[1]).NodeGroups["cpu"].MaxSize);
    }

    [Fact]
    public void Zones_of_another_region_are_rejected()
    {
        var p = Single(ValidYaml.With("[us-east-1a, us-east-1b]", "[us-east-1a, us-west-2b]"), "regions[1].availabilityZones[1]");
        Assert.Contains("'us-west-2b' is not an availability zone of us-east-1", p.Message);
    }

    [Fact]
    public void A_single_zone_is_not_enough()
    {
        var p = Single(ValidYaml.With("[us-east-1a, us-east-1b]", "[us-east-1a]"), "regions[1].availabilityZones");
        Assert.Contains("at least 2", p.Message);
    }

    [Fact]
    public void Overlapping_vpc_ranges_are_rejected()
    {
        var p = Single(ValidYaml.With("10.2.0.0/16", "10.1.0.0/17"), "regions[1].vpcCidr");
        Assert.Contains("overlaps regions[0]", p.Message);
    }

    [Theory]
    [InlineData("10.2.0.0", "not an IPv4 CIDR")]
    [InlineData("10.2.0.1/16", "not an IPv4 CIDR")]
    [InlineData("10.2.0.0/24", "/16 to /18")]
    public void Bad_vpc_ranges_are_rejected(string cidr, string expected)
    {
        var p = Single(ValidYaml.With("10.2.0.0/16", cidr), "regions[1].vpcCidr");
        Assert.Contains(expected, p.Message);
    }

    [Fact]
    public void Spot_percent_must_be_a_percentage()
    {
        var p = Single(ValidYaml.With("spotPercent: 50\n    nodeGroups:\n      cpu: { instanceTypes: [c5.large], minSize: 1, desiredSize: 2", "spotPercent: 150\n    nodeGroups:\n      cpu: { instanceTypes: [c5.large], minSize: 1, desiredSize: 2"), "sizing.primary.spotPercent");
        Assert.Contains("150", p.Message);
    }

    [Fact]
    public void Names_used_in_resource_names_must_be_dns_safe()
    {
        var p = Single(ValidYaml.With("app: shop", "app: Shop_App"), "app");
        Assert.Contains("'Shop_App'", p.Message);
    }

    [Fact]
    public void Reserved_tags_cannot_be_overridden()
    {
        var p = Single(ValidYaml.Text + "\ntags:\n  environment: other\n", "tags.environment");
        Assert.Contains("set by the program", p.Message);
    }

    [Fact]
    public void A_bad_flow_log_retention_names_the_allowed_values()
    {
        var p = Single(ValidYaml.Text + "\nnetwork:\n  flowLogRetentionDays: 10\n", "network.flowLogRetentionDays");
        Assert.Contains("not a CloudWatch Logs retention", p.Message);
    }

    [Fact]
    public void A_bad_hosted_zone_id_is_rejected()
    {
        var p = Single(ValidYaml.With("Z0123456789ABCDEFGHIJ", "abc"), "dns.hostedZoneId");
        Assert.Contains("not a Route53 hosted zone id", p.Message);
    }

    [Fact]
    public void Problems_print_as_file_line_path_message()
    {
        var p = new ConfigProblem("stacks/prod.yaml", 12, "regions[1].trafficWeight", "bad");
        Assert.Equal("stacks/prod.yaml:12: regions[1].trafficWeight: bad", p.ToString());
    }
}
