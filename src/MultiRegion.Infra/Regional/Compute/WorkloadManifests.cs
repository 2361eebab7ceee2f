using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Regional.Compute;

/// <summary>The Kubernetes objects of a workload, built from config. Pure, so they are easy to read and test.</summary>
public static class WorkloadManifests
{
    public static Dictionary<string, object> Namespace(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new Dictionary<string, object> { ["name"] = name },
    };

    /// <summary>An <c>autoscaling/v2</c> HPA on the workload's Deployment.</summary>
    public static Dictionary<string, object> HorizontalPodAutoscaler(string name, WorkloadConfig w, ReplicaRange replicas)
    {
        var spec = new Dictionary<string, object>
        {
            ["scaleTargetRef"] = DeploymentRef(name),
            ["minReplicas"] = replicas.Min,
            ["maxReplicas"] = replicas.Max,
            ["metrics"] = w.Metrics.Select(Metric).ToArray(),
        };
        if (w.Behavior is { } b)
        {
            var behavior = new Dictionary<string, object>();
            if (b.ScaleUp is { } up) behavior["scaleUp"] = Rules(up);
            if (b.ScaleDown is { } down) behavior["scaleDown"] = Rules(down);
            spec["behavior"] = behavior;
        }
        return new Dictionary<string, object>
        {
            ["apiVersion"] = "autoscaling/v2",
            ["kind"] = "HorizontalPodAutoscaler",
            ["metadata"] = Metadata(name, w.Namespace),
            ["spec"] = spec,
        };
    }

    /// <summary>A VerticalPodAutoscaler on the workload's Deployment.</summary>
    public static Dictionary<string, object> VerticalPodAutoscaler(string name, WorkloadConfig w, VpaConfig vpa) => new()
    {
        ["apiVersion"] = "autoscaling.k8s.io/v1",
        ["kind"] = "VerticalPodAutoscaler",
        ["metadata"] = Metadata(name, w.Namespace),
        ["spec"] = new Dictionary<string, object>
        {
            ["targetRef"] = DeploymentRef(name),
            ["updatePolicy"] = new Dictionary<string, object> { ["updateMode"] = vpa.UpdateMode.ToString() },
            ["resourcePolicy"] = new Dictionary<string, object>
            {
                ["containerPolicies"] = new object[]
                {
                    new Dictionary<string, object>
                    {
                        ["containerName"] = "*",
                        ["controlledResources"] = vpa.EffectiveControlledResources.ToArray(),
                    },
                },
            },
        },
    };

    /// <summary>Registers the pods behind the workload's Service with a target group of the regional load balancer.</summary>
    public static Dictionary<string, object> TargetGroupBinding(string name, WorkloadConfig w, string targetGroupArn) => new()
    {
        ["apiVersion"] = "elbv2.k8s.aws/v1beta1",
        ["kind"] = "TargetGroupBinding",
        ["metadata"] = Metadata(name, w.Namespace),
        ["spec"] = new Dictionary<string, object>
        {
            ["serviceRef"] = new Dictionary<string, object> { ["name"] = name, ["port"] = w.Port },
            ["targetGroupARN"] = targetGroupArn,
            ["targetType"] = "ip",
        },
    };

    private static Dictionary<string, object> Metadata(string name, string ns) => new()
    {
        ["name"] = name,
        ["namespace"] = ns,
        ["labels"] = new Dictionary<string, object> { ["app.kubernetes.io/name"] = name, ["app.kubernetes.io/managed-by"] = "MultiRegion.Infra" },
    };

    private static Dictionary<string, object> DeploymentRef(string name) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["name"] = name,
    };

    private static Dictionary<string, object> Metric(MetricTarget m) => m.Kind switch
    {
        MetricKind.Cpu or MetricKind.Memory => new Dictionary<string, object>
        {
            ["type"] = "Resource",
            ["resource"] = new Dictionary<string, object>
            {
                ["name"] = m.Kind == MetricKind.Cpu ? "cpu" : "memory",
                ["target"] = new Dictionary<string, object> { ["type"] = "Utilization", ["averageUtilization"] = m.Utilization!.Value },
            },
        },
        _ => new Dictionary<string, object>
        {
            ["type"] = "Pods",
            ["pods"] = new Dictionary<string, object>
            {
                ["metric"] = new Dictionary<string, object> { ["name"] = m.Name! },
                ["target"] = new Dictionary<string, object> { ["type"] = "AverageValue", ["averageValue"] = m.AverageValue! },
            },
        },
    };

    private static Dictionary<string, object> Rules(ScalingRules r) => new()
    {
        ["stabilizationWindowSeconds"] = r.StabilizationSeconds,
        ["selectPolicy"] = r.Select.ToString(),
        ["policies"] = r.Policies.Select(p => (object)new Dictionary<string, object>
        {
            ["type"] = p.Kind == ScalingPolicyKind.Percent ? "Percent" : "Pods",
            ["value"] = p.Value,
            ["periodSeconds"] = p.PeriodSeconds,
        }).ToArray(),
    };
}
