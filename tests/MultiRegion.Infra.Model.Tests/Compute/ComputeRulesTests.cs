using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Loading;

namespace MultiRegion.Infra.Model.Tests.Compute;

public sealed class ComputeRulesTests
{
    private const string Base = """
        app: t
        environment: test
        account: "111111111111"
        dns: { zoneName: example.com, hostedZoneId: Z0000000000000 }
        regions:
          - { name: us-west-2, role: primary, trafficWeight: 100, availabilityZones: [us-west-2a, us-west-2b], vpcCidr: 10.10.0.0/16 }
        sizing:
          primary:
            spotPercent: 50
            nodeGroups:
              cpu: { instanceTypes: [c5.large, c5a.large], minSize: 2, desiredSize: 2, maxSize: 10, scaleDownUtilization: 0.5 }
        """;

    private const string Workload = """
          workloads:
            api:
              namespace: apps
              port: 8080
              replicas: { primary: { min: 2, max: 10 } }
              metrics:
                - { kind: cpu, utilization: 70 }
                - { kind: memory, utilization: 80 }
              behavior:
                scaleUp: { stabilizationSeconds: 60, policies: [ { kind: percent, value: 50, periodSeconds: 60 } ] }
              ingress: { priority: 10, pathPatterns: ["/*"] }
        """;

    private static string Compute(string body = "", string workloads = Workload) => Base + """

        compute:
          kubernetesVersion: "1.35"
          endpoint: { access: publicAndPrivate, publicAccessCidrs: [203.0.113.0/24] }

        """ + body + workloads;

    private static StackConfig Parse(string yaml) => ConfigLoader.Parse(yaml, "test.yaml");

    private static ConfigProblem Problem(string yaml, string path)
    {
        var e = Assert.Throws<ConfigException>(() => Parse(yaml));
        return Assert.Single(e.Problems, p => p.Path == path);
    }

    [Fact]
    public void A_valid_compute_section_loads()
    {
        var c = Parse(Compute());
        var compute = c.Compute!;
        Assert.Equal("1.35", compute.KubernetesVersion);
        Assert.Equal(10, compute.AutoscalerSettings.ScanIntervalSeconds);
        Assert.Equal(["203.0.113.0/24"], compute.EndpointSettings.PublicAccessCidrs);
        Assert.Equal(5, compute.EffectiveControlPlaneLogs.Count);
        var w = compute.EffectiveWorkloads["api"];
        Assert.Equal("/health", w.Ingress!.HealthCheckPath);
        Assert.Equal(MetricKind.Memory, w.Metrics[1].Kind);
    }

    [Fact]
    public void Kubernetes_version_must_be_an_eks_version()
    {
        var p = Problem(Compute().Replace("kubernetesVersion: \"1.35\"", "kubernetesVersion: v1.35"), "compute.kubernetesVersion");
        Assert.Contains("'v1.35'", p.Message);
        Assert.Equal("1.35", Parse(Compute().Replace("kubernetesVersion: \"1.35\"", "kubernetesVersion: 1.35")).Compute!.KubernetesVersion);
    }

    [Fact]
    public void Public_endpoint_needs_an_allow_list_and_not_the_whole_internet()
    {
        Problem(Compute().Replace("publicAccessCidrs: [203.0.113.0/24]", "publicAccessCidrs: []"), "compute.endpoint.publicAccessCidrs");
        var p = Problem(Compute().Replace("203.0.113.0/24", "0.0.0.0/0"), "compute.endpoint.publicAccessCidrs[0]");
        Assert.Contains("whole internet", p.Message);
    }

    [Fact]
    public void Private_endpoint_takes_no_public_cidrs()
    {
        var p = Problem(Compute().Replace("access: publicAndPrivate", "access: private"), "compute.endpoint.publicAccessCidrs");
        Assert.Contains("private endpoint", p.Message);
        var ok = Parse(Compute().Replace("{ access: publicAndPrivate, publicAccessCidrs: [203.0.113.0/24] }", "{ access: private }"));
        Assert.Equal(EndpointAccessMode.Private, ok.Compute!.EndpointSettings.Access);
    }

    [Fact]
    public void Kubectl_layer_must_be_in_its_region()
    {
        var yaml = Compute("  kubectlLayerArns: { us-west-2: \"arn:aws:lambda:us-east-1:111111111111:layer:kubectl:3\" }\n");
        var p = Problem(yaml, "compute.kubectlLayerArns.us-west-2");
        Assert.Contains("regional", p.Message);
        var ok = Parse(yaml.Replace("lambda:us-east-1", "lambda:us-west-2"));
        Assert.Equal("arn:aws:lambda:us-west-2:111111111111:layer:kubectl:3", ok.Compute!.KubectlLayerArnFor("us-west-2"));
        Assert.Null(ok.Compute.KubectlLayerArnFor("eu-west-1"));
    }

    [Fact]
    public void Autoscaler_settings_are_checked()
    {
        var p = Problem(Compute("  autoscaler: { expander: cheapest }\n"), "compute.autoscaler.expander");
        Assert.Contains("least-waste", p.Message);
        Problem(Compute("  autoscaler: { scaleDownUtilization: 1.5 }\n"), "compute.autoscaler.scaleDownUtilization");
    }

    [Fact]
    public void Load_balancer_controller_version_must_be_a_checked_one_the_cdk_has_a_policy_for()
    {
        var p = Problem(Compute("  addons: { loadBalancerController: \"2.9.0\" }\n"), "compute.addons.loadBalancerController");
        Assert.Contains("2.8.2", p.Message);
    }

    [Fact]
    public void Idle_timeout_stays_within_the_alb_range()
    {
        var p = Problem(Compute("  ingress: { idleTimeoutSeconds: 5000 }\n"), "compute.ingress.idleTimeoutSeconds");
        Assert.Contains("4000", p.Message);
    }

    [Fact]
    public void Every_sizing_tier_in_use_needs_replica_bounds()
    {
        var p = Problem(Compute().Replace("replicas: { primary: { min: 2, max: 10 } }", "replicas: { primaryy: { min: 2, max: 10 } }"), "compute.workloads.api.replicas");
        Assert.Contains("'primary'", p.Message);
    }

    [Fact]
    public void Replicas_must_be_ordered_and_positive()
    {
        Problem(Compute().Replace("{ min: 2, max: 10 }", "{ min: 0, max: 10 }"), "compute.workloads.api.replicas.primary.min");
        Problem(Compute().Replace("{ min: 2, max: 10 }", "{ min: 5, max: 3 }"), "compute.workloads.api.replicas.primary.max");
    }

    [Fact]
    public void Metric_targets_are_checked_by_kind()
    {
        Problem(Compute().Replace("{ kind: cpu, utilization: 70 }", "{ kind: cpu, utilization: 170 }"), "compute.workloads.api.metrics[0].utilization");
        Problem(Compute().Replace("{ kind: memory, utilization: 80 }", "{ kind: memory, utilization: 80, name: rss }"), "compute.workloads.api.metrics[1]");
    }

    [Fact]
    public void A_pods_metric_is_refused_without_the_metrics_pipeline_because_the_hpa_would_never_scale_down()
    {
        var yaml = Compute().Replace("{ kind: memory, utilization: 80 }", "{ kind: pods, name: rps, averageValue: \"100\" }");
        var p = Problem(yaml, "compute.workloads.api.metrics[1].kind");
        Assert.Contains("'rps'", p.Message);
        Assert.Contains("never scale down", p.Message);
        Assert.Contains("99514", p.Message);
        Assert.Contains("observability.enabled", p.Message);
        // The form of a pods metric is still checked, so a fixed config gets every message at once.
        Problem(yaml.Replace("averageValue: \"100\"", "averageValue: \"lots\""), "compute.workloads.api.metrics[1].averageValue");
    }

    [Fact]
    public void A_pods_metric_loads_when_the_metrics_pipeline_serves_it()
    {
        var yaml = Compute().Replace("{ kind: memory, utilization: 80 }", "{ kind: pods, name: rps, averageValue: \"100\" }") + "\nobservability: { enabled: true }\n";
        var w = Parse(yaml).Compute!.EffectiveWorkloads["api"];
        Assert.Equal(MetricKind.Pods, w.Metrics[1].Kind);
        // Turned off, the same metric is refused again.
        Problem(yaml.Replace("enabled: true", "enabled: false"), "compute.workloads.api.metrics[1].kind");
    }

    [Fact]
    public void A_pods_metric_no_adapter_rule_can_serve_is_refused()
    {
        var yaml = Compute().Replace("{ kind: memory, utilization: 80 }", "{ kind: pods, name: requests-per-second, averageValue: \"100\" }") + "\nobservability: { enabled: true }\n";
        var p = Problem(yaml, "compute.workloads.api.metrics[1].name");
        Assert.Contains("'requests-per-second'", p.Message);
    }

    [Fact]
    public void Behavior_periods_and_windows_are_checked()
    {
        var p = Problem(Compute().Replace("periodSeconds: 60", "periodSeconds: 3600"), "compute.workloads.api.behavior.scaleUp.policies[0].periodSeconds");
        Assert.Contains("1800", p.Message);
        Problem(Compute().Replace("stabilizationSeconds: 60", "stabilizationSeconds: 7200"), "compute.workloads.api.behavior.scaleUp.stabilizationSeconds");
    }

    [Fact]
    public void A_vpa_in_auto_mode_must_not_fight_the_hpa_on_cpu()
    {
        var auto = Compute().Replace("      ingress:", "      vpa: { updateMode: auto }\n      ingress:");
        var p = Problem(auto, "compute.workloads.api.vpa.updateMode");
        Assert.Contains("cpu", p.Message);
        // Memory only: the HPA does not scale on memory, so Auto is fine.
        var cpuHpa = Compute().Replace("\n        - { kind: memory, utilization: 80 }", "");
        Assert.NotEqual(Compute(), cpuHpa);
        var memoryOnly = Parse(cpuHpa.Replace("      ingress:", "      vpa: { updateMode: auto, controlledResources: [memory] }\n      ingress:"));
        Assert.Equal(VpaUpdateMode.Auto, memoryOnly.Compute!.EffectiveWorkloads["api"].Vpa!.UpdateMode);
        Parse(Compute().Replace("      ingress:", "      vpa: { updateMode: off }\n      ingress:"));
    }

    [Fact]
    public void Listener_rule_priorities_are_unique()
    {
        var second = Workload.Replace("    api:", "    web:").Replace("  workloads:\n", "");
        var p = Problem(Compute(workloads: Workload + "\n" + second), "compute.workloads.web.ingress.priority");
        Assert.Contains("'api'", p.Message);
    }

    [Fact]
    public void Health_check_timeout_is_shorter_than_the_interval()
    {
        var p = Problem(Compute().Replace("pathPatterns: [\"/*\"] }", "pathPatterns: [\"/*\"], healthCheckIntervalSeconds: 5, healthCheckTimeoutSeconds: 5 }"),
            "compute.workloads.api.ingress.healthCheckTimeoutSeconds");
        Assert.Contains("less than the interval", p.Message);
    }

    [Fact]
    public void A_spot_share_too_small_for_one_node_is_reported()
    {
        var p = Problem(Base.Replace("spotPercent: 50", "spotPercent: 10").Replace("maxSize: 10", "maxSize: 5"), "sizing.primary.nodeGroups.cpu.maxSize");
        Assert.Contains("spot group no node", p.Message);
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("videochat")]
    [InlineData("dev")]
    public void Shipped_configs_load_with_compute(string name)
    {
        var c = ConfigLoader.Load(Path.Combine(Stacks(), name + ".yaml"));
        Assert.NotNull(c.Compute);
        Assert.NotEmpty(c.Compute!.EffectiveWorkloads);
    }

    private static string Stacks()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MultiRegion.Infra.sln")))
                return Path.Combine(dir.FullName, "stacks");
        throw new InvalidOperationException("repository root not found");
    }
}
