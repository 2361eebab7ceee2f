using Amazon.CDK.Assertions;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Edge;

/// <summary>What the synthesized global, regional and accelerator templates hold for the edge.</summary>
public sealed class EdgeTemplateTests
{
    private static readonly SynthesizedPlatform Prod = SynthesizedPlatform.Shipped("prod");
    private static readonly SynthesizedPlatform Video = SynthesizedPlatform.Shipped("videochat");
    private static readonly SynthesizedPlatform Dev = SynthesizedPlatform.Shipped("dev");

    private static Dictionary<string, object> D(object o) => (Dictionary<string, object>)o;

    private static Dictionary<string, object> DistributionConfig(SynthesizedPlatform p) =>
        D(D(D(p.Global.FindResources("AWS::CloudFront::Distribution").Values.Single())["Properties"])["DistributionConfig"]);

    private static IEnumerable<Dictionary<string, object>> Behaviors(Dictionary<string, object> config) =>
        ((object[])config["CacheBehaviors"]).Select(D).Append(D(config["DefaultCacheBehavior"]));

    private static Dictionary<string, object> Behavior(Dictionary<string, object> config, string pattern) =>
        ((object[])config["CacheBehaviors"]).Select(D).Single(b => (string)b["PathPattern"] == pattern);

    private static string OriginDomain(Dictionary<string, object> config, string originId) =>
        (string)((object[])config["Origins"]).Select(D).Single(o => (string)o["Id"] == originId)["DomainName"];

    [Theory]
    [InlineData("prod", 30)]
    [InlineData("videochat", 10)]
    public void Each_region_gets_an_https_health_check_on_its_origin_name_with_an_alarm(string name, int interval)
    {
        var p = SynthesizedPlatform.Shipped(name);
        foreach (var region in p.Config.Regions)
            p.Global.HasResourceProperties("AWS::Route53::HealthCheck", new Dictionary<string, object>
            {
                ["HealthCheckConfig"] = new Dictionary<string, object>
                {
                    ["Type"] = "HTTPS",
                    ["FullyQualifiedDomainName"] = $"{region.Name}.{p.Config.Dns.ZoneName}",
                    ["ResourcePath"] = "/health",
                    ["Port"] = 443,
                    ["RequestInterval"] = interval,
                    ["FailureThreshold"] = 3,
                    ["EnableSNI"] = true,
                },
            });
        p.Global.ResourcePropertiesCountIs("AWS::CloudWatch::Alarm", new Dictionary<string, object>
        {
            ["Namespace"] = "AWS/Route53",
            ["MetricName"] = "HealthCheckStatus",
            ["ComparisonOperator"] = "LessThanThreshold",
            ["Threshold"] = 1,
        }, p.Config.Regions.Count);
    }

    [Fact]
    public void Region_origin_names_alias_the_regional_load_balancers()
    {
        var records = Prod.Global.FindResources("AWS::Route53::RecordSet", new Dictionary<string, object>
        {
            ["Properties"] = new Dictionary<string, object> { ["Name"] = "eu-west-1.mlops.example.com" },
        });
        var alias = D(D(D(records.Values.Single())["Properties"])["AliasTarget"]);
        // The load balancer's name, read at deploy time from the SSM parameter the regional stack writes.
        Assert.Contains("ReferencesReadMlopsProdEuWest1AlbDnsName", System.Text.Json.JsonSerializer.Serialize(alias["DNSName"]));
        Assert.False((bool)alias["EvaluateTargetHealth"]);
    }

    [Fact]
    public void Routed_names_are_alias_records()
    {
        var records = Prod.Global.FindResources("AWS::Route53::RecordSet");
        Assert.All(records.Values, r => Assert.True(D(D(r)["Properties"]).ContainsKey("AliasTarget")));
        Assert.All(records.Values, r => Assert.False(D(D(r)["Properties"]).ContainsKey("TTL")));
    }

    [Fact]
    public void Prod_distribution_has_tls_1_2_2021_http3_logging_waf_and_its_name()
    {
        var config = DistributionConfig(Prod);
        Assert.Equal("http2and3", config["HttpVersion"]);
        Assert.Equal(["www.mlops.example.com"], ((object[])config["Aliases"]).Cast<string>());
        Assert.Equal("PriceClass_All", config["PriceClass"]);
        var viewer = D(config["ViewerCertificate"]);
        Assert.Equal("TLSv1.2_2021", viewer["MinimumProtocolVersion"]);
        Assert.Equal("sni-only", viewer["SslSupportMethod"]);
        Assert.Contains("WebAcl", System.Text.Json.JsonSerializer.Serialize(config["WebACLId"]));
        Assert.Contains("AccessLogs", System.Text.Json.JsonSerializer.Serialize(D(config["Logging"])["Bucket"]));
        Prod.Global.HasResourceProperties("AWS::CertificateManager::Certificate", new Dictionary<string, object>
        {
            ["DomainName"] = "www.mlops.example.com",
            ["ValidationMethod"] = "DNS",
        });
    }

    [Fact]
    public void Access_log_bucket_is_encrypted_private_and_accepts_cloudfront_logs()
    {
        Prod.Global.HasResourceProperties("AWS::S3::Bucket", new Dictionary<string, object>
        {
            ["BucketEncryption"] = Match.ObjectLike(new Dictionary<string, object>
            {
                ["ServerSideEncryptionConfiguration"] = Match.AnyValue(),
            }),
            ["PublicAccessBlockConfiguration"] = new Dictionary<string, object>
            {
                ["BlockPublicAcls"] = true, ["BlockPublicPolicy"] = true, ["IgnorePublicAcls"] = true, ["RestrictPublicBuckets"] = true,
            },
            ["OwnershipControls"] = new Dictionary<string, object>
            {
                ["Rules"] = new object[] { new Dictionary<string, object> { ["ObjectOwnership"] = "BucketOwnerPreferred" } },
            },
            ["LifecycleConfiguration"] = new Dictionary<string, object>
            {
                ["Rules"] = new object[] { new Dictionary<string, object> { ["ExpirationInDays"] = 90, ["Status"] = "Enabled" } },
            },
        });
        Prod.Global.HasResource("AWS::S3::Bucket", new Dictionary<string, object> { ["DeletionPolicy"] = "RetainExceptOnCreate" });
        Dev.Global.HasResource("AWS::S3::Bucket", new Dictionary<string, object> { ["DeletionPolicy"] = "Delete" });
    }

    [Fact]
    public void Prod_origin_group_fails_over_from_primary_to_secondary_on_5xx_with_fast_connections()
    {
        var config = DistributionConfig(Prod);
        var group = D(((object[])D(config["OriginGroups"])["Items"]).Single());
        var codes = ((object[])D(D(D(group["FailoverCriteria"])["StatusCodes"]))["Items"]).Select(Convert.ToInt32);
        Assert.Equal([500, 502, 503, 504], codes);
        var members = ((object[])D(group["Members"])["Items"]).Select(m => OriginDomain(config, (string)D(m)["OriginId"]));
        Assert.Equal(["us-west-2.mlops.example.com", "us-east-1.mlops.example.com"], members);
        Assert.All(((object[])config["Origins"]).Select(D), o =>
        {
            Assert.Equal(1, Convert.ToInt32(o["ConnectionAttempts"]));
            Assert.Equal(3, Convert.ToInt32(o["ConnectionTimeout"]));
            Assert.Equal("https-only", D(o["CustomOriginConfig"])["OriginProtocolPolicy"]);
        });
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("videochat")]
    [InlineData("dev")]
    public void No_behaviour_on_an_origin_group_allows_writes(string name)
    {
        var config = DistributionConfig(SynthesizedPlatform.Shipped(name));
        var groups = ((object[])D(config["OriginGroups"])["Items"]).Select(g => (string)D(g)["Id"]).ToHashSet();
        var onGroups = Behaviors(config).Where(b => groups.Contains((string)b["TargetOriginId"])).ToList();
        Assert.NotEmpty(onGroups);
        Assert.All(onGroups, b => Assert.DoesNotContain("POST", ((object[])b["AllowedMethods"]).Cast<string>()));
    }

    [Fact]
    public void Prod_behaviours_cache_static_24h_models_7_days_and_not_the_api()
    {
        var config = DistributionConfig(Prod);
        var policies = Prod.Global.FindResources("AWS::CloudFront::CachePolicy");
        int DefaultTtlOf(Dictionary<string, object> behavior)
        {
            var id = (string)D(behavior["CachePolicyId"])["Ref"];
            return Convert.ToInt32(D(D(D(policies[id])["Properties"])["CachePolicyConfig"])["DefaultTTL"]);
        }
        Assert.Equal(86400, DefaultTtlOf(D(config["DefaultCacheBehavior"])));
        Assert.Equal(604800, DefaultTtlOf(Behavior(config, "/models/*")));

        var api = Behavior(config, "/api/*");
        Assert.Equal("4135ea2d-6df8-44a3-9df3-4b5a84be39ad", api["CachePolicyId"]); // managed CachingDisabled
        Assert.Contains("POST", ((object[])api["AllowedMethods"]).Cast<string>());
        Assert.Equal("api.mlops.example.com", OriginDomain(config, (string)api["TargetOriginId"]));
    }

    [Fact]
    public void Videochat_sends_socket_io_to_the_accelerator_and_the_api_to_the_latency_name()
    {
        var config = DistributionConfig(Video);
        var socket = Behavior(config, "/socket.io/*");
        Assert.Equal("ws.chat.example.com", OriginDomain(config, (string)socket["TargetOriginId"]));
        Assert.Equal("4135ea2d-6df8-44a3-9df3-4b5a84be39ad", socket["CachePolicyId"]);
        Assert.Equal("b689b0a8-53d0-40ab-baf2-68738e2966ac", socket["OriginRequestPolicyId"]); // AllViewerExceptHostHeader: WebSocket headers pass
        Assert.Equal("lat.api.chat.example.com", OriginDomain(config, (string)Behavior(config, "/api/*")["TargetOriginId"]));

        var ws = D(D(Video.Global.FindResources("AWS::Route53::RecordSet", new Dictionary<string, object>
        {
            ["Properties"] = new Dictionary<string, object> { ["Name"] = "ws.chat.example.com" },
        }).Values.Single())["Properties"]);
        Assert.Equal("Z2BJ6XQ5FK7U4H", D(ws["AliasTarget"])["HostedZoneId"]);
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("videochat")]
    public void Cloudfront_web_acl_has_the_managed_groups_and_the_rate_rule(string name)
    {
        var p = SynthesizedPlatform.Shipped(name);
        Assert.Equal("us-east-1", p.Platform.Global.Region);
        p.Global.HasResourceProperties("AWS::WAFv2::WebACL", new Dictionary<string, object>
        {
            ["Scope"] = "CLOUDFRONT",
            ["DefaultAction"] = new Dictionary<string, object> { ["Allow"] = new Dictionary<string, object>() },
            ["Rules"] = Match.ArrayWith(new object[]
            {
                Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Statement"] = new Dictionary<string, object> { ["ManagedRuleGroupStatement"] = new Dictionary<string, object> { ["VendorName"] = "AWS", ["Name"] = "AWSManagedRulesCommonRuleSet" } },
                }),
                Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Statement"] = new Dictionary<string, object> { ["ManagedRuleGroupStatement"] = new Dictionary<string, object> { ["VendorName"] = "AWS", ["Name"] = "AWSManagedRulesKnownBadInputsRuleSet" } },
                }),
                Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Statement"] = new Dictionary<string, object> { ["ManagedRuleGroupStatement"] = new Dictionary<string, object> { ["VendorName"] = "AWS", ["Name"] = "AWSManagedRulesAmazonIpReputationList" } },
                }),
                Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Action"] = new Dictionary<string, object> { ["Block"] = new Dictionary<string, object>() },
                    ["Statement"] = new Dictionary<string, object>
                    {
                        ["RateBasedStatement"] = new Dictionary<string, object> { ["Limit"] = 2000, ["AggregateKeyType"] = "IP", ["EvaluationWindowSec"] = 300 },
                    },
                }),
            }),
        });
    }

    [Fact]
    public void Each_prod_load_balancer_gets_a_regional_web_acl_and_dev_does_not()
    {
        foreach (var region in Prod.Config.Regions)
        {
            var t = Prod.Regional(region.Name);
            t.HasResourceProperties("AWS::WAFv2::WebACL", new Dictionary<string, object> { ["Scope"] = "REGIONAL", ["Name"] = $"mlops-prod-{region.Name}" });
            t.ResourceCountIs("AWS::WAFv2::WebACLAssociation", 1);
            var assoc = D(D(t.FindResources("AWS::WAFv2::WebACLAssociation").Values.Single())["Properties"]);
            Assert.Contains("LoadBalancer", System.Text.Json.JsonSerializer.Serialize(assoc["ResourceArn"]));
        }
        Dev.Regional("us-west-2").ResourceCountIs("AWS::WAFv2::WebACL", 0);
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("videochat")]
    public void Regional_rate_rules_skip_only_requests_carrying_the_secret_origin_header_not_x_amz_cf_id(string name)
    {
        var p = SynthesizedPlatform.Shipped(name);
        var accepted = "{{resolve:secretsmanager:" + p.Config.Prefix + "/origin-verify:SecretString:v1}}";
        foreach (var region in p.Config.Regions)
        {
            var t = p.Regional(region.Name);
            Assert.DoesNotContain("x-amz-cf-id", System.Text.Json.JsonSerializer.Serialize(t.ToJSON()), StringComparison.OrdinalIgnoreCase);
            // Requests relayed by CloudFront share CloudFront's addresses: the regional rate rule skips them, and only them.
            t.HasResourceProperties("AWS::WAFv2::WebACL", new Dictionary<string, object>
            {
                ["Scope"] = "REGIONAL",
                ["Rules"] = Match.ArrayWith(new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object>
                    {
                        ["Action"] = new Dictionary<string, object> { ["Block"] = new Dictionary<string, object>() },
                        ["Statement"] = new Dictionary<string, object>
                        {
                            ["RateBasedStatement"] = Match.ObjectLike(new Dictionary<string, object>
                            {
                                ["Limit"] = 2000,
                                ["ScopeDownStatement"] = new Dictionary<string, object>
                                {
                                    ["NotStatement"] = new Dictionary<string, object>
                                    {
                                        ["Statement"] = new Dictionary<string, object>
                                        {
                                            ["ByteMatchStatement"] = Match.ObjectLike(new Dictionary<string, object>
                                            {
                                                ["FieldToMatch"] = new Dictionary<string, object> { ["SingleHeader"] = new Dictionary<string, object> { ["Name"] = "x-origin-verify" } },
                                                ["PositionalConstraint"] = "EXACTLY",
                                                ["SearchString"] = accepted,
                                            }),
                                        },
                                    },
                                },
                            }),
                        },
                    }),
                }),
            });
        }
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("videochat")]
    public void Cloudfront_sends_the_origin_header_to_every_origin_from_a_secret_replicated_to_every_region(string name)
    {
        var p = SynthesizedPlatform.Shipped(name);
        var origins = ((object[])DistributionConfig(p)["Origins"]).Select(D).ToList();
        Assert.NotEmpty(origins);
        Assert.All(origins, o =>
        {
            var header = D(Assert.Single((object[])o["OriginCustomHeaders"]));
            Assert.Equal("x-origin-verify", header["HeaderName"]);
            Assert.Equal("{{resolve:secretsmanager:" + p.Config.Prefix + "/origin-verify:SecretString:v1}}", header["HeaderValue"]);
        });
        var primary = p.Config.PrimaryRegion.Name;
        var secret = D(D(p.Regional(primary).FindResources("AWS::SecretsManager::Secret", new Dictionary<string, object>
        {
            ["Properties"] = new Dictionary<string, object> { ["Name"] = p.Config.Prefix + "/origin-verify" },
        }).Values.Single())["Properties"]);
        var replicas = ((object[])secret["ReplicaRegions"]).Select(r => (string)D(r)["Region"]).Order().ToList();
        Assert.Equal(p.Config.Regions.Select(r => r.Name).Append("us-east-1").Distinct().Where(r => r != primary).Order().ToList(), replicas);
        Assert.All(p.Config.Regions.Where(r => r.Name != primary), r =>
            Assert.Contains(p.Platform.Regional[r.Name].Dependencies, d => d.StackName == p.Platform.Regional[primary].StackName));
    }

    [Fact]
    public void Without_regional_acls_cloudfront_sends_no_origin_header()
    {
        Assert.All(((object[])DistributionConfig(Dev)["Origins"]).Select(D), o => Assert.False(o.ContainsKey("OriginCustomHeaders")));
    }

    [Fact]
    public void Videochat_accelerator_lives_in_us_west_2_with_tcp_443_source_ip_and_a_group_per_region()
    {
        var stack = Video.Platform.Accelerator!;
        Assert.Equal(("videochat-prod-accelerator", "us-west-2"), (stack.StackName, stack.Region));
        var t = Video.TemplateOf(stack);
        t.HasResourceProperties("AWS::GlobalAccelerator::Listener", new Dictionary<string, object>
        {
            ["Protocol"] = "TCP",
            ["ClientAffinity"] = "SOURCE_IP",
            ["PortRanges"] = new object[] { new Dictionary<string, object> { ["FromPort"] = 443, ["ToPort"] = 443 } },
        });
        t.ResourceCountIs("AWS::GlobalAccelerator::EndpointGroup", 3);
        foreach (var region in Video.Config.Regions)
            t.HasResourceProperties("AWS::GlobalAccelerator::EndpointGroup", new Dictionary<string, object>
            {
                ["EndpointGroupRegion"] = region.Name,
                ["TrafficDialPercentage"] = 100,
                ["EndpointConfigurations"] = new object[]
                {
                    Match.ObjectLike(new Dictionary<string, object> { ["Weight"] = 128, ["ClientIPPreservationEnabled"] = true }),
                },
            });
    }

    [Fact]
    public void Accelerator_endpoint_groups_carry_no_health_check_settings_that_load_balancer_endpoints_ignore()
    {
        var groups = Video.TemplateOf(Video.Platform.Accelerator!).FindResources("AWS::GlobalAccelerator::EndpointGroup").Values;
        Assert.NotEmpty(groups);
        foreach (var g in groups)
        {
            var props = D(D(g)["Properties"]);
            foreach (var key in new[] { "HealthCheckIntervalSeconds", "ThresholdCount", "HealthCheckPath", "HealthCheckProtocol", "HealthCheckPort" })
                Assert.False(props.ContainsKey(key), $"endpoint group sets {key}");
        }
    }

    [Fact]
    public void Prod_has_no_accelerator_unless_configured()
    {
        Assert.Null(Prod.Platform.Accelerator);
        Assert.DoesNotContain(Prod.Platform.Stacks, s => s.Spec.Kind == Model.Planning.StackKind.Accelerator);
        Assert.Contains(Video.Platform.Stacks, s => s.Spec.Kind == Model.Planning.StackKind.Accelerator && s.Stack.Region == "us-west-2");
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("videochat")]
    [InlineData("dev")]
    public void Every_web_acl_counts_the_common_rule_sets_8_kb_body_rule_instead_of_blocking(string name)
    {
        var p = SynthesizedPlatform.Shipped(name);
        var templates = p.Config.Regions.Select(r => p.Regional(r.Name)).Append(p.Global).ToList();
        var acls = templates.SelectMany(t => t.FindResources("AWS::WAFv2::WebACL").Values).ToList();
        Assert.Equal(1 + (p.Config.Edge!.Waf!.RegionalAcls ? p.Config.Regions.Count : 0), acls.Count);
        foreach (var acl in acls)
        {
            var common = ((object[])D(D(acl)["Properties"])["Rules"]).Select(D)
                .Single(r => D(r["Statement"]).TryGetValue("ManagedRuleGroupStatement", out var g) && (string)D(g)["Name"] == "AWSManagedRulesCommonRuleSet");
            var overrides = ((object[])D(D(common["Statement"])["ManagedRuleGroupStatement"])["RuleActionOverrides"]).Select(D).ToList();
            var body = Assert.Single(overrides);
            Assert.Equal("SizeRestrictions_BODY", body["Name"]);
            Assert.True(D(body["ActionToUse"]).ContainsKey("Count"));
        }
    }
}
