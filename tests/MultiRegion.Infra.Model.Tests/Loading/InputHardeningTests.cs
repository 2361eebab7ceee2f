using System.Text;
using MultiRegion.Infra.Model.Loading;
using MultiRegion.Infra.Model.Tests.Data;

namespace MultiRegion.Infra.Model.Tests.Loading;

/// <summary>
/// Issue #15, one named test per class of broken input: each is refused with one clear problem at its path and line,
/// never a crash, a silent replacement or an unbounded echo.
/// </summary>
public sealed class InputHardeningTests
{
    private static IReadOnlyList<ConfigProblem> Problems(string yaml) =>
        Assert.Throws<ConfigException>(() => ConfigLoader.Parse(yaml, "test.yaml")).Problems;

    private static ConfigProblem Only(string yaml, string path) => Assert.Single(Problems(yaml), p => p.Path == path);

    private static IReadOnlyList<ConfigProblem> LoadBytes(byte[] bytes)
    {
        var file = Path.Combine(Path.GetTempPath(), $"hardening-{Guid.NewGuid():N}.yaml");
        File.WriteAllBytes(file, bytes);
        try
        {
            return Assert.Throws<ConfigException>(() => ConfigLoader.Load(file, "test.yaml")).Problems;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static readonly string Prod = DataYaml.Shipped("prod");

    // --- Arithmetic overflow ---

    [Fact]
    public void A_whole_number_beyond_int_is_refused_at_its_path_not_overflowed()
    {
        var p = Only(ValidYaml.With("trafficWeight: 30", "trafficWeight: 99999999999"), "regions[1].trafficWeight");
        Assert.Contains("too large", p.Message);
    }

    [Fact]
    public void Weights_at_int_max_sum_without_overflow()
    {
        var problems = Problems(ValidYaml.With("trafficWeight: 30", "trafficWeight: 2147483647").Replace("trafficWeight: 70", "trafficWeight: 2147483647"));
        Assert.Contains(problems, p => p.Path == "regions" && p.Message.Contains("= 4294967294"));
    }

    [Fact]
    public void A_node_group_maximum_at_int_max_is_refused_by_the_node_bound_not_a_spot_split_overflow()
    {
        var problems = Problems(ValidYaml.With("desiredSize: 2, maxSize: 4", "desiredSize: 2, maxSize: 2147483647"));
        Assert.Contains(problems, p => p.Path == "sizing.primary.nodeGroups.cpu.maxSize" && p.Message.Contains("more than 1,000 nodes"));
    }

    [Fact]
    public void A_backup_rate_beyond_int_is_read_without_overflow()
    {
        // 10^11 minutes is a valid (if useless) interval: it loads, and nothing overflows.
        var yaml = Prod.ReplaceOnce("region: us-east-2", "region: us-east-2\n    schedule: rate(99999999999 minutes)");
        var e = Record.Exception(() => ConfigLoader.Parse(yaml, "test.yaml"));
        Assert.True(e is null or ConfigException, e?.ToString());
        Assert.DoesNotContain("too large to compute", e?.Message ?? "");
    }

    [Fact]
    public void A_failover_split_at_int_max_is_refused_without_overflow()
    {
        var problems = Problems(Prod.ReplaceOnce("split: { us-east-1: 80, eu-west-1: 20 }", "split: { us-east-1: 2147483647, eu-west-1: 2147483647 }"));
        Assert.Contains(problems, p => p.Path.EndsWith(".split", StringComparison.Ordinal) && p.Message.Contains("= 4294967294"));
    }

    [Fact]
    public void An_engine_version_beyond_int_does_not_crash_the_version_rules()
    {
        var yaml = Prod.Replace("engineVersion: \"7.1\"", "engineVersion: \"99999999999.1\"");
        var e = Record.Exception(() => ConfigLoader.Parse(yaml, "test.yaml"));
        Assert.True(e is null or ConfigException, e?.ToString());
        // Not even the loader's last line of defence (a number too large to compute with) was needed.
        Assert.DoesNotContain("too large to compute", e?.Message ?? "");
    }

    // --- Binder ---

    [Fact]
    public void A_word_in_a_list_of_numbers_is_a_problem_at_its_element()
    {
        var p = Only(Prod.ReplaceOnce("statusCodes: [500, 502, 503, 504]", "statusCodes: [500, five-oh-two, 503, 504]"),
            "edge.cdn.originFailover.statusCodes[1]");
        Assert.Contains("expected a whole number, got 'five-oh-two'", p.Message);
    }

    [Fact]
    public void An_infinite_number_is_reported_under_its_own_path()
    {
        var p = Only(Prod.ReplaceOnce("availabilityPercent: 99.95", "availabilityPercent: 99.95\n  regionOutagesPerYear: 1e999"),
            "objectives.regionOutagesPerYear");
        Assert.Contains("not a finite number", p.Message);
    }

    // --- What CDK or AWS would refuse later ---

    [Theory]
    [InlineData("c5.huge", "has no size 'huge'")]
    [InlineData("cx9.large", "unknown instance family 'cx9'")]
    [InlineData("c5large", "is not an instance type of the form")]
    [InlineData("c5.", "is not an instance type of the form")]
    [InlineData("C5.LARGE", "unknown instance family")]
    public void An_instance_type_that_does_not_exist_is_refused_at_load(string type, string expected)
    {
        var p = Only(ValidYaml.With("cpu: { instanceTypes: [c5.large], minSize: 1, desiredSize: 2", $"cpu: {{ instanceTypes: [\"{type}\"], minSize: 1, desiredSize: 2"),
            "sizing.primary.nodeGroups.cpu.instanceTypes[0]");
        Assert.Contains(expected, p.Message);
    }

    [Fact]
    public void Instance_types_of_different_architectures_in_one_group_are_refused()
    {
        var problems = Problems(ValidYaml.With("cpu: { instanceTypes: [c5.large], minSize: 1, desiredSize: 2", "cpu: { instanceTypes: [c5.large, m6g.large], minSize: 1, desiredSize: 2"));
        Assert.Contains(problems, p => p.Path == "sizing.primary.nodeGroups.cpu.instanceTypes" && p.Message.Contains("mixes x86_64 types (c5.large) with arm64 types (m6g.large)"));
    }

    [Fact]
    public void The_gpu_flag_must_agree_with_the_family()
    {
        var noGpu = Only(ValidYaml.With("cpu: { instanceTypes: [c5.large], minSize: 1, desiredSize: 2, maxSize: 4 }", "cpu: { instanceTypes: [c5.large], minSize: 1, desiredSize: 2, maxSize: 4, gpu: true }"),
            "sizing.primary.nodeGroups.cpu.gpu");
        Assert.Contains("'c5.large' has no GPU", noGpu.Message);
        var unflagged = Only(ValidYaml.With("cpu: { instanceTypes: [c5.large], minSize: 1, desiredSize: 2", "cpu: { instanceTypes: [g4dn.xlarge], minSize: 1, desiredSize: 2"),
            "sizing.primary.nodeGroups.cpu.gpu");
        Assert.Contains("is a GPU type but gpu is false", unflagged.Message);
        var unknownToCdk = Only(ValidYaml.With("cpu: { instanceTypes: [c5.large], minSize: 1, desiredSize: 2, maxSize: 4 }", "cpu: { instanceTypes: [p5.48xlarge], minSize: 1, desiredSize: 2, maxSize: 4, gpu: true }"),
            "sizing.primary.nodeGroups.cpu.gpu");
        Assert.Contains("does not count p5 as a GPU family", unknownToCdk.Message);
    }

    [Fact]
    public void The_shipped_gpu_families_are_known_gpu_families()
    {
        Assert.True(MultiRegion.Infra.Model.Validation.InstanceFamilies.Ec2["p3"].Gpu);
        Assert.Contains("p4d", MultiRegion.Infra.Model.Validation.InstanceFamilies.CdkGpuFamilies);
        Assert.Equal(MultiRegion.Infra.Model.Validation.CpuArchitecture.Arm64, MultiRegion.Infra.Model.Validation.InstanceFamilies.Ec2["c7gn"].Architecture);
    }

    [Fact]
    public void More_zones_than_the_vpc_range_holds_are_refused()
    {
        var zones = string.Join(", ", "abcdefg".Select(l => $"us-east-1{l}"));
        var p = Only(ValidYaml.With("availabilityZones: [us-east-1a, us-east-1b]", $"availabilityZones: [{zones}]"), "regions[1].availabilityZones");
        Assert.Contains("7 zones do not fit in '10.2.0.0/16'", p.Message);
        Assert.Equal(6, MultiRegion.Infra.Model.Planning.SubnetLayout.MaxZones(16));
        Assert.True(MultiRegion.Infra.Model.Planning.SubnetLayout.Fits(18, 6));
    }

    [Theory]
    [InlineData("[ecr.api, ecr-api]", "network.interfaceEndpoints[1]", "repeats interfaceEndpoints[0]")]
    [InlineData("[ecr..api]", "network.interfaceEndpoints[0]", "is not a service name")]
    [InlineData("[\"\"]", "network.interfaceEndpoints[0]", "is not a service name")]
    public void Interface_endpoint_names_must_be_well_formed_and_distinct(string list, string path, string expected)
    {
        var p = Only(ValidYaml.Text + $"\nnetwork: {{ interfaceEndpoints: {list} }}\n", path);
        Assert.Contains(expected, p.Message);
    }

    [Theory]
    [InlineData("aws:owner", "x", "reserved for AWS")]
    [InlineData("Owner", "AWS:x", "reserved for AWS")]
    [InlineData("k{129}", "x", "AWS allows 1 to 128")]
    [InlineData("owner", "v{257}", "at most 256")]
    public void Tags_follow_the_aws_tagging_rules(string key, string value, string expected)
    {
        static string Expand(string s) => s.EndsWith('}') ? new string(s[0], int.Parse(s[2..^1])) : s;
        var k = Expand(key);
        var p = Only(ValidYaml.Text + $"\ntags: {{ \"{k}\": \"{Expand(value)}\" }}\n", $"tags.{k}");
        Assert.Contains(expected, p.Message);
    }

    [Fact]
    public void A_backup_schedule_more_frequent_than_hourly_is_refused_and_not_counted_in_the_rpo()
    {
        var problems = Problems(Prod.ReplaceOnce("schedule: cron(0 * ? * * *)", "schedule: cron(0/30 * * * ? *)"));
        var p = Assert.Single(problems);
        Assert.Equal("data.backup.schedule", p.Path);
        Assert.Contains("at least 60 minutes between jobs", p.Message);
    }

    // --- Resource exhaustion ---

    [Fact]
    public void Deep_nesting_is_refused_with_its_line_instead_of_overflowing_the_stack()
    {
        var yaml = ValidYaml.Text + "\ntags: " + new string('[', 10_000) + new string(']', 10_000) + "\n";
        var p = Assert.Single(Problems(yaml));
        Assert.Contains("nesting deeper than 64 levels", p.Message);
        Assert.Equal(ValidYaml.Text.Split('\n').Length + 1, p.Line);
    }

    [Fact]
    public void Aliases_that_expand_to_a_billion_values_are_refused()
    {
        var lines = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
            lines.Append($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]\n");
        var p = Assert.Single(Problems(lines.ToString()));
        Assert.Contains("expands to more than 100,000 values", p.Message);
        Assert.InRange(p.Line ?? 0, 5, 6);
    }

    [Fact]
    public void A_megabyte_value_is_echoed_at_most_about_200_characters()
    {
        var p = Only(ValidYaml.With("app: shop", $"app: {new string('x', 500_000)}"), "app");
        Assert.InRange(p.ToString().Length, 50, 700);
        Assert.Contains("(500,000 characters)", p.Message);
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused()
    {
        var p = Assert.Single(LoadBytes(Encoding.UTF8.GetBytes(ValidYaml.Text + "\n# " + new string('x', YamlLimits.MaxBytes))));
        Assert.Contains("at most 1,048,576 bytes", p.Message);
    }

    // --- Encoding ---

    [Fact]
    public void A_latin1_file_is_refused_with_the_line_of_the_first_bad_byte()
    {
        var text = ValidYaml.With("zoneName: shop.example.com", "zoneName: café.example.com");
        var p = Assert.Single(LoadBytes(Encoding.Latin1.GetBytes(text)));
        Assert.Equal(5, p.Line);
        Assert.Contains("byte 0xE9", p.Message);
        Assert.Contains("not valid UTF-8", p.Message);
    }

    [Fact]
    public void A_utf8_file_with_a_byte_order_mark_loads()
    {
        var file = Path.Combine(Path.GetTempPath(), $"bom-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(file, ValidYaml.Text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        try
        {
            Assert.Equal("shop", ConfigLoader.Load(file).App);
        }
        finally
        {
            File.Delete(file);
        }
    }

    // --- Weak messages ---

    [Fact]
    public void A_tab_is_reported_at_its_real_line()
    {
        var yaml = ValidYaml.With("  primary:\n    spotPercent: 50", "  primary:\n\tspotPercent: 50");
        var p = Assert.Single(Problems(yaml));
        Assert.Equal(20, p.Line);
        Assert.Contains("a tab in the indentation", p.Message);
    }

    [Fact]
    public void An_undefined_alias_is_reported_at_its_line()
    {
        var p = Assert.Single(Problems(ValidYaml.With("trafficWeight: 30", "trafficWeight: *weight")));
        Assert.Equal(15, p.Line);
        Assert.Contains("alias '*weight' is not defined", p.Message);
    }

    [Fact]
    public void An_unclosed_bracket_is_reported_with_its_line_in_plain_words()
    {
        var p = Assert.Single(Problems(ValidYaml.With("availabilityZones: [us-east-1a, us-east-1b]", "availabilityZones: [us-east-1a, us-east-1b")));
        Assert.Equal(16, p.Line);
        Assert.DoesNotContain("Operation is not valid", p.Message);
        Assert.Contains("[", p.Message);
    }

    [Fact]
    public void A_flow_style_anchor_and_its_alias_are_accepted()
    {
        var yaml = Prod.ReplaceOnce("cache: { nodeType: cache.r6g.4xlarge, replicasPerShard: 5 }", "cache: { replicasPerShard: 5, nodeType: &node cache.r6g.4xlarge }")
            .ReplaceOnce("cache: { nodeType: cache.r6g.4xlarge, replicasPerShard: 2 }", "cache: { nodeType: *node, replicasPerShard: 2 }");
        var c = ConfigLoader.Parse(yaml, "test.yaml");
        Assert.Equal("cache.r6g.4xlarge", c.Sizing["secondary"].Cache!.NodeType);
    }

    [Fact]
    public void A_flow_style_anchor_the_yaml_reader_cannot_read_gets_a_plain_explanation()
    {
        var yaml = Prod.ReplaceOnce("cache: { nodeType: cache.r6g.4xlarge, replicasPerShard: 5 }", "cache: { nodeType: &node cache.r6g.4xlarge, replicasPerShard: 5 }");
        var p = Assert.Single(Problems(yaml));
        Assert.Equal(yaml[..yaml.IndexOf("&node", StringComparison.Ordinal)].Count(ch => ch == '\n') + 1, p.Line);
        Assert.Contains("move the anchored entry to the end of the { }", p.Message);
    }

    [Fact]
    public void A_duplicate_key_names_both_lines()
    {
        var p = Assert.Single(Problems(ValidYaml.Text + "\napp: other\n"));
        Assert.Contains("duplicate key 'app' (first at line 1)", p.Message);
    }
}
