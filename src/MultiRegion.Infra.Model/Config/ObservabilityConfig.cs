namespace MultiRegion.Infra.Model.Config;

/// <summary>
/// The metrics pipeline: a Prometheus in every cluster (local collection, the seed's regional store) remote-writing
/// to one Amazon Managed Service for Prometheus workspace in the primary region (the seed's global store), and a
/// prometheus-adapter in every cluster serving the workloads' <c>pods</c> HPA metrics from the local Prometheus.
/// </summary>
/// <param name="Enabled">Build the pipeline. Off: no Prometheus, no workspace, and the loader refuses pods metrics.</param>
/// <param name="LocalRetentionDays">Days each cluster's Prometheus keeps (seed: "Local metrics collection, 30-day storage").</param>
/// <param name="GlobalRetentionDays">Days the AMP workspace keeps (seed: "90-day storage"; AMP's default is 150).</param>
/// <param name="LocalStorageGi">Size of each Prometheus server's volume, in GiB (30 days of samples must fit).</param>
/// <param name="Alerts">Alerting rules on application metrics, evaluated in the AMP workspace over all regions.</param>
/// <param name="Grafana">Also build an Amazon Managed Grafana workspace reading the AMP workspace (users sign in through IAM Identity Center, which the account must have enabled).</param>
public sealed record ObservabilityConfig(
    bool Enabled = true,
    int LocalRetentionDays = 30,
    int GlobalRetentionDays = 90,
    int LocalStorageGi = 100,
    ApplicationAlertsConfig? Alerts = null,
    bool Grafana = false);

/// <summary>
/// The seed's alerts that need application metrics (the workloads' own request counters and latency histograms),
/// evaluated by the AMP workspace's ruler over every region's samples and routed by its alert manager to the
/// primary region's severity topics. An alert left out is not created.
/// </summary>
/// <param name="ErrorRate">Global 5xx share of all requests, in percent, over every region (seed P0 "global error rate &gt; 5%").</param>
/// <param name="RegionErrorRate">One region's 5xx share, in percent (seed P1 "error rate &gt; 1% in any region").</param>
/// <param name="LatencyP95">p95 request latency of a region, in milliseconds (seed SLO p95 latency).</param>
/// <param name="NodeUtilization">
/// A node's CPU or memory in use, in percent, from the node exporter the Prometheus chart runs on every node (seed P2
/// "High resource utilization (&gt; 80%)").
/// </param>
/// <param name="PodUtilization">
/// A pod's CPU in use in percent of its CPU requests, or its memory working set in percent of its memory limits,
/// from cAdvisor (the chart's <c>kubernetes-nodes-cadvisor</c> job) and kube-state-metrics (a dependency the chart
/// enables): seed P2 "High resource utilization (&gt; 80%)" for the pods. Requests for CPU because that is what the
/// scheduler and the HPAs count; limits for memory because the kernel kills a container at its limit.
/// </param>
/// <param name="RequestsSeries">Counter of requests with a <c>code</c> label (Prometheus convention <c>http_requests_total</c>).</param>
/// <param name="LatencySeries">Histogram of request durations in seconds (its <c>_bucket</c> series is used).</param>
public sealed record ApplicationAlertsConfig(
    AlarmSetting? ErrorRate = null,
    AlarmSetting? RegionErrorRate = null,
    AlarmSetting? LatencyP95 = null,
    AlarmSetting? NodeUtilization = null,
    AlarmSetting? PodUtilization = null,
    string RequestsSeries = "http_requests_total",
    string LatencySeries = "http_request_duration_seconds")
{
    /// <summary>Every configured alert with its YAML key.</summary>
    public IEnumerable<(string Key, AlarmSetting Setting)> All()
    {
        if (ErrorRate is { } a) yield return ("errorRate", a);
        if (RegionErrorRate is { } b) yield return ("regionErrorRate", b);
        if (LatencyP95 is { } c) yield return ("latencyP95", c);
        if (NodeUtilization is { } d) yield return ("nodeUtilization", d);
        if (PodUtilization is { } e) yield return ("podUtilization", e);
    }
}
