using System.Text.Json;
using System.Text.Json.Nodes;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Compute;

public sealed class ComputeTests
{
    private static readonly SynthesizedPlatform Prod = SynthesizedPlatform.Shipped("prod");
    private static readonly SynthesizedPlatform Video = SynthesizedPlatform.Shipped("videochat");

    public static TheoryData<string, string> AllRegions => new()
    {
        { "prod", "us-west-2" }, { "prod", "us-east-1" }, { "prod", "eu-west-1" },
        { "videochat", "us-west-2" }, { "videochat", "eu-west-1" }, { "videochat", "ap-southeast-1" },
    };

    private static SynthesizedPlatform Of(string stack) => stack == "prod" ? Prod : Video;

    [Theory]
    [MemberData(nameof(AllRegions))]
    public void Every_region_has_an_eks_cluster_with_encrypted_secrets_logging_and_an_allow_listed_endpoint(string stack, string region)
    {
        var json = SynthesizedJson.Regional(Of(stack), region);
        var config = Assert.Single(json.OfType("Custom::AWSCDK-EKS-Cluster"))["Config"]!;

        Assert.Equal($"{Of(stack).Config.Prefix}-{region}", (string?)config["name"]);
        Assert.Equal("1.35", (string?)config["version"]);
        Assert.Equal("secrets", (string?)config["encryptionConfig"]![0]!["resources"]![0]);
        Assert.Equal(["api", "audit", "authenticator", "controllerManager", "scheduler"],
            config["logging"]!["clusterLogging"]![0]!["types"]!.AsArray().Select(t => (string)t!));
        var vpc = config["resourcesVpcConfig"]!;
        Assert.True((bool)vpc["endpointPrivateAccess"]!);
        Assert.True((bool)vpc["endpointPublicAccess"]!);
        Assert.Equal(["203.0.113.0/24"], vpc["publicAccessCidrs"]!.AsArray().Select(c => (string)c!));
        // The secrets key rotates and outlives the stack (protectData).
        var keyId = (string)config["encryptionConfig"]![0]!["provider"]!["keyArn"]!["Fn::GetAtt"]![0]!;
        var key = json.Resources[keyId]!.AsObject();
        Assert.Equal("AWS::KMS::Key", (string?)key["Type"]);
        Assert.True((bool)key["Properties"]!["EnableKeyRotation"]!);
        Assert.Equal("RetainExceptOnCreate", (string?)key["DeletionPolicy"]);
        // IRSA: the cluster has an OIDC provider.
        Assert.Single(json.OfType("Custom::AWSCDKOpenIdConnectProvider"));
    }

    // The seed's bounds per region role (min / desired / max), summed over the spot and on-demand groups.
    public static TheoryData<string, string, string, int, int, int> SeedBounds => new()
    {
        { "prod", "us-west-2", "cpu", 3, 10, 50 }, { "prod", "us-west-2", "memory", 2, 6, 30 }, { "prod", "us-west-2", "gpu", 1, 4, 20 },
        { "prod", "us-east-1", "cpu", 3, 6, 30 }, { "prod", "us-east-1", "memory", 2, 4, 20 }, { "prod", "us-east-1", "gpu", 1, 2, 10 },
        { "prod", "eu-west-1", "cpu", 3, 3, 15 }, { "prod", "eu-west-1", "memory", 2, 2, 10 }, { "prod", "eu-west-1", "gpu", 0, 1, 5 },
        { "videochat", "us-west-2", "general", 5, 5, 20 },
        { "videochat", "eu-west-1", "general", 3, 3, 15 },
        { "videochat", "ap-southeast-1", "general", 3, 3, 15 },
    };

    [Theory]
    [MemberData(nameof(SeedBounds))]
    public void Node_tiers_have_the_seed_bounds_summed_over_spot_and_on_demand(string stack, string region, string tier, int min, int desired, int max)
    {
        var groups = NodeGroups(stack, region).Where(g => (string?)g["Labels"]!["node-tier"] == tier).ToList();

        Assert.Equal(2, groups.Count);
        Assert.Equal(["ON_DEMAND", "SPOT"], groups.Select(g => (string)g["CapacityType"]!).Order());
        Assert.Equal(min, groups.Sum(g => (int)g["ScalingConfig"]!["MinSize"]!));
        Assert.Equal(desired, groups.Sum(g => (int)g["ScalingConfig"]!["DesiredSize"]!));
        Assert.Equal(max, groups.Sum(g => (int)g["ScalingConfig"]!["MaxSize"]!));
    }

    [Theory]
    [InlineData("prod", "us-west-2", 25)]      // 50% of 50 CPU nodes
    [InlineData("videochat", "us-west-2", 10)] // 50% of 20
    [InlineData("videochat", "eu-west-1", 10)] // 70% of 15, rounded down
    public void Spot_groups_take_the_tier_share_of_max_and_the_diversified_instance_list(string stack, string region, int spotMax)
    {
        var config = Of(stack).Config;
        var tier = config.SizingOf(config.Region(region)).NodeGroups.First();
        var spot = NodeGroups(stack, region).Single(g => (string?)g["Labels"]!["node-tier"] == tier.Key && (string?)g["CapacityType"] == "SPOT");
        var onDemand = NodeGroups(stack, region).Single(g => (string?)g["Labels"]!["node-tier"] == tier.Key && (string?)g["CapacityType"] == "ON_DEMAND");

        Assert.Equal(spotMax, (int)spot["ScalingConfig"]!["MaxSize"]!);
        Assert.Equal(tier.Value.InstanceTypes, spot["InstanceTypes"]!.AsArray().Select(t => (string)t!));
        Assert.Equal([tier.Value.InstanceTypes[0]], onDemand["InstanceTypes"]!.AsArray().Select(t => (string)t!));
        Assert.Equal("spot", (string?)spot["Labels"]!["capacity-type"]);
        Assert.Equal("on-demand", (string?)onDemand["Labels"]!["capacity-type"]);
    }

    [Theory]
    [InlineData("us-west-2")]
    [InlineData("us-east-1")]
    [InlineData("eu-west-1")]
    public void Gpu_nodes_are_tainted_labelled_and_run_al2023_nvidia_and_other_nodes_run_al2023_standard(string region)
    {
        foreach (var g in NodeGroups("prod", region))
        {
            var gpu = (string?)g["Labels"]!["node-tier"] == "gpu";
            if (gpu)
            {
                var taint = Assert.Single(g["Taints"]!.AsArray())!;
                Assert.Equal(("nvidia.com/gpu", "true", "NO_SCHEDULE"), ((string)taint["Key"]!, (string)taint["Value"]!, (string)taint["Effect"]!));
                Assert.Equal("true", (string?)g["Labels"]!["nvidia.com/gpu.present"]);
                Assert.Equal("AL2023_x86_64_NVIDIA", (string?)g["AmiType"]);
            }
            else
            {
                Assert.Null(g["Taints"]);
                Assert.Equal("AL2023_x86_64_STANDARD", (string?)g["AmiType"]);
            }
        }
    }

    [Fact]
    public void Gpu_regions_get_the_nvidia_device_plugin_on_gpu_nodes_only_and_cpu_only_regions_none()
    {
        var plugin = SynthesizedJson.Regional(Prod, "eu-west-1").HelmChart("nvidia-device-plugin");
        var values = SynthesizedJson.ValuesOf(plugin);
        Assert.Equal("true", (string?)values["nodeSelector"]!["nvidia.com/gpu.present"]);
        Assert.Equal("nvidia.com/gpu", (string?)values["tolerations"]![0]!["key"]);

        Assert.DoesNotContain(SynthesizedJson.Regional(Video, "us-west-2").OfType("Custom::AWSCDK-EKS-HelmChart"),
            c => (string?)c["Chart"] == "nvidia-device-plugin");
    }

    [Theory]
    [MemberData(nameof(AllRegions))]
    public void Node_groups_share_one_node_role_in_private_subnets(string stack, string region)
    {
        var groups = NodeGroups(stack, region);
        Assert.Single(groups.Select(g => g["NodeRole"]!.ToJsonString()).Distinct());
        Assert.All(groups, g => Assert.All(g["Subnets"]!.AsArray(), s => Assert.Contains("privateSubnet", s!.ToJsonString())));
    }

    [Theory]
    [MemberData(nameof(AllRegions))]
    public void The_cluster_autoscaler_runs_with_the_configured_timings_and_auto_discovery(string stack, string region)
    {
        var json = SynthesizedJson.Regional(Of(stack), region);
        var chart = json.HelmChart("cluster-autoscaler");
        Assert.Equal("https://kubernetes.github.io/autoscaler", (string?)chart["Repository"]);
        Assert.Equal("kube-system", (string?)chart["Namespace"]);

        var values = SynthesizedJson.ValuesOf(chart);
        Assert.Equal($"{Of(stack).Config.Prefix}-{region}", (string?)values["autoDiscovery"]!["clusterName"]);
        Assert.Equal("cluster-autoscaler", (string?)values["rbac"]!["serviceAccount"]!["name"]);
        var args = values["extraArgs"]!;
        Assert.Equal("30s", (string?)args["new-pod-scale-up-delay"]);
        Assert.Equal("600s", (string?)args["scale-down-delay-after-add"]);
        Assert.Equal("600s", (string?)args["scale-down-unneeded-time"]);
    }

    [Fact]
    public void The_autoscaler_role_may_resize_only_this_clusters_groups()
    {
        var json = SynthesizedJson.Regional(Prod, "us-west-2");
        var statements = json.OfType("AWS::IAM::Policy")
            .SelectMany(p => p["PolicyDocument"]!["Statement"]!.AsArray())
            .Where(s => s!.ToJsonString().Contains("autoscaling:SetDesiredCapacity"))
            .ToList();

        var statement = Assert.Single(statements)!;
        Assert.Equal("owned", (string?)statement["Condition"]!["StringEquals"]!["aws:ResourceTag/k8s.io/cluster-autoscaler/mlops-prod-us-west-2"]);
        Assert.DoesNotContain("autoscaling:*", json.Resources.ToJsonString());
    }

    [Theory]
    [InlineData("us-west-2", "gpu", "0.3")]
    [InlineData("us-west-2", "memory", "0.4")]
    [InlineData("eu-west-1", "cpu", "0.5")]
    public void Each_groups_asg_gets_its_scale_down_threshold_and_node_template_tags(string region, string tier, string threshold)
    {
        var json = SynthesizedJson.Regional(Prod, region);
        // One tag call for the whole cluster; each tag names the ASG found for its node group.
        var tagCall = Assert.Single(json.OfType("Custom::AWS")
            .Select(p => SynthesizedJson.ParseJoined(p["Create"]!, nameTokens: true)),
            c => (string?)c["action"] == "createOrUpdateTags");
        var tagCalls = tagCall["parameters"]!["Tags"]!.AsArray()
            .GroupBy(t => (string)t!["ResourceId"]!)
            .Select(g => g.ToDictionary(t => (string)t!["Key"]!, t => (string)t!["Value"]!))
            .ToList();

        // One ASG per node group (spot and on-demand per tier), each found by its own DescribeNodegroup call.
        Assert.Equal(6, tagCalls.Count);
        Assert.All(tagCall["parameters"]!["Tags"]!.AsArray(), t => Assert.StartsWith("TOKEN:", (string)t!["ResourceId"]!));
        Assert.Equal(6, json.OfType("Custom::AWS").Select(p => SynthesizedJson.ParseJoined(p["Create"]!))
            .Count(c => (string?)c["action"] == "describeNodegroup"));
        var ofTier = tagCalls.Where(tags => tags.GetValueOrDefault("k8s.io/cluster-autoscaler/node-template/label/node-tier") == tier).ToList();
        Assert.Equal(2, ofTier.Count);
        Assert.All(ofTier, tags =>
        {
            Assert.Equal(threshold, tags["k8s.io/cluster-autoscaler/node-template/autoscaling-options/scaledownutilizationthreshold"]);
            Assert.Equal(tier == "gpu" ? "true:NoSchedule" : null, tags.GetValueOrDefault("k8s.io/cluster-autoscaler/node-template/taint/nvidia.com/gpu"));
            Assert.Equal("owned", tags[$"k8s.io/cluster-autoscaler/mlops-prod-{region}"]);
        });
    }

    [Fact]
    public void The_asg_tagging_calls_are_scoped_to_the_clusters_node_groups()
    {
        var json = SynthesizedJson.Regional(Prod, "us-west-2");
        // The policies of the tagging custom resources (the autoscaler's own role is tested above).
        var statements = json.Resources
            .Where(r => r.Key.StartsWith("ComputeNodeGroupsAutoscalerTags", StringComparison.Ordinal))
            .Select(r => r.Value!.AsObject())
            .Where(r => (string?)r["Type"] == "AWS::IAM::Policy")
            .SelectMany(r => r["Properties"]!["PolicyDocument"]!["Statement"]!.AsArray())
            .Select(s => s!.AsObject())
            .ToList();

        var tag = Assert.Single(statements, s => s["Action"]!.ToJsonString().Contains("autoscaling:CreateOrUpdateTags"));
        Assert.Equal("autoscaling:CreateOrUpdateTags", (string?)tag["Action"]);
        Assert.Contains(":autoScalingGroup:*:autoScalingGroupName/eks-*", tag["Resource"]!.ToJsonString());
        Assert.Equal("mlops-prod-us-west-2", (string?)tag["Condition"]!["StringEquals"]!["aws:ResourceTag/eks:cluster-name"]);

        // DescribeNodegroup only on this cluster's node groups, one statement per group.
        var describe = statements.Where(s => s["Action"]!.ToJsonString() == "\"eks:DescribeNodegroup\"").ToList();
        Assert.Equal(6, describe.Count);
        Assert.Equal(7, statements.Count);
        Assert.All(describe, s =>
        {
            Assert.Equal("eks:DescribeNodegroup", (string?)s["Action"]);
            var arn = s["Resource"]!["Fn::GetAtt"]!.AsArray();
            Assert.StartsWith("ComputeNodeGroups", (string?)arn[0]);
            Assert.Equal("Arn", (string?)arn[1]);
        });
        Assert.Equal(6, describe.Select(s => s["Resource"]!.ToJsonString()).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(AllRegions))]
    public void Metrics_server_and_the_load_balancer_controller_are_installed(string stack, string region)
    {
        var json = SynthesizedJson.Regional(Of(stack), region);
        Assert.Equal("3.13.0", (string?)json.HelmChart("metrics-server")["Version"]);
        Assert.Equal("https://aws.github.io/eks-charts", (string?)json.HelmChart("aws-load-balancer-controller")["Repository"]);
        // IRSA service accounts for the autoscaler, the controller and the Prometheus remote writer.
        var accounts = json.OfType("Custom::AWSCDK-EKS-KubernetesResource").Select(p => p["Manifest"]!.ToJsonString())
            .Where(m => m.Contains("ServiceAccount") && m.Contains("eks.amazonaws.com/role-arn")).ToList();
        Assert.Equal(3, accounts.Count);
    }

    [Theory]
    [InlineData("us-west-2", 3, 100)]
    [InlineData("us-east-1", 2, 60)]
    [InlineData("eu-west-1", 2, 30)]
    public void Prod_inference_hpa_has_the_seed_metrics_and_behaviour(string region, int min, int max)
    {
        var hpa = Assert.Single(SynthesizedJson.Regional(Prod, region).KubernetesObjects("HorizontalPodAutoscaler"));
        Assert.Equal("autoscaling/v2", (string?)hpa["apiVersion"]);
        var spec = hpa["spec"]!;
        Assert.Equal("inference", (string?)spec["scaleTargetRef"]!["name"]);
        Assert.Equal(min, (int)spec["minReplicas"]!);
        Assert.Equal(max, (int)spec["maxReplicas"]!);

        var metrics = spec["metrics"]!.AsArray();
        Assert.Equal(70, ResourceTarget(metrics, "cpu"));
        Assert.Equal(80, ResourceTarget(metrics, "memory"));
        // The seed's custom metrics, served by prometheus-adapter (PrometheusAdapterTests walks the rules).
        Assert.Equal("100", PodsTarget(metrics, "http_requests_per_second"));
        Assert.Equal("50", PodsTarget(metrics, "inference_latency_p95_milliseconds"));
        Assert.Equal(4, metrics.Count);

        var up = spec["behavior"]!["scaleUp"]!;
        Assert.Equal(60, (int)up["stabilizationWindowSeconds"]!);
        Assert.Equal("Max", (string?)up["selectPolicy"]);
        Assert.Equal([("Percent", 50, 60), ("Pods", 4, 60)], Policies(up));
        var down = spec["behavior"]!["scaleDown"]!;
        Assert.Equal(300, (int)down["stabilizationWindowSeconds"]!);
        Assert.Equal([("Percent", 25, 60), ("Pods", 2, 60)], Policies(down));
    }

    [Theory]
    [InlineData("us-west-2", 3, 50)]
    [InlineData("eu-west-1", 2, 30)]
    [InlineData("ap-southeast-1", 2, 30)]
    public void Videochat_signalling_hpa_has_the_seed_metrics_and_behaviour(string region, int min, int max)
    {
        var hpa = Assert.Single(SynthesizedJson.Regional(Video, region).KubernetesObjects("HorizontalPodAutoscaler"));
        var spec = hpa["spec"]!;
        Assert.Equal("signalling", (string?)spec["scaleTargetRef"]!["name"]);
        Assert.Equal(min, (int)spec["minReplicas"]!);
        Assert.Equal(max, (int)spec["maxReplicas"]!);

        var metrics = spec["metrics"]!.AsArray();
        Assert.Equal(60, ResourceTarget(metrics, "cpu"));
        Assert.Equal(70, ResourceTarget(metrics, "memory"));
        Assert.Equal("80", PodsTarget(metrics, "socketio_connections"));
        Assert.Equal("100", PodsTarget(metrics, "signalling_latency_p95_milliseconds"));
        Assert.Equal(4, metrics.Count);

        Assert.Equal([("Percent", 100, 15)], Policies(spec["behavior"]!["scaleUp"]!));
        Assert.Equal([("Percent", 25, 120)], Policies(spec["behavior"]!["scaleDown"]!));
    }

    [Fact]
    public void Prod_gets_vpa_components_and_a_recommendation_only_vpa_and_videochat_none()
    {
        var prod = SynthesizedJson.Regional(Prod, "us-west-2");
        var vpa = Assert.Single(prod.KubernetesObjects("VerticalPodAutoscaler"));
        Assert.Equal("Off", (string?)vpa["spec"]!["updatePolicy"]!["updateMode"]);
        Assert.Equal("vpa", (string?)prod.HelmChart("vpa")["Chart"]);

        var video = SynthesizedJson.Regional(Video, "us-west-2");
        Assert.Empty(video.KubernetesObjects("VerticalPodAutoscaler"));
        Assert.DoesNotContain(video.OfType("Custom::AWSCDK-EKS-HelmChart"), c => (string?)c["Chart"] == "vpa");
    }

    [Theory]
    [MemberData(nameof(AllRegions))]
    public void Each_workload_has_a_target_group_health_checked_on_health_behind_the_https_listener(string stack, string region)
    {
        var json = SynthesizedJson.Regional(Of(stack), region);
        var tg = Assert.Single(json.OfType("AWS::ElasticLoadBalancingV2::TargetGroup"));
        Assert.Equal("/health", (string?)tg["HealthCheckPath"]);
        Assert.Equal("ip", (string?)tg["TargetType"]);
        Assert.Single(json.OfType("AWS::ElasticLoadBalancingV2::ListenerRule"));
        var binding = json.OfType("Custom::AWSCDK-EKS-KubernetesResource").Select(p => p["Manifest"]!.ToJsonString())
            .Where(m => m.Contains("TargetGroupBinding")).ToList();
        Assert.Single(binding);
        // The load balancer may reach the pods' port on the cluster security group.
        var port = Of(stack).Config.Compute!.EffectiveWorkloads.Values.Single().Port;
        Assert.Contains(json.OfType("AWS::EC2::SecurityGroupIngress"), i => (int?)i["FromPort"] == port);
    }

    [Theory]
    [InlineData("us-west-2")]
    [InlineData("ap-southeast-1")]
    public void Videochat_load_balancer_keeps_websockets_open_and_sticky(string region)
    {
        var json = SynthesizedJson.Regional(Video, region);
        var lb = Assert.Single(json.OfType("AWS::ElasticLoadBalancingV2::LoadBalancer"));
        Assert.Equal("3600", Attribute(lb, "LoadBalancerAttributes", "idle_timeout.timeout_seconds"));
        var tg = Assert.Single(json.OfType("AWS::ElasticLoadBalancingV2::TargetGroup"));
        Assert.Equal("true", Attribute(tg, "TargetGroupAttributes", "stickiness.enabled"));
        Assert.Equal("86400", Attribute(tg, "TargetGroupAttributes", "stickiness.lb_cookie.duration_seconds"));
        Assert.Equal(5, (int)tg["HealthCheckIntervalSeconds"]!);

        var prodLb = Assert.Single(SynthesizedJson.Regional(Prod, "us-west-2").OfType("AWS::ElasticLoadBalancingV2::LoadBalancer"));
        Assert.Equal("60", Attribute(prodLb, "LoadBalancerAttributes", "idle_timeout.timeout_seconds"));
    }

    private static List<JsonObject> NodeGroups(string stack, string region) =>
        SynthesizedJson.Regional(Of(stack), region).OfType("AWS::EKS::Nodegroup").ToList();

    private static string? PodsTarget(JsonArray metrics, string name) =>
        (string?)metrics.Single(m => (string?)m!["type"] == "Pods" && (string?)m["pods"]!["metric"]!["name"] == name)!["pods"]!["target"]!["averageValue"];

    private static int ResourceTarget(JsonArray metrics, string resource) =>
        (int)metrics.Single(m => (string?)m!["type"] == "Resource" && (string?)m["resource"]!["name"] == resource)!["resource"]!["target"]!["averageUtilization"]!;

    private static List<(string, int, int)> Policies(JsonNode rules) =>
        rules["policies"]!.AsArray().Select(p => ((string)p!["type"]!, (int)p["value"]!, (int)p["periodSeconds"]!)).ToList();

    private static string? Attribute(JsonObject props, string list, string key) =>
        props[list]?.AsArray().FirstOrDefault(a => (string?)a!["Key"] == key)?["Value"]?.GetValue<string>();
}
