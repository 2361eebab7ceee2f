using System.Text.RegularExpressions;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Validation;

/// <summary>Rules of the <c>compute</c> section and of the node groups it builds from <c>sizing</c>.</summary>
internal static partial class ComputeRules
{
    /// <summary>
    /// AWS Load Balancer Controller versions whose IAM policy the CDK (2.160) bundles. The version table's rows must
    /// be among them (a test ties both to the CDK's AlbControllerVersion list).
    /// </summary>
    public static readonly IReadOnlyList<string> LoadBalancerControllerVersions =
    [
        "2.4.1", "2.4.2", "2.4.3", "2.4.4", "2.4.5", "2.4.6", "2.4.7",
        "2.5.0", "2.5.1", "2.5.2", "2.5.3", "2.5.4", "2.6.0", "2.6.1", "2.6.2",
        "2.7.0", "2.7.1", "2.7.2", "2.8.0", "2.8.1", "2.8.2",
    ];

    private static readonly string[] Expanders = ["least-waste", "random", "most-pods", "price", "priority"];

    [GeneratedRegex(@"^1\.(2[3-9]|3[0-9])$")]
    private static partial Regex KubernetesVersion();

    [GeneratedRegex(@"^arn:aws[a-z-]*:lambda:([a-z0-9-]+):[0-9]{12}:layer:[A-Za-z0-9_-]+:[0-9]+$")]
    private static partial Regex LayerVersionArn();

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,30}[a-z0-9])?$")]
    private static partial Regex DnsLabel();

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?(m|k|M|G|Ki|Mi|Gi)?$")]
    private static partial Regex Quantity();

    public static void Validate(StackConfig c, ProblemSink sink)
    {
        ValidateNodeGroups(c, sink);
        if (c.Compute is not { } compute)
            return;

        sink.Require(KubernetesVersion().IsMatch(compute.KubernetesVersion), "compute.kubernetesVersion",
            $"'{compute.KubernetesVersion}' is not an EKS Kubernetes version such as \"1.35\"");

        ValidateEndpoint(compute.EndpointSettings, sink);
        ValidateKubectlLayers(c, compute, sink);
        ValidateAutoscaler(compute.AutoscalerSettings, sink);
        ValidateAddons(compute, sink);

        var idle = compute.IngressSettings.IdleTimeoutSeconds;
        sink.Require(idle is >= 1 and <= 4000, "compute.ingress.idleTimeoutSeconds",
            $"{idle} is outside 1..4000 s (the ALB idle timeout range)");

        var priorities = new Dictionary<int, string>();
        foreach (var (name, w) in compute.EffectiveWorkloads)
            ValidateWorkload(c, name, w, priorities, sink);
    }

    private static void ValidateNodeGroups(StackConfig c, ProblemSink sink)
    {
        foreach (var (tierName, tier) in c.Sizing)
            foreach (var (groupName, g) in tier.NodeGroups)
            {
                var gp = $"sizing.{tierName}.nodeGroups.{groupName}";
                // Node group names become EKS node group and Kubernetes label values.
                sink.Require(DnsLabel().IsMatch(groupName), gp,
                    $"'{groupName}' must be lower-case letters, digits and '-' (it names node groups and labels)");
                if (tier.SpotPercent is > 0 and < 100 && g.MaxSize >= 2 && (long)g.MaxSize * tier.SpotPercent / 100 == 0)
                    sink.Add($"{gp}.maxSize",
                        $"{g.MaxSize} nodes at {tier.SpotPercent}% spot leaves the spot group no node: raise maxSize or spotPercent");
            }
    }

    private static void ValidateEndpoint(EndpointConfig e, ProblemSink sink)
    {
        var cidrs = e.PublicAccessCidrs ?? [];
        if (e.Access == EndpointAccessMode.Private)
        {
            sink.Require(cidrs.Count == 0, "compute.endpoint.publicAccessCidrs",
                "a private endpoint has no public access: remove publicAccessCidrs or use access: publicAndPrivate");
            return;
        }
        sink.Require(cidrs.Count > 0, "compute.endpoint.publicAccessCidrs",
            "publicAndPrivate access needs an allow-list of CIDR blocks (use access: private for none)");
        for (var i = 0; i < cidrs.Count; i++)
        {
            if (!Cidr.TryParse(cidrs[i], out var block))
                sink.Add($"compute.endpoint.publicAccessCidrs[{i}]", $"'{cidrs[i]}' is not an IPv4 CIDR block such as 203.0.113.0/24");
            else if (block.PrefixLength == 0)
                sink.Add($"compute.endpoint.publicAccessCidrs[{i}]", $"'{cidrs[i]}' opens the API server to the whole internet; list the networks that need it");
        }
    }

    private static void ValidateKubectlLayers(StackConfig c, ComputeConfig compute, ProblemSink sink)
    {
        foreach (var (region, arn) in compute.KubectlLayerArns ?? new Dictionary<string, string>())
        {
            var at = $"compute.kubectlLayerArns.{region}";
            if (!c.Regions.Any(r => r.Name == region))
            {
                sink.Add(at, $"'{region}' is not a region of this stack config{Loading.DidYouMean.Hint(region, c.Regions.Select(r => r.Name))}");
                continue;
            }
            var m = LayerVersionArn().Match(arn);
            if (!m.Success)
                sink.Add(at, $"'{arn}' is not a Lambda layer version ARN (arn:aws:lambda:<region>:<account>:layer:<name>:<version>)");
            else if (m.Groups[1].Value != region)
                sink.Add(at, $"'{arn}' lives in {m.Groups[1].Value}; Lambda layers are regional, so {region} needs a layer published in {region}");
        }
    }

    private static void ValidateAutoscaler(ClusterAutoscalerConfig a, ProblemSink sink)
    {
        const string at = "compute.autoscaler";
        sink.Require(a.ScanIntervalSeconds is >= 1 and <= 60, $"{at}.scanIntervalSeconds", $"{a.ScanIntervalSeconds} is outside 1..60 s");
        sink.Require(a.ScaleUpDelaySeconds is >= 0 and <= 600, $"{at}.scaleUpDelaySeconds", $"{a.ScaleUpDelaySeconds} is outside 0..600 s");
        sink.Require(a.ScaleDownDelayAfterAddSeconds is >= 0 and <= 86400, $"{at}.scaleDownDelayAfterAddSeconds", $"{a.ScaleDownDelayAfterAddSeconds} is outside 0..86400 s");
        sink.Require(a.ScaleDownUnneededSeconds is >= 60 and <= 86400, $"{at}.scaleDownUnneededSeconds", $"{a.ScaleDownUnneededSeconds} is outside 60..86400 s");
        sink.Require(a.ScaleDownUtilization is > 0 and < 1, $"{at}.scaleDownUtilization", $"{a.ScaleDownUtilization} must be a fraction between 0 and 1");
        sink.Require(Expanders.Contains(a.Expander), $"{at}.expander",
            $"'{a.Expander}' is not a Cluster Autoscaler expander ({string.Join(", ", Expanders)})");
    }

    private static void ValidateAddons(ComputeConfig compute, ProblemSink sink)
    {
        const string at = "compute.addons";
        if (Lifecycle.AddonVersions.MinorOf(compute.KubernetesVersion) is not { } minor)
            return; // the version's own problem is reported above
        var a = compute.AddonSettings;
        foreach (var (key, addon, value) in new[]
                 {
                     ("clusterAutoscalerChart", Lifecycle.Addon.ClusterAutoscaler, a.ClusterAutoscalerChart),
                     ("metricsServerChart", Lifecycle.Addon.MetricsServer, a.MetricsServerChart),
                     ("loadBalancerController", Lifecycle.Addon.LoadBalancerController, a.LoadBalancerController),
                     ("vpaChart", Lifecycle.Addon.Vpa, a.VpaChart),
                     ("nvidiaDevicePluginChart", Lifecycle.Addon.NvidiaDevicePlugin, a.NvidiaDevicePluginChart),
                 })
        {
            // A minor with no row at all is refused once, at compute.kubernetesVersion (LifecycleRules).
            var fits = Lifecycle.AddonVersions.For(addon, minor).Select(r => r.Version).ToList();
            if (value is not null && !fits.Contains(value))
                sink.Add($"{at}.{key}", fits.Count == 0
                    ? $"'{value}': no {addon} version in the program's table supports Kubernetes 1.{minor}"
                    : $"'{value}' is not a {addon} version the program has checked for Kubernetes 1.{minor}; use one of {string.Join(", ", fits)} (or leave it out)");
        }
        if (a.ClusterAutoscalerImageTag is { } tag && !tag.StartsWith($"v1.{minor}.", StringComparison.Ordinal))
            sink.Add($"{at}.clusterAutoscalerImageTag",
                $"'{tag}' does not match Kubernetes 1.{minor}: the autoscaler's minor must be the cluster's (e.g. v1.{minor}.0)");
    }

    private static void ValidateWorkload(StackConfig c, string name, WorkloadConfig w, Dictionary<int, string> priorities, ProblemSink sink)
    {
        var at = $"compute.workloads.{name}";
        sink.Require(DnsLabel().IsMatch(name), at, $"'{name}' is not a Kubernetes name (lower-case letters, digits and '-')");
        sink.Require(DnsLabel().IsMatch(w.Namespace), $"{at}.namespace", $"'{w.Namespace}' is not a Kubernetes namespace name");
        sink.Require(w.Port is >= 1 and <= 65535, $"{at}.port", $"{w.Port} is not a TCP port");

        foreach (var tier in c.Regions.Select(r => r.SizingTier).Distinct())
            sink.Require(w.Replicas.ContainsKey(tier), $"{at}.replicas",
                $"no replica bounds for sizing tier '{tier}' (a region uses it)");
        foreach (var (tier, range) in w.Replicas)
        {
            if (!c.Sizing.ContainsKey(tier))
                sink.Add($"{at}.replicas.{tier}", $"'{tier}' is not a sizing tier{Loading.DidYouMean.Hint(tier, c.Sizing.Keys)}");
            sink.Require(range.Min >= 1, $"{at}.replicas.{tier}.min", $"{range.Min} must be at least 1 (an HPA cannot scale to zero)");
            sink.Require(range.Max >= range.Min, $"{at}.replicas.{tier}.max", $"max {range.Max} is less than min {range.Min}");
        }

        ValidateMetrics(at, w.Metrics, c, sink);
        if (w.Behavior?.ScaleUp is { } up) ValidateRules($"{at}.behavior.scaleUp", up, sink);
        if (w.Behavior?.ScaleDown is { } down) ValidateRules($"{at}.behavior.scaleDown", down, sink);

        if (w.Vpa is { } vpa)
        {
            var controlled = vpa.EffectiveControlledResources;
            for (var i = 0; i < controlled.Count; i++)
                sink.Require(controlled[i] is "cpu" or "memory", $"{at}.vpa.controlledResources[{i}]",
                    $"'{controlled[i]}' cannot be set by a VPA (only cpu and memory)");
            // The VPA changes the requests the HPA's utilization is measured against: with both acting on the
            // same resource they chase each other (Kubernetes VPA docs: do not combine with an HPA on CPU/memory).
            var fought = w.Metrics.Where(m => m.Kind is MetricKind.Cpu or MetricKind.Memory)
                .Select(m => m.Kind.ToString().ToLowerInvariant()).Intersect(controlled).ToList();
            if (vpa.UpdateMode != VpaUpdateMode.Off && fought.Count > 0)
                sink.Add($"{at}.vpa.updateMode",
                    $"'{vpa.UpdateMode.ToString().ToLowerInvariant()}' would fight the HPA, which scales on {string.Join(" and ", fought)} utilization: use updateMode off (recommendations only) or drop {string.Join("/", fought)} from controlledResources");
        }

        if (w.Ingress is { } ing)
        {
            var ip = $"{at}.ingress";
            if (sink.Require(ing.Priority is >= 1 and <= 50000, $"{ip}.priority", $"{ing.Priority} is outside 1..50000 (ALB rule priorities)"))
            {
                if (priorities.TryGetValue(ing.Priority, out var other))
                    sink.Add($"{ip}.priority", $"{ing.Priority} is already used by workload '{other}'; listener rule priorities must be unique");
                else
                    priorities[ing.Priority] = name;
            }
            sink.Require(ing.PathPatterns.Count is >= 1 and <= 5, $"{ip}.pathPatterns",
                $"{ing.PathPatterns.Count} path patterns given; an ALB rule takes 1 to 5");
            for (var i = 0; i < ing.PathPatterns.Count; i++)
                sink.Require(ing.PathPatterns[i].StartsWith('/') && ing.PathPatterns[i].Length <= 128, $"{ip}.pathPatterns[{i}]",
                    $"'{ing.PathPatterns[i]}' must start with '/' and be at most 128 characters");
            sink.Require(ing.HealthCheckPath.StartsWith('/'), $"{ip}.healthCheckPath", $"'{ing.HealthCheckPath}' must start with '/'");
            if (ing.StickinessSeconds is { } s)
                sink.Require(s is >= 1 and <= 604800, $"{ip}.stickinessSeconds", $"{s} is outside 1..604800 s (ALB cookie stickiness)");
            sink.Require(ing.HealthCheckIntervalSeconds is >= 5 and <= 300, $"{ip}.healthCheckIntervalSeconds",
                $"{ing.HealthCheckIntervalSeconds} is outside 5..300 s (ALB health check interval)");
            sink.Require(ing.HealthCheckTimeoutSeconds is >= 2 and <= 120 && ing.HealthCheckTimeoutSeconds < ing.HealthCheckIntervalSeconds,
                $"{ip}.healthCheckTimeoutSeconds",
                $"{ing.HealthCheckTimeoutSeconds} must be 2..120 s and less than the interval ({ing.HealthCheckIntervalSeconds} s)");
            sink.Require(ing.DeregistrationDelaySeconds is >= 0 and <= 3600, $"{ip}.deregistrationDelaySeconds",
                $"{ing.DeregistrationDelaySeconds} is outside 0..3600 s");
        }
    }

    private static void ValidateMetrics(string at, IReadOnlyList<MetricTarget> metrics, StackConfig c, ProblemSink sink)
    {
        sink.Require(metrics.Count > 0, $"{at}.metrics", "an HPA needs at least one metric");
        for (var i = 0; i < metrics.Count; i++)
        {
            var m = metrics[i];
            var mp = $"{at}.metrics[{i}]";
            if (m.Kind is MetricKind.Cpu or MetricKind.Memory)
            {
                sink.Require(m.Utilization is >= 1 and <= 100, $"{mp}.utilization",
                    m.Utilization is null ? "a cpu or memory target needs utilization (percent of requests)" : $"{m.Utilization} is not a percentage between 1 and 100");
                sink.Require(m.Name is null && m.AverageValue is null, mp, "name and averageValue belong to pods metrics; cpu and memory take utilization");
            }
            else
            {
                // Only prometheus-adapter serves the custom metrics API (metrics-server serves resource metrics only).
                // An HPA with an unavailable metric still scales up on the others but never scales down
                // (kubernetes/kubernetes#99514; kubernetes.io HPA docs, "Scaling on multiple metrics"), so an unserved
                // pods metric would pin the workload at its peak: refuse it.
                if (!c.ObservabilityOn)
                    sink.Add($"{mp}.kind",
                        $"pods metric '{m.Name}': no metrics adapter in the cluster serves custom metrics, so the HPA could never scale down " +
                        "(an HPA skips scale-down while any of its metrics is unavailable, kubernetes/kubernetes#99514); " +
                        "turn on observability (observability.enabled: true installs Prometheus and prometheus-adapter) or scale on cpu and memory");
                else if (!string.IsNullOrWhiteSpace(m.Name) && Planning.Observability.AdapterRulePlan.RuleFor(m.Name) is null)
                    sink.Add($"{mp}.name",
                        $"'{m.Name}' is not a Prometheus metric name ([a-zA-Z_:][a-zA-Z0-9_:]*), so no prometheus-adapter rule can serve it");
                sink.Require(!string.IsNullOrWhiteSpace(m.Name), $"{mp}.name", "a pods metric needs the metric's name");
                sink.Require(m.AverageValue is not null && Quantity().IsMatch(m.AverageValue), $"{mp}.averageValue",
                    m.AverageValue is null ? "a pods metric needs averageValue (per-pod target)" : $"'{m.AverageValue}' is not a Kubernetes quantity such as 80 or 100m");
                sink.Require(m.Utilization is null, $"{mp}.utilization", "utilization belongs to cpu and memory metrics");
            }
        }
        var duplicate = metrics.GroupBy(m => (m.Kind, m.Name)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            sink.Add($"{at}.metrics", $"{duplicate.Key.Kind.ToString().ToLowerInvariant()} {duplicate.Key.Name} is listed twice");
    }

    private static void ValidateRules(string at, ScalingRules r, ProblemSink sink)
    {
        sink.Require(r.StabilizationSeconds is >= 0 and <= 3600, $"{at}.stabilizationSeconds",
            $"{r.StabilizationSeconds} is outside 0..3600 s (HPA stabilization window)");
        sink.Require(r.Policies.Count > 0 || r.Select == PolicySelect.Disabled, $"{at}.policies", "at least one policy is required unless select is disabled");
        for (var i = 0; i < r.Policies.Count; i++)
        {
            var p = r.Policies[i];
            sink.Require(p.Value >= 1, $"{at}.policies[{i}].value", $"{p.Value} must be at least 1");
            sink.Require(p.PeriodSeconds is >= 1 and <= 1800, $"{at}.policies[{i}].periodSeconds",
                $"{p.PeriodSeconds} is outside 1..1800 s (HPA policy period)");
        }
    }
}
