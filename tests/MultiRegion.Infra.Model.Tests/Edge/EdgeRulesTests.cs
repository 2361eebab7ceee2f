using MultiRegion.Infra.Model.Config;
using static MultiRegion.Infra.Model.Tests.Edge.ShippedConfigs;

namespace MultiRegion.Infra.Model.Tests.Edge;

public sealed class EdgeRulesTests
{
    [Theory]
    [InlineData("prod")]
    [InlineData("videochat")]
    [InlineData("dev")]
    public void Shipped_configs_have_a_valid_edge(string name)
    {
        var c = Load(name);
        Assert.NotNull(c.Edge);
        Assert.Equal("/health", c.Edge!.HealthCheck.Path);
    }

    [Fact]
    public void Prod_carries_the_seeds_health_check_and_failover_table()
    {
        var e = Load("prod").Edge!;
        Assert.Equal((30, 3), (e.HealthCheck.Interval, e.HealthCheck.FailureThreshold));
        Assert.Equal(90, e.HealthCheck.DetectionSeconds);
        Assert.Equal(60, e.Routing.RecordTtlSeconds);
        var row = e.Routing.Failover.Single(r => r.Failed.SequenceEqual(["eu-west-1"]));
        Assert.Equal(70, row.Split["us-west-2"]);
        Assert.Equal(30, row.Split["us-east-1"]);
        Assert.Null(e.Accelerator);
    }

    [Fact]
    public void Videochat_seeds_five_second_interval_is_rejected()
    {
        // Seed 002: "Application: /health endpoint (5s interval)".
        var yaml = With("videochat", "    failureThreshold: 3      #", "    intervalSeconds: 5\n    failureThreshold: 3      #");
        Rejects(yaml, "edge.healthCheck.intervalSeconds", "5 is not allowed", "10 or 30");
    }

    [Fact]
    public void Videochat_ships_the_corrected_interval_and_the_accelerator()
    {
        var e = Load("videochat").Edge!;
        Assert.Equal(10, e.HealthCheck.Interval);
        Assert.Equal(30, e.HealthCheck.DetectionSeconds); // the seed's "DNS failover (30s switch)"
        Assert.Equal(ClientAffinity.SourceIp, e.Accelerator!.ClientAffinity);
        Assert.Equal(100, e.Accelerator.EndpointGroupOf("eu-west-1").TrafficDialPercent);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(11)]
    public void Failure_threshold_must_be_1_to_10(int threshold)
    {
        var yaml = With("prod", "failureThreshold: 3 ", $"failureThreshold: {threshold} ");
        Rejects(yaml, "edge.healthCheck.failureThreshold", $"{threshold} is outside 1..10");
    }

    [Fact]
    public void A_failover_row_must_sum_to_100()
    {
        var yaml = With("prod", "{ us-east-1: 80, eu-west-1: 20 }", "{ us-east-1: 80, eu-west-1: 10 }");
        Rejects(yaml, "edge.routing.failover[0].split", "must sum to 100", "80 + 10 = 90");
    }

    [Fact]
    public void A_failover_row_may_only_name_surviving_regions()
    {
        var yaml = With("prod", "{ us-east-1: 80, eu-west-1: 20 }", "{ us-west-2: 20, us-east-1: 80 }");
        Rejects(yaml, "edge.routing.failover[0].split.us-west-2", "is down in this row");
    }

    [Fact]
    public void Failover_rows_name_known_regions()
    {
        var yaml = With("prod", "failed: [eu-west-1]", "failed: [eu-west-3]");
        var problems = Problems(yaml);
        Assert.Contains(problems, p => p.Path == "edge.routing.failover[2].failed" && p.Message.Contains("'eu-west-3' is not a region"));
    }

    [Fact]
    public void A_single_failure_without_a_row_loads_and_keeps_the_survivors_proportions()
    {
        // Route53's weighted routing gives it by itself (60:10 -> 86/14), so a row is optional: configs grow by rows.
        var yaml = With("prod", "      - { failed: [us-east-1], split: { us-west-2: 80, eu-west-1: 20 } }\n", "");
        var s = MultiRegion.Infra.Model.Planning.FailoverPlanner.Plan(MultiRegion.Infra.Model.Loading.ConfigLoader.Parse(yaml, "prod.yaml"))
            .Failures.Single(f => f.Failed.SequenceEqual(["us-east-1"]));
        Assert.False(s.Configured);
        Assert.Equal(new Dictionary<string, int> { ["us-west-2"] = 86, ["eu-west-1"] = 14 }, s.Split);
        Assert.Equal(60.0 / 70, s.Shares["us-west-2"], 9);
    }

    [Fact]
    public void A_scenario_has_only_one_row()
    {
        var yaml = With("prod", "      - { failed: [eu-west-1], split: { us-west-2: 70, us-east-1: 30 } }\n",
            "      - { failed: [eu-west-1], split: { us-west-2: 70, us-east-1: 30 } }\n      - { failed: [eu-west-1], split: { us-west-2: 50, us-east-1: 50 } }\n");
        Rejects(yaml, "edge.routing.failover[3].failed", "already has a row (failover[2])");
    }

    [Fact]
    public void Failing_every_region_is_not_a_row()
    {
        var yaml = With("dev", "failover: []", "failover: [{ failed: [us-west-2, us-east-1], split: {} }]");
        Rejects(yaml, "edge.routing.failover[0].failed", "every region is listed");
    }

    [Fact]
    public void A_write_behaviour_on_an_origin_group_is_rejected()
    {
        var yaml = With("prod", "{ pathPattern: /models/*, origin: main, ttlSeconds: 604800 }", "{ pathPattern: /models/*, origin: main, ttlSeconds: 604800, methods: all }");
        Rejects(yaml, "edge.cdn.behaviors[1].methods", "not possible on origin group 'main'", "GET, HEAD and OPTIONS");
    }

    [Fact]
    public void The_default_behaviour_is_checked_too()
    {
        var yaml = With("videochat", "defaultBehavior: { origin: main, ttlSeconds: 86400, methods: readOnlyWithOptions }",
            "defaultBehavior: { origin: main, ttlSeconds: 86400, methods: all }");
        Rejects(yaml, "edge.cdn.defaultBehavior.methods", "origin group 'main'");
    }

    [Fact]
    public void The_seeds_one_origin_group_is_rejected()
    {
        // Seed 000: "Secondary Group: Tertiary (disaster recovery)".
        var yaml = With("prod", "      main: { primary: us-west-2, secondary: us-east-1 }\n",
            "      main: { primary: us-west-2, secondary: us-east-1 }\n      dr: { primary: eu-west-1 }\n");
        Rejects(yaml, "edge.cdn.originGroups.dr.secondary", "exactly two origins");
    }

    [Fact]
    public void An_origin_group_no_behaviour_uses_is_rejected()
    {
        var yaml = With("prod", "      main: { primary: us-west-2, secondary: us-east-1 }\n",
            "      main: { primary: us-west-2, secondary: us-east-1 }\n      dr: { primary: eu-west-1, secondary: us-west-2 }\n");
        Rejects(yaml, "edge.cdn.originGroups.dr", "used by no behaviour");
    }

    [Fact]
    public void An_origin_group_needs_two_different_regions()
    {
        var yaml = With("prod", "main: { primary: us-west-2, secondary: us-east-1 }", "main: { primary: us-west-2, secondary: us-west-2 }");
        Rejects(yaml, "edge.cdn.originGroups.main.secondary", "also the primary");
    }

    [Fact]
    public void The_cloudfront_web_acl_must_be_in_us_east_1()
    {
        var yaml = With("prod", "cloudFrontAclRegion: us-east-1", "cloudFrontAclRegion: eu-west-1");
        Rejects(yaml, "edge.waf.cloudFrontAclRegion", "'eu-west-1' is not allowed", "scope CLOUDFRONT", "us-east-1");
    }

    [Theory]
    [InlineData("rateLimit: 2000\n", "rateLimit: 5\n", "edge.waf.rateLimit", "outside WAF's")]
    [InlineData("rateLimitWindowSeconds: 300", "rateLimitWindowSeconds: 30", "edge.waf.rateLimitWindowSeconds", "not a WAF evaluation window")]
    [InlineData("[AWSManagedRulesCommonRuleSet, ", "[CommonRuleSet, ", "edge.waf.managedRuleGroups[0]", "not an AWS managed rule group")]
    public void Waf_settings_are_bounded(string from, string to, string path, string fragment)
    {
        Rejects(With("prod", from, to), path, fragment);
    }

    [Theory]
    [InlineData("statusCodes: [500, 502, 503, 504]", "statusCodes: [500, 501]", "edge.cdn.originFailover.statusCodes", "501 cannot trigger origin failover")]
    [InlineData("connectionAttempts: 1", "connectionAttempts: 4", "edge.cdn.originFailover.connectionAttempts", "outside CloudFront's 1..3")]
    [InlineData("connectionTimeoutSeconds: 3", "connectionTimeoutSeconds: 11", "edge.cdn.originFailover.connectionTimeoutSeconds", "1..10")]
    [InlineData("readTimeoutSeconds: 30", "readTimeoutSeconds: 61", "edge.cdn.originFailover.readTimeoutSeconds", "1..60")]
    public void Origin_failover_timing_is_bounded(string from, string to, string path, string fragment)
    {
        Rejects(With("prod", from, to), path, fragment);
    }

    [Fact]
    public void A_behaviour_names_a_known_origin()
    {
        var yaml = With("prod", "origin: weighted,", "origin: wieghted,");
        Rejects(yaml, "edge.cdn.behaviors[0].origin", "'wieghted' is not a region", "did you mean 'weighted'");
    }

    [Fact]
    public void The_accelerator_origin_needs_an_accelerator()
    {
        var yaml = With("prod", "origin: weighted,", "origin: accelerator,");
        Rejects(yaml, "edge.cdn.behaviors[0].origin", "needs an edge.accelerator section");
    }

    [Theory]
    [InlineData("eu-west-1:      { trafficDialPercent: 100", "eu-west-1:      { trafficDialPercent: 101", "edge.accelerator.endpointGroups.eu-west-1.trafficDialPercent", "not a percentage")]
    [InlineData("ap-southeast-1: { trafficDialPercent: 100, weight: 128 }", "ap-southeast-2: { trafficDialPercent: 100, weight: 256 }", "edge.accelerator.endpointGroups.ap-southeast-2", "not a region of this config")]
    public void Accelerator_settings_are_bounded(string from, string to, string path, string fragment)
    {
        Rejects(With("videochat", from, to), path, fragment);
    }

    [Fact]
    public void Geolocation_needs_a_default_and_one_record_per_location()
    {
        var yaml = With("prod", "      - { locations: [\"*\"], regions: [us-west-2] }        # seed: \"Default -> Primary\"\n", "      - { locations: [EU], regions: [us-west-2] }\n");
        var problems = Problems(yaml);
        Assert.Contains(problems, p => p.Path == "edge.routing.geolocation" && p.Message.Contains("no default rule"));
        Assert.Contains(problems, p => p.Path == "edge.routing.geolocation[3].locations" && p.Message.Contains("'EU' already routed by geolocation[1]"));
    }

    [Fact]
    public void Geolocation_locations_are_route53_continent_codes()
    {
        var yaml = With("prod", "locations: [AS, OC]", "locations: [APAC]");
        Rejects(yaml, "edge.routing.geolocation[2].locations", "'APAC' is not a Route53 continent code");
    }

    [Theory]
    [InlineData("latencyName: lat.api ", "latencyName: lat.v2.api ", "edge.routing.latencyName", "*.api.<zone>")]
    [InlineData("latencyName: lat.api ", "latencyName: api ", "edge.routing.latencyName", "already used by edge.routing.weightedName")]
    [InlineData("latencyName: lat.api ", "latencyName: us-east-1 ", "edge.routing.latencyName", "region's origin name")]
    [InlineData("domainName: www", "domainName: www.api", "edge.cdn.domainName", "one DNS label")]
    public void Routed_names_are_distinct_and_covered_by_the_certificates(string from, string to, string path, string fragment)
    {
        Rejects(With("prod", from, to), path, fragment);
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("videochat")]
    [InlineData("dev")]
    public void The_common_rule_sets_body_size_rule_is_counted_not_blocking(string name)
    {
        var waf = Load(name).Edge!.Waf!;
        Assert.Equal([WafConfig.BodySizeRule], waf.CountRulesOf(WafConfig.CommonRuleSet));
        Assert.Empty(waf.CountRulesOf("AWSManagedRulesKnownBadInputsRuleSet"));
    }

    [Fact]
    public void Count_rules_must_name_a_group_the_acl_uses()
    {
        var yaml = With("prod", "      AWSManagedRulesCommonRuleSet: [SizeRestrictions_BODY]", "      AWSManagedRulesSQLiRuleSet: [SQLi_BODY]");
        Rejects(yaml, "edge.waf.countRules.AWSManagedRulesSQLiRuleSet", "not in managedRuleGroups");
    }

    [Fact]
    public void Count_rules_can_be_emptied_to_block_large_bodies()
    {
        var yaml = With("prod", "    countRules:\n      AWSManagedRulesCommonRuleSet: [SizeRestrictions_BODY]\n", "    countRules: {}\n");
        var waf = Model.Loading.ConfigLoader.Parse(yaml, "test.yaml").Edge!.Waf!;
        Assert.Empty(waf.CountRulesOf(WafConfig.CommonRuleSet));
    }

    [Fact]
    public void Origin_header_keys_are_one_or_two_while_rotating()
    {
        Assert.Equal(["v1"], Load("prod").Edge!.Waf!.EffectiveOriginHeaderKeys);
        var rotating = With("prod", "originHeaderKeys: [v1]", "originHeaderKeys: [v1, v2]");
        Assert.Equal(["v1", "v2"], Model.Loading.ConfigLoader.Parse(rotating, "test.yaml").Edge!.Waf!.EffectiveOriginHeaderKeys);
        var three = With("prod", "originHeaderKeys: [v1]", "originHeaderKeys: [v1, v2, v3]");
        Rejects(three, "edge.waf.originHeaderKeys", "3 keys listed", "two while rotating");
    }

    [Theory]
    [InlineData("healthCheckIntervalSeconds: 10", "edge.accelerator.healthCheckIntervalSeconds")]
    [InlineData("healthCheckThreshold: 3", "edge.accelerator.healthCheckThreshold")]
    [InlineData("healthCheckPath: /health", "edge.accelerator.healthCheckPath")]
    public void Accelerator_health_check_settings_are_refused_because_load_balancer_endpoints_ignore_them(string setting, string path)
    {
        var yaml = With("videochat", "    clientAffinity: sourceIp\n", $"    clientAffinity: sourceIp\n    {setting}\n");
        Rejects(yaml, path, "would do nothing", "load balancer's own target health", "ingress.healthCheckIntervalSeconds");
    }
}
