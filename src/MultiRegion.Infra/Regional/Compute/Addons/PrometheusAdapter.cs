using Amazon.CDK.AWS.EKS;
using Constructs;
using MultiRegion.Infra.Model.Lifecycle;
using MultiRegion.Infra.Model.Planning.Observability;

namespace MultiRegion.Infra.Regional.Compute.Addons;

/// <summary>Inputs of a cluster's metrics adapter.</summary>
public sealed record PrometheusAdapterProps(Cluster Cluster, ResolvedAddons Addons, IReadOnlyList<AdapterRule> Rules, Prometheus Prometheus);

/// <summary>
/// prometheus-adapter: serves the custom metrics API (<c>custom.metrics.k8s.io</c>) from the cluster's Prometheus,
/// one rule per <c>pods</c> metric the workloads' HPAs name (<see cref="AdapterRulePlan"/>, the same list the loader
/// checks). It only reads the in-cluster Prometheus, so it needs no AWS role.
/// </summary>
public sealed class PrometheusAdapter : Construct
{
    public const string Release = "prometheus-adapter";

    public HelmChart Chart { get; }

    public PrometheusAdapter(Construct scope, string id, PrometheusAdapterProps props) : base(scope, id)
    {
        Chart = props.Cluster.AddHelmChart("PrometheusAdapterChart", new HelmChartOptions
        {
            Chart = "prometheus-adapter",
            Repository = Prometheus.Repository,
            Version = props.Addons.PrometheusAdapterChart,
            Release = Release,
            Namespace = Prometheus.Namespace,
            Values = Values(props.Rules),
        });
        // Its queries go to the server, and the namespace comes with it.
        Chart.Node.AddDependency(props.Prometheus.Chart);
    }

    /// <summary>The chart's values (pure): the server's address and only the generated rules (no default rules).</summary>
    public static Dictionary<string, object> Values(IReadOnlyList<AdapterRule> rules) => new()
    {
        ["prometheus"] = new Dictionary<string, object> { ["url"] = Prometheus.ServerUrl, ["port"] = 80 },
        ["rules"] = new Dictionary<string, object>
        {
            ["default"] = false,
            ["custom"] = rules.Select(Rule).ToArray(),
        },
    };

    /// <summary>One adapter rule (https://github.com/kubernetes-sigs/prometheus-adapter/blob/master/docs/config.md).</summary>
    public static Dictionary<string, object> Rule(AdapterRule r) => new()
    {
        ["seriesQuery"] = $"{{__name__=\"{r.Series}\",namespace!=\"\",pod!=\"\"}}",
        // The chart's pod scrape job labels every series with namespace and pod.
        ["resources"] = new Dictionary<string, object>
        {
            ["overrides"] = new Dictionary<string, object>
            {
                ["namespace"] = new Dictionary<string, object> { ["resource"] = "namespace" },
                ["pod"] = new Dictionary<string, object> { ["resource"] = "pod" },
            },
        },
        ["name"] = new Dictionary<string, object> { ["matches"] = $"^{r.Series}$", ["as"] = r.Metric },
        ["metricsQuery"] = r.MetricsQuery,
    };
}
