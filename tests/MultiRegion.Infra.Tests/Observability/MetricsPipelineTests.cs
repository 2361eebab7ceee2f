using System.Text.Json.Nodes;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning.Observability;
using MultiRegion.Infra.Observability;
using MultiRegion.Infra.Regional.Compute.Addons;
using MultiRegion.Infra.Tests.Compute;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Observability;

/// <summary>The metrics pipeline: chart values (pure), the remote writer's IRSA scope, the AMP workspace, its rules and routes.</summary>
public sealed class MetricsPipelineTests
{
    private static SynthesizedPlatform Prod => SynthesizedPlatform.Shipped("prod");

    public static TheoryData<string, string> AllRegions => new()
    {
        { "prod", "us-west-2" }, { "prod", "us-east-1" }, { "prod", "eu-west-1" },
        { "videochat", "us-west-2" }, { "videochat", "eu-west-1" }, { "videochat", "ap-southeast-1" },
    };

    [Fact]
    public void Prometheus_values_keep_the_local_retention_and_sign_remote_writes_for_the_workspace_region()
    {
        var v = Prometheus.Values(new ObservabilityConfig(LocalRetentionDays: 30, LocalStorageGi: 50), "c", "eu-west-1", "https://w/api/v1/remote_write", "us-west-2");
        var server = (Dictionary<string, object>)v["server"];
        Assert.Equal("30d", server["retention"]);
        Assert.Equal("50Gi", ((Dictionary<string, object>)server["persistentVolume"])["size"]);
        var write = (Dictionary<string, object>)((object[])server["remoteWrite"]).Single();
        Assert.Equal("https://w/api/v1/remote_write", write["url"]);
        Assert.Equal("us-west-2", ((Dictionary<string, object>)write["sigv4"])["region"]);
        var labels = (Dictionary<string, object>)((Dictionary<string, object>)server["global"])["external_labels"];
        Assert.Equal("eu-west-1", labels["region"]);
        // The chart uses the IRSA service account instead of creating one.
        Assert.Equal(false, ((Dictionary<string, object>)((Dictionary<string, object>)v["serviceAccounts"])["server"])["create"]);
    }

    [Fact]
    public void Adapter_values_hold_only_the_generated_rules()
    {
        var rules = new[] { AdapterRulePlan.RuleFor("http_requests_per_second")!, AdapterRulePlan.RuleFor("queue_depth")! };
        var v = PrometheusAdapter.Values(rules);
        var r = (Dictionary<string, object>)v["rules"];
        Assert.Equal(false, r["default"]);
        var custom = ((Dictionary<string, object>[])r["custom"]);
        Assert.Equal(["http_requests_per_second", "queue_depth"], custom.Select(c => (string)((Dictionary<string, object>)c["name"])["as"]));
        Assert.Equal("{__name__=\"http_requests_total\",namespace!=\"\",pod!=\"\"}", custom[0]["seriesQuery"]);
        Assert.Equal(Prometheus.ServerUrl, ((Dictionary<string, object>)v["prometheus"])["url"]);
    }

    [Theory]
    [MemberData(nameof(AllRegions))]
    public void Every_cluster_runs_prometheus_and_an_adapter_serving_each_hpa_pods_metric(string config, string region)
    {
        var p = SynthesizedPlatform.Shipped(config);
        var json = SynthesizedJson.Regional(p, region);
        Assert.Equal("27.42.0", (string?)json.HelmChart("prometheus")["Version"]);
        var adapter = SynthesizedJson.ValuesOf(json.HelmChart("prometheus-adapter"));
        var served = adapter["rules"]!["custom"]!.AsArray().Select(r => (string?)r!["name"]!["as"]).ToHashSet();
        // Walk the HPAs actually synthesized: every Pods metric must have a rule.
        var hpaPods = json.KubernetesObjects("HorizontalPodAutoscaler")
            .SelectMany(h => h["spec"]!["metrics"]!.AsArray())
            .Where(m => (string?)m!["type"] == "Pods").Select(m => (string?)m!["pods"]!["metric"]!["name"]).ToList();
        Assert.NotEmpty(hpaPods);
        Assert.All(hpaPods, m => Assert.Contains(m, served));
    }

    [Theory]
    [MemberData(nameof(AllRegions))]
    public void Prometheus_keeps_its_samples_on_an_encrypted_gp3_volume_the_ebs_csi_driver_provisions(string config, string region)
    {
        var json = SynthesizedJson.Regional(SynthesizedPlatform.Shipped(config), region);
        var addon = Assert.Single(json.OfType("AWS::EKS::Addon"), a => (string?)a["AddonName"] == "aws-ebs-csi-driver");
        Assert.NotNull(addon["ServiceAccountRoleArn"]);
        var storageClass = Assert.Single(json.KubernetesObjects("StorageClass"));
        Assert.Equal(EbsCsiDriver.StorageClassName, (string?)storageClass["metadata"]!["name"]);
        Assert.Equal("ebs.csi.aws.com", (string?)storageClass["provisioner"]);
        Assert.Equal("true", (string?)storageClass["parameters"]!["encrypted"]);
        var values = SynthesizedJson.ParseJoined(json.HelmChart("prometheus")["Values"]!);
        Assert.Equal(EbsCsiDriver.StorageClassName, (string?)values["server"]!["persistentVolume"]!["storageClass"]);
    }

    [Theory]
    [MemberData(nameof(AllRegions))]
    public void The_remote_writer_may_only_remote_write_to_the_one_workspace(string config, string region)
    {
        var json = SynthesizedJson.Regional(SynthesizedPlatform.Shipped(config), region);
        var policy = json.Resources.Where(kv => kv.Key.Contains("PrometheusServerAccountRole") && (string?)kv.Value!["Type"] == "AWS::IAM::Policy")
            .Select(kv => kv.Value!["Properties"]!).Single();
        var statement = Assert.Single(policy["PolicyDocument"]!["Statement"]!.AsArray())!;
        Assert.Equal("aps:RemoteWrite", (string?)statement["Action"]);
        // The workspace's ARN: its own attribute in the primary region, the published reference elsewhere; never '*'.
        var resource = statement["Resource"]!.ToJsonString();
        Assert.DoesNotContain("\"*\"", resource);
        Assert.True(resource.Contains("MetricsWorkspace") && resource.Contains("Arn"), resource);
    }

    [Fact]
    public void The_workspace_is_in_the_primary_region_only_and_keeps_the_configured_days()
    {
        var p = Prod;
        foreach (var (region, _) in p.Platform.Regional)
        {
            var workspaces = SynthesizedJson.Regional(p, region).OfType("AWS::APS::Workspace").ToList();
            if (region == p.Config.PrimaryRegion.Name)
                Assert.Equal(p.Config.Observability!.GlobalRetentionDays, (int)Assert.Single(workspaces)["WorkspaceConfiguration"]!["RetentionPeriodInDays"]!);
            else
                Assert.Empty(workspaces);
        }
    }

    [Theory]
    [InlineData("videochat", 1)]
    [InlineData("prod", 0)]
    public void A_grafana_workspace_exists_in_the_primary_region_only_when_the_config_asks(string config, int expected)
    {
        var p = SynthesizedPlatform.Shipped(config);
        Assert.Equal(p.Config.Observability!.Grafana ? 1 : 0, expected);
        Assert.Equal(expected, SynthesizedJson.Regional(p, p.Config.PrimaryRegion.Name).OfType("AWS::Grafana::Workspace").Count());
        Assert.All(p.Config.Regions.Where(r => r.Role != RegionRole.Primary),
            r => Assert.Empty(SynthesizedJson.Regional(p, r.Name).OfType("AWS::Grafana::Workspace")));
    }

    [Fact]
    public void The_alert_manager_routes_each_severity_to_its_primary_region_topic()
    {
        var p = Prod;
        var json = SynthesizedJson.Regional(p, "us-west-2");
        var definition = SynthesizedJson.ParseJoined(Assert.Single(json.OfType("AWS::APS::Workspace"))["AlertManagerDefinition"]!, nameTokens: true);
        var am = JsonNode.Parse((string)definition["alertmanager_config"]!)!;
        var receivers = am["receivers"]!.AsArray();
        Assert.Equal(p.Config.Alerting!.Severities.Keys.Order(), receivers.Select(r => (string)r!["name"]!).Order());
        Assert.All(receivers, r => Assert.Equal("us-west-2", (string?)r!["sns_configs"]![0]!["sigv4"]!["region"]));
        Assert.All(am["route"]!["routes"]!.AsArray(), r => Assert.Equal($"severity=\"{(string)r!["receiver"]!}\"", (string?)r["matchers"]![0]));
    }

    [Fact]
    public void The_global_rules_carry_the_configured_thresholds_and_severities()
    {
        var alerts = Prod.Config.Observability!.Alerts!;
        var data = JsonNode.Parse(MetricsWorkspace.RuleGroups(alerts))!;
        var rules = data["groups"]![0]!["rules"]!.AsArray().ToDictionary(r => (string)r!["alert"]!);
        Assert.EndsWith("> 5", (string)rules["GlobalErrorRate"]!["expr"]!);
        Assert.Equal(alerts.ErrorRate!.Severity, (string?)rules["GlobalErrorRate"]!["labels"]!["severity"]);
        Assert.EndsWith("> 1", (string)rules["RegionErrorRate"]!["expr"]!);
        Assert.Contains("by (region)", (string)rules["RegionErrorRate"]!["expr"]!);
        Assert.EndsWith($"> {alerts.LatencyP95!.Threshold}", (string)rules["LatencyP95"]!["expr"]!);
        Assert.Equal("5m", (string?)rules["LatencyP95"]!["for"]);
        // Seed P2 "High resource utilization (> 80%)": CPU or memory of any node, from the node exporter.
        var nodes = rules["NodeUtilization"]!;
        Assert.Equal("p2", (string?)nodes["labels"]!["severity"]);
        Assert.Equal("15m", (string?)nodes["for"]);
        Assert.Contains("node_cpu_seconds_total", (string)nodes["expr"]!);
        Assert.Contains("node_memory_MemAvailable_bytes", (string)nodes["expr"]!);
        Assert.EndsWith("> 80", (string)nodes["expr"]!);
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("videochat")]
    public void The_pod_utilisation_rule_compares_cadvisor_usage_with_requests_and_limits_at_the_configured_threshold(string name)
    {
        var setting = SynthesizedPlatform.LoadShipped(name).Observability!.Alerts!.PodUtilization!;
        var rules = JsonNode.Parse(MetricsWorkspace.RuleGroups(SynthesizedPlatform.LoadShipped(name).Observability!.Alerts!))!["groups"]![0]!["rules"]!
            .AsArray().ToDictionary(r => (string)r!["alert"]!);
        var pods = rules["PodUtilization"]!;
        Assert.Equal(setting.Severity, (string?)pods["labels"]!["severity"]);
        Assert.Equal($"{setting.Minutes}m", (string?)pods["for"]);
        var expr = (string)pods["expr"]!;
        // CPU against requests and memory against limits, each compared with the configured threshold.
        var (cpu, memory) = (expr[..expr.IndexOf(" or ", StringComparison.Ordinal)], expr[(expr.IndexOf(" or ", StringComparison.Ordinal) + 4)..]);
        Assert.Contains("container_cpu_usage_seconds_total", cpu);
        Assert.Contains("kube_pod_container_resource_requests{resource=\"cpu\"}", cpu);
        Assert.EndsWith($"> {setting.Threshold}", cpu);
        Assert.Contains("container_memory_working_set_bytes", memory);
        Assert.Contains("kube_pod_container_resource_limits{resource=\"memory\"}", memory);
        Assert.EndsWith($"> {setting.Threshold}", memory);
        Assert.All(new[] { cpu, memory }, side => Assert.Equal(2, side.Split("sum by (region, namespace, pod)").Length - 1));
    }

    [Fact]
    public void The_pod_utilisation_threshold_follows_the_config()
    {
        var alerts = SynthesizedPlatform.LoadShipped("prod").Observability!.Alerts! with
        {
            PodUtilization = new MultiRegion.Infra.Model.Config.AlarmSetting("p3", 65, 30),
        };
        var pods = JsonNode.Parse(MetricsWorkspace.RuleGroups(alerts))!["groups"]![0]!["rules"]!.AsArray().Single(r => (string?)r!["alert"] == "PodUtilization")!;
        Assert.Equal(2, ((string)pods["expr"]!).Split("> 65").Length - 1);
        Assert.Equal("30m", (string?)pods["for"]);
        Assert.Equal("p3", (string?)pods["labels"]!["severity"]);
        Assert.DoesNotContain("PodUtilization", MetricsWorkspace.RuleGroups(alerts with { PodUtilization = null }));
    }

    [Fact]
    public void Primary_topics_let_the_workspace_publish()
    {
        var json = SynthesizedJson.Regional(Prod, "us-west-2");
        // The severity topics (SeverityTopics, ids under "Alerts"); the runbooks' approval topic is not an alert-manager route.
        var policies = json.OfType("AWS::SNS::TopicPolicy").Select(t => t.ToJsonString()).Where(t => t.Contains("\"Ref\":\"Alerts", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(policies);
        Assert.All(policies, t => Assert.Contains("aps.amazonaws.com", t));
        var key = json.OfType("AWS::KMS::Key").Single(k => k.ToJsonString().Contains("alert topics"));
        Assert.Contains("aps.amazonaws.com", key.ToJsonString());
    }
}

/// <summary>The optional Grafana workspace, built in a bare stack (no platform synthesis needed).</summary>
public sealed class ManagedGrafanaTests
{
    [Fact]
    public void Grafana_reads_only_the_metrics_workspace_with_a_role_of_its_own()
    {
        var app = new Amazon.CDK.App();
        var stack = new Amazon.CDK.Stack(app, "G", new Amazon.CDK.StackProps { Env = new Amazon.CDK.Environment { Account = "111111111111", Region = "us-west-2" } });
        _ = new ManagedGrafana(stack, "Grafana", new ManagedGrafanaProps("t-grafana", "arn:aws:aps:us-west-2:111111111111:workspace/ws-1"));
        var t = Amazon.CDK.Assertions.Template.FromStack(stack);
        t.HasResourceProperties("AWS::Grafana::Workspace", new Dictionary<string, object>
        {
            ["PermissionType"] = "CUSTOMER_MANAGED",
            ["AuthenticationProviders"] = new[] { "AWS_SSO" },
            ["DataSources"] = new[] { "PROMETHEUS" },
        });
        var policy = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(t.FindResources("AWS::IAM::Policy")))!.AsObject().Single().Value!;
        var query = policy["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray().Single(s => s!["Action"]!.ToJsonString().Contains("aps:QueryMetrics"))!;
        Assert.Equal("arn:aws:aps:us-west-2:111111111111:workspace/ws-1", (string?)query["Resource"]);
    }
}
