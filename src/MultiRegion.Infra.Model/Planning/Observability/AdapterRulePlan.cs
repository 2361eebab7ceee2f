using System.Text.RegularExpressions;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning.Observability;

/// <summary>
/// One prometheus-adapter rule: it finds <see cref="Series"/> in the cluster's Prometheus and serves it on the custom
/// metrics API (<c>custom.metrics.k8s.io</c>) as <see cref="Metric"/> per pod, computed by <see cref="MetricsQuery"/>
/// (rule format: https://github.com/kubernetes-sigs/prometheus-adapter/blob/master/docs/config.md).
/// </summary>
/// <param name="Metric">The name the HPA asks for.</param>
/// <param name="Series">The Prometheus series the workload exports.</param>
/// <param name="MetricsQuery">PromQL template (the adapter fills <c>&lt;&lt;.Series&gt;&gt;</c>, label matchers and grouping).</param>
public sealed record AdapterRule(string Metric, string Series, string MetricsQuery);

/// <summary>
/// The adapter rules a config needs: one per distinct <c>pods</c> metric of any workload, derived from its name, so
/// the loader and the chart read one answer. The workload's exporter contract, by name:
/// <list type="bullet">
/// <item><c>X_per_second</c>: the rate over 2 minutes of a counter <c>X_total</c> (Prometheus naming convention for counters).</item>
/// <item><c>X_pNN_UNIT</c>: the NN-th percentile over 2 minutes of a histogram <c>X_UNIT_bucket</c>.</item>
/// <item>anything else: a gauge of that name, averaged per pod.</item>
/// </list>
/// Series are matched by the <c>namespace</c> and <c>pod</c> labels the Prometheus chart's pod scrape job adds.
/// </summary>
public static partial class AdapterRulePlan
{
    // Prometheus metric names: https://prometheus.io/docs/concepts/data_model/#metric-names-and-labels
    [GeneratedRegex("^[a-zA-Z_:][a-zA-Z0-9_:]*$")]
    private static partial Regex MetricName();

    [GeneratedRegex("^(?<base>.+)_p(?<q>[0-9]{2})_(?<unit>[a-z]+)$")]
    private static partial Regex Percentile();

    private const string Window = "2m";

    /// <summary>The rule serving <paramref name="metric"/>, or null when no rule can (not a Prometheus metric name).</summary>
    public static AdapterRule? RuleFor(string? metric)
    {
        if (metric is null || !MetricName().IsMatch(metric)) return null;
        if (metric.EndsWith("_per_second", StringComparison.Ordinal) && metric.Length > "_per_second".Length)
            return new AdapterRule(metric, metric[..^"_per_second".Length] + "_total",
                $"sum(rate(<<.Series>>{{<<.LabelMatchers>>}}[{Window}])) by (<<.GroupBy>>)");
        if (Percentile().Match(metric) is { Success: true } p)
            return new AdapterRule(metric, $"{p.Groups["base"].Value}_{p.Groups["unit"].Value}_bucket",
                $"histogram_quantile(0.{p.Groups["q"].Value}, sum(rate(<<.Series>>{{<<.LabelMatchers>>}}[{Window}])) by (le, <<.GroupBy>>))");
        return new AdapterRule(metric, metric, "avg(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)");
    }

    /// <summary>Every rule the config's workloads need (none when the pipeline is off), ordered by metric name.</summary>
    public static IReadOnlyList<AdapterRule> For(StackConfig config) =>
        !config.ObservabilityOn ? [] :
        config.Compute!.EffectiveWorkloads.Values
            .SelectMany(w => w.Metrics).Where(m => m.Kind == MetricKind.Pods)
            .Select(m => RuleFor(m.Name)).OfType<AdapterRule>()
            .DistinctBy(r => r.Metric).OrderBy(r => r.Metric, StringComparer.Ordinal).ToList();
}
