using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Amazon.CDK;
using Amazon.CDK.AWS.APS;
using Constructs;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Observability;

/// <summary>Inputs of the global metrics store.</summary>
/// <param name="TopicArns">Severity name to the ARN of its topic in this (the primary) region; empty: no alert manager.</param>
public sealed record MetricsWorkspaceProps(StackConfig Config, ObservabilityConfig Settings, IReadOnlyDictionary<string, string> TopicArns);

/// <summary>
/// The seed's global Prometheus as an Amazon Managed Service for Prometheus workspace in the primary region: every
/// cluster's Prometheus remote-writes to it, it keeps the configured days (the seed's 90; AMP keeps 150 unless told),
/// its ruler evaluates the global alerting rules over all regions, and its alert manager routes each alert by its
/// <c>severity</c> label to that severity's SNS topic of the primary region.
/// </summary>
public sealed class MetricsWorkspace : Construct
{
    // Readable PromQL in the template ('>' and '"' unescaped); the output is JSON either way, which YAML parses.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public CfnWorkspace Workspace { get; }

    /// <summary>The workspace's remote-write URL (a token).</summary>
    public string RemoteWriteUrl { get; }

    public CfnRuleGroupsNamespace? Rules { get; }

    public MetricsWorkspace(Construct scope, string id, MetricsWorkspaceProps props) : base(scope, id)
    {
        var region = Stack.Of(this).Region;
        Workspace = new CfnWorkspace(this, "Workspace", new CfnWorkspaceProps
        {
            Alias = $"{props.Config.Prefix}-metrics",
            AlertManagerDefinition = props.TopicArns.Count == 0 ? null : AlertManagerDefinition(props.TopicArns, region),
        });
        // CDK 2.160's CfnWorkspace predates WorkspaceConfiguration; CloudFormation takes RetentionPeriodInDays (minimum 1,
        // no interruption on update): https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-aps-workspace-workspaceconfiguration.html
        Workspace.AddPropertyOverride("WorkspaceConfiguration.RetentionPeriodInDays", props.Settings.GlobalRetentionDays);
        // 90 days of every region's metrics: kept when the stack goes, like the platform's other stores.
        Workspace.ApplyRemovalPolicy(Regional.Data.DataProtection.Removal(props.Config.ProtectData));
        // PrometheusEndpoint ends with '/': https://docs.aws.amazon.com/prometheus/latest/userguide/AMP-onboard-ingest-metrics-remote-write.html
        RemoteWriteUrl = $"{Workspace.AttrPrometheusEndpoint}api/v1/remote_write";

        if (props.Settings.Alerts is { } alerts && alerts.All().Any())
            Rules = new CfnRuleGroupsNamespace(this, "GlobalRules", new CfnRuleGroupsNamespaceProps
            {
                Workspace = Workspace.AttrArn,
                Name = "global-alerts",
                Data = RuleGroups(alerts),
            });
    }

    /// <summary>
    /// The alert manager definition: one receiver per severity publishing to its topic (SigV4 needs the region;
    /// api_url and http_config are not allowed: https://docs.aws.amazon.com/prometheus/latest/userguide/AMP-alertmanager-receiver-config.html),
    /// routed on the rule's <c>severity</c> label. Written as JSON, which is YAML.
    /// </summary>
    public static string AlertManagerDefinition(IReadOnlyDictionary<string, string> topicArns, string region)
    {
        var severities = topicArns.Keys.Order(StringComparer.Ordinal).ToList();
        var config = new Dictionary<string, object>
        {
            ["route"] = new Dictionary<string, object>
            {
                // Unlabelled alerts go to the first severity in name order (p0): better paged than lost.
                ["receiver"] = severities[0],
                ["group_by"] = new[] { "alertname", "region" },
                ["routes"] = severities.Select(s => new Dictionary<string, object>
                {
                    ["receiver"] = s,
                    ["matchers"] = new[] { $"severity=\"{s}\"" },
                }).ToArray(),
            },
            ["receivers"] = severities.Select(s => new Dictionary<string, object>
            {
                ["name"] = s,
                ["sns_configs"] = new[]
                {
                    new Dictionary<string, object>
                    {
                        ["topic_arn"] = topicArns[s],
                        ["sigv4"] = new Dictionary<string, object> { ["region"] = region },
                        ["subject"] = $"[{s.ToUpperInvariant()}] {{{{ .CommonLabels.alertname }}}}",
                    },
                },
            }).ToArray(),
        };
        // alertmanager_config is itself a YAML document in a string (https://docs.aws.amazon.com/prometheus/latest/userguide/AMP-alertmanager-config.html).
        return JsonSerializer.Serialize(new Dictionary<string, object> { ["alertmanager_config"] = JsonSerializer.Serialize(config, Json) }, Json);
    }

    /// <summary>The global alerting rules (Prometheus rule file format, as JSON) from the config's application alerts.</summary>
    public static string RuleGroups(ApplicationAlertsConfig alerts)
    {
        string N(double v) => v.ToString(CultureInfo.InvariantCulture);
        var req = alerts.RequestsSeries;
        var rules = new List<Dictionary<string, object>>();
        void Add(string name, string expr, AlarmSetting s, string summary) => rules.Add(new Dictionary<string, object>
        {
            ["alert"] = name,
            ["expr"] = expr,
            ["for"] = $"{s.Minutes}m",
            ["labels"] = new Dictionary<string, object> { ["severity"] = s.Severity },
            ["annotations"] = new Dictionary<string, object> { ["summary"] = summary },
        });
        // The clusters' external label 'region' tells the regions apart in the shared store.
        if (alerts.ErrorRate is { } e)
            Add("GlobalErrorRate",
                $"100 * sum(rate({req}{{code=~\"5..\"}}[5m])) / sum(rate({req}[5m])) > {N(e.Threshold!.Value)}", e,
                $"5xx responses above {N(e.Threshold.Value)}% of all requests across every region");
        if (alerts.RegionErrorRate is { } r)
            Add("RegionErrorRate",
                $"100 * sum by (region) (rate({req}{{code=~\"5..\"}}[5m])) / sum by (region) (rate({req}[5m])) > {N(r.Threshold!.Value)}", r,
                $"5xx responses above {N(r.Threshold.Value)}% of requests in {{{{ $labels.region }}}}");
        if (alerts.LatencyP95 is { } l)
            Add("LatencyP95",
                $"1000 * histogram_quantile(0.95, sum by (region, le) (rate({alerts.LatencySeries}_bucket[5m]))) > {N(l.Threshold!.Value)}", l,
                $"p95 latency above {N(l.Threshold.Value)} ms in {{{{ $labels.region }}}}");
        // node_exporter's CPU seconds and memory gauges (prometheus-community node exporter, on every node).
        if (alerts.NodeUtilization is { } u)
            Add("NodeUtilization",
                $"max by (region, instance) (100 * (1 - avg by (region, instance) (rate(node_cpu_seconds_total{{mode=\"idle\"}}[5m])))) > {N(u.Threshold!.Value)}"
                + $" or max by (region, instance) (100 * (1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes)) > {N(u.Threshold.Value)}", u,
                $"node {{{{ $labels.instance }}}} in {{{{ $labels.region }}}} uses more than {N(u.Threshold.Value)}% of its CPU or memory");
        // cAdvisor's container series (the chart's kubernetes-nodes-cadvisor job; container="" is the pod's cgroup
        // total and POD the pause container, both left out) against kube-state-metrics' requests and limits (the
        // chart's kube-state-metrics dependency), matched by region, namespace and pod.
        if (alerts.PodUtilization is { } pu)
        {
            const string Containers = "container!=\"\", container!=\"POD\"";
            const string By = "sum by (region, namespace, pod)";
            Add("PodUtilization",
                $"100 * {By} (rate(container_cpu_usage_seconds_total{{{Containers}}}[5m])) / {By} (kube_pod_container_resource_requests{{resource=\"cpu\"}}) > {N(pu.Threshold!.Value)}"
                + $" or 100 * {By} (container_memory_working_set_bytes{{{Containers}}}) / {By} (kube_pod_container_resource_limits{{resource=\"memory\"}}) > {N(pu.Threshold.Value)}", pu,
                $"pod {{{{ $labels.namespace }}}}/{{{{ $labels.pod }}}} in {{{{ $labels.region }}}} uses more than {N(pu.Threshold.Value)}% of its CPU requests or memory limits");
        }
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["groups"] = new[] { new Dictionary<string, object> { ["name"] = "global", ["rules"] = rules } },
        }, Json);
    }
}
