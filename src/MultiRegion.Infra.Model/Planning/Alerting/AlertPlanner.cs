using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning.Alerting;

/// <summary>The kinds of alarm the platform builds from AWS metrics (keys of <c>alerting.alarms</c>).</summary>
public enum AlarmKind
{
    RegionDown,
    GlobalErrorRate,
    RegionErrorRate,
    DatabaseReplicationLag,
    CacheReplicationLag,
    StorageReplicationLatency,
    StorageReplicationFailures,
    SecurityFindings,
    Budget,
    CostAnomalies,
    FailoverApprovals,
}

/// <summary>
/// One CloudWatch alarm to build: where (the region its metric is published in, so its stack), what it watches,
/// its threshold in the metric's unit, and the severity topic it notifies.
/// </summary>
/// <param name="Subject">What is watched: a region, a cache, <c>bucket -&gt; replica region</c>, the distribution.</param>
/// <param name="Threshold">In <see cref="Unit"/>; the alarm fires above it (region down: when the check fails).</param>
public sealed record PlannedAlarm(
    AlarmKind Kind,
    string Region,
    string Subject,
    string Severity,
    double Threshold,
    string Unit,
    int Minutes,
    string Metric,
    IReadOnlyList<AlertChannel> Routes)
{
    /// <summary>
    /// Region-down (Route53), CloudFront and the account's cost notifications (AWS Budgets and Cost Anomaly Detection
    /// are global services, built in the global stack) live in the global stack; the rest in their region's stack.
    /// </summary>
    public bool InGlobalStack => Kind is AlarmKind.RegionDown or AlarmKind.GlobalErrorRate or AlarmKind.Budget or AlarmKind.CostAnomalies;

    /// <summary>
    /// A CloudWatch alarm. The others publish to the severity topic themselves: GuardDuty findings through an
    /// EventBridge rule, AWS Budgets and Cost Anomaly Detection as SNS subscribers, failover approvals from the
    /// runbooks' <c>aws:approve</c> step (through a topic of their own that has the severity's routes).
    /// </summary>
    public bool IsCloudWatchAlarm => Kind is not (AlarmKind.SecurityFindings or AlarmKind.Budget or AlarmKind.CostAnomalies or AlarmKind.FailoverApprovals);

    /// <summary>Stable construct id part (stateless resources, but a rename still churns the alarm).</summary>
    public string Id => $"{Kind}-{Subject}";
}

/// <summary>
/// Which alarms a config gets, one planner for two readers: the alarm constructs and plan.md's Alerts section.
/// Each alarm lives in the region its metric is published in: Route53 health checks and CloudFront in us-east-1
/// (the global stack), load balancers in their region, Aurora and Global Datastore lag in the secondary's region,
/// S3 replication metrics in the source bucket's region.
/// </summary>
public static class AlertPlanner
{
    /// <summary>What the seeds ask to alert on that no AWS metric of this platform measures (said plainly in plan.md).</summary>
    public static readonly IReadOnlyList<string> NotAlertable =
    [
        "revenue, user activity and cost per user (business metrics: no AWS infrastructure metric carries them)",
        "performance degradation > 50% and p95 latency (needs application metrics through a metrics pipeline: not built, see README)",
        "single AZ failure (no AWS metric says an AZ is impaired; the load balancer's per-AZ healthy hosts come closest)",
        "node and pod utilisation > 80% without the metrics pipeline (with it: observability.alerts.nodeUtilization per node, podUtilization per pod)",
    ];

    /// <summary>CloudWatch metric-math alarms take at most 10 metrics (docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Create-alarm-on-metric-math-expression.html).</summary>
    public const int MaxAlarmMetrics = 10;

    /// <summary>
    /// Node ids (CacheClusterId) of a replication group: <c>id-001</c>.. with cluster mode off, <c>id-0001-001</c>..
    /// per shard with it on. GlobalDatastoreReplicationLag is published by the secondary's primary node(s), which can
    /// be any of them after a failover, so the lag alarm takes the maximum over all.
    /// </summary>
    public static IReadOnlyList<string> CacheNodeIds(string replicationGroupId, int shards, int replicasPerShard) =>
        shards <= 1
            ? Enumerable.Range(1, replicasPerShard + 1).Select(n => $"{replicationGroupId}-{n:000}").ToList()
            : Enumerable.Range(1, shards).SelectMany(s => Enumerable.Range(1, replicasPerShard + 1).Select(n => $"{replicationGroupId}-{s:0000}-{n:000}")).ToList();

    public static IReadOnlyList<PlannedAlarm> Plan(StackConfig c)
    {
        if (c.Alerting is not { } alerting) return [];
        var alarms = new List<PlannedAlarm>();
        var a = alerting.AlarmSettings;
        var primary = c.PrimaryRegion.Name;
        // Replication lag exists only where a secondary member is (data.regions; the others run compute only).
        var secondaries = (c.Data?.MemberRegions(c.Regions) ?? c.Regions).Where(r => r.Role != RegionRole.Primary).Select(r => r.Name).ToList();

        PlannedAlarm Of(AlarmKind kind, AlarmSetting s, string region, string subject, string unit, string metric) =>
            new(kind, region, subject, s.Severity, s.Threshold ?? 0, unit, s.Minutes, metric,
                alerting.Severities.TryGetValue(s.Severity, out var sev) ? sev.Routes : []);

        if (a.RegionDown is { } down && c.Edge is not null)
            foreach (var r in c.Regions)
                alarms.Add(Of(AlarmKind.RegionDown, down, AwsRegions.CloudFrontHome, r.Name, "healthy (0/1)",
                    "AWS/Route53 HealthCheckStatus (minimum) < 1"));
        if (a.GlobalErrorRate is { } global && c.Edge?.Cdn is not null)
            alarms.Add(Of(AlarmKind.GlobalErrorRate, global, AwsRegions.CloudFrontHome, "cloudfront", "%",
                "AWS/CloudFront 5xxErrorRate (average)"));
        if (a.RegionErrorRate is { } regional)
            foreach (var r in c.Regions)
                alarms.Add(Of(AlarmKind.RegionErrorRate, regional, r.Name, r.Name, "%",
                    "AWS/ApplicationELB (HTTPCode_ELB_5XX_Count + HTTPCode_Target_5XX_Count) / RequestCount x 100"));
        if (a.DatabaseReplicationLag is { } db && c.Data?.Database is not null)
            foreach (var r in secondaries)
                alarms.Add(Of(AlarmKind.DatabaseReplicationLag, db, r, r, "s",
                    "AWS/RDS AuroraGlobalDBReplicationLag (maximum, ms / 1000)"));
        if (a.CacheReplicationLag is { } cache && c.Data?.Caches is { Count: > 0 } caches)
            foreach (var r in secondaries)
                foreach (var name in caches.Keys)
                    alarms.Add(Of(AlarmKind.CacheReplicationLag, cache, r, $"{name}-{r}", "s",
                        "AWS/ElastiCache GlobalDatastoreReplicationLag (maximum over the member's nodes)"));
        if (a.SecurityFindings is { } findings && c.SecuritySettings.GuardDuty)
            foreach (var r in c.Regions)
                alarms.Add(Of(AlarmKind.SecurityFindings, findings, r.Name, r.Name, "severity",
                    "GuardDuty findings of severity >= 7 (EventBridge rule, not a CloudWatch alarm)"));
        // The global stack builds the budgets and the anomaly monitor (Global/Cost); each notifies the severity's
        // global topic (us-east-1, like the other global alarms).
        if (a.Budget is { } budget && c.Objectives is { } o)
        {
            if (o.MonthlyBudgetUsd is not null)
                alarms.Add(Of(AlarmKind.Budget, budget, AwsRegions.CloudFrontHome, "account", "% of budget",
                    "AWS Budgets: actual cost > threshold, forecast > 100% (SNS subscriber)") with { Minutes = 0 });
            foreach (var region in (o.RegionMonthlyBudgetUsd ?? new Dictionary<string, decimal>()).Keys)
                alarms.Add(Of(AlarmKind.Budget, budget, AwsRegions.CloudFrontHome, region, "% of budget",
                    "AWS Budgets: actual cost > threshold, forecast > 100% (SNS subscriber)") with { Minutes = 0 });
        }
        if (a.CostAnomalies is { } anomalies)
            alarms.Add(Of(AlarmKind.CostAnomalies, anomalies, AwsRegions.CloudFrontHome, "services", "USD impact",
                "AWS Cost Anomaly Detection, per service (SNS subscriber, sent as found)") with
            {
                Threshold = (double)(c.Cost?.AnomalyThresholdUsd ?? new CostConfig().AnomalyThresholdUsd),
                Minutes = 0,
            });
        if (a.FailoverApprovals is { } approvals && c.Recovery is { Trigger: RecoveryTrigger.Approval })
            foreach (var region in Recovery.RunbookPlanner.Plan(c).SelectMany(r => r.HostRegions).Distinct().Order(StringComparer.Ordinal))
                alarms.Add(Of(AlarmKind.FailoverApprovals, approvals, region, "failover runbooks", "request",
                    "SSM Automation aws:approve (its own Automation* topic, subscribed like the severity)") with { Minutes = 0 });
        // S3 publishes replication metrics only for rules with metrics on, which this platform turns on with RTC
        // (a bucket with rpoMinutes): docs.aws.amazon.com/AmazonS3/latest/userguide/repl-metrics.html
        if (c.Data is { } data)
            foreach (var (bucket, settings) in data.EffectiveBuckets.Where(b => b.Value.ReplicationTimeControl))
                foreach (var replica in settings.EffectiveReplicas)
                {
                    var subject = $"{bucket}-to-{replica.Region}";
                    if (a.StorageReplicationLatency is { } latency)
                        alarms.Add(Of(AlarmKind.StorageReplicationLatency, latency, primary, subject, "s",
                            "AWS/S3 ReplicationLatency (maximum)"));
                    if (a.StorageReplicationFailures is { } failures)
                        alarms.Add(Of(AlarmKind.StorageReplicationFailures, failures, primary, subject, "objects/min",
                            "AWS/S3 OperationsFailedReplication (sum)"));
                }
        return alarms;
    }
}
