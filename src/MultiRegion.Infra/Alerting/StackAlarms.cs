using Amazon.CDK;
using Amazon.CDK.AWS.CloudWatch;
using Amazon.CDK.AWS.CloudWatch.Actions;
using Constructs;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning;
using MultiRegion.Infra.Model.Planning.Alerting;
using MultiRegion.Infra.Regional.Compute;

namespace MultiRegion.Infra.Alerting;

/// <summary>Inputs of one stack's alarms: the planned alarms of its region and what their metrics are about.</summary>
/// <param name="LoadBalancerFullName">The region's ALB (<c>app/name/id</c>), the dimension of its metrics.</param>
/// <param name="DistributionId">The CloudFront distribution (global stack only).</param>
public sealed record StackAlarmsProps(
    StackConfig Config,
    IReadOnlyList<PlannedAlarm> Alarms,
    SeverityTopics Topics,
    string? LoadBalancerFullName = null,
    string? DistributionId = null);

/// <summary>
/// The CloudWatch alarms of one stack, built from <see cref="AlertPlanner"/>'s plan (the same rows plan.md lists),
/// each notifying its severity's topic. Region-down alarms belong to the Route53 health checks and are wired by
/// <see cref="AttachRegionDown"/>.
/// </summary>
public sealed class StackAlarms : Construct
{
    public IReadOnlyList<(PlannedAlarm Plan, Alarm Alarm)> Alarms { get; }

    public StackAlarms(Construct scope, string id, StackAlarmsProps props) : base(scope, id)
    {
        var alarms = new List<(PlannedAlarm, Alarm)>();
        // Region down is the health checks' alarm; the rest of the non-alarms publish to the topics themselves
        // (PlannedAlarm.IsCloudWatchAlarm).
        foreach (var planned in props.Alarms.Where(a => a.IsCloudWatchAlarm && a.Kind != AlarmKind.RegionDown))
        {
            var metric = MetricOf(planned, props);
            if (metric is null) continue;
            var alarm = new Alarm(this, ConstructIds.Pascal(planned.Id), new AlarmProps
            {
                AlarmName = $"{props.Config.Prefix}-{planned.Severity}-{planned.Id}",
                AlarmDescription = $"{planned.Severity.ToUpperInvariant()}: {planned.Kind} of {planned.Subject} above {planned.Threshold} {planned.Unit} for {planned.Minutes} min ({planned.Metric})",
                Metric = metric,
                Threshold = planned.Threshold,
                ComparisonOperator = ComparisonOperator.GREATER_THAN_THRESHOLD,
                EvaluationPeriods = planned.Minutes,
                DatapointsToAlarm = planned.Minutes,
                // No traffic or no replication activity publishes no data: that is not an incident. A dead region is
                // the region-down alarm's job.
                TreatMissingData = TreatMissingData.NOT_BREACHING,
            });
            alarm.AddAlarmAction(new SnsAction(props.Topics.Topics[planned.Severity]));
            alarms.Add((planned, alarm));
        }
        Alarms = alarms;
    }

    /// <summary>Routes the Route53 health checks' alarms (already in the global stack) to the region-down severity.</summary>
    public static IReadOnlyList<(PlannedAlarm Plan, Alarm Alarm)> AttachRegionDown(
        IReadOnlyDictionary<string, Alarm> healthCheckAlarms, IReadOnlyList<PlannedAlarm> plan, SeverityTopics topics)
    {
        var attached = new List<(PlannedAlarm, Alarm)>();
        foreach (var planned in plan.Where(a => a.Kind == AlarmKind.RegionDown))
            if (healthCheckAlarms.TryGetValue(planned.Subject, out var alarm))
            {
                alarm.AddAlarmAction(new SnsAction(topics.Topics[planned.Severity]));
                attached.Add((planned, alarm));
            }
        return attached;
    }

    private static IMetric? MetricOf(PlannedAlarm a, StackAlarmsProps p)
    {
        var minute = Duration.Minutes(1);
        var c = p.Config;
        switch (a.Kind)
        {
            case AlarmKind.GlobalErrorRate when p.DistributionId is { } distribution:
                // CloudFront metrics live in us-east-1 with Region=Global (docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/programming-cloudwatch-metrics.html).
                return new Metric(new MetricProps
                {
                    Namespace = "AWS/CloudFront", MetricName = "5xxErrorRate", Statistic = "Average", Period = minute,
                    DimensionsMap = new Dictionary<string, string> { ["DistributionId"] = distribution, ["Region"] = "Global" },
                });
            case AlarmKind.RegionErrorRate when p.LoadBalancerFullName is { } lb:
            {
                Metric Alb(string name) => new(new MetricProps
                {
                    Namespace = "AWS/ApplicationELB", MetricName = name, Statistic = "Sum", Period = minute,
                    DimensionsMap = new Dictionary<string, string> { ["LoadBalancer"] = lb },
                });
                // 5xx from the balancer itself and from targets, in percent of requests (docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html).
                return new MathExpression(new MathExpressionProps
                {
                    Expression = "IF(requests > 0, 100 * (FILL(elb5xx, 0) + FILL(target5xx, 0)) / requests, 0)",
                    UsingMetrics = new Dictionary<string, IMetric>
                    {
                        ["requests"] = Alb("RequestCount"), ["elb5xx"] = Alb("HTTPCode_ELB_5XX_Count"), ["target5xx"] = Alb("HTTPCode_Target_5XX_Count"),
                    },
                    Label = "5xx % of requests",
                    Period = minute,
                });
            }
            case AlarmKind.DatabaseReplicationLag:
                // Published by the secondary cluster in its region, in milliseconds
                // (docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.AuroraMonitoring.Metrics.html).
                return new MathExpression(new MathExpressionProps
                {
                    Expression = "lag / 1000",
                    UsingMetrics = new Dictionary<string, IMetric>
                    {
                        ["lag"] = new Metric(new MetricProps
                        {
                            Namespace = "AWS/RDS", MetricName = "AuroraGlobalDBReplicationLag", Statistic = "Maximum", Period = minute,
                            DimensionsMap = new Dictionary<string, string> { ["DBClusterIdentifier"] = DataNames.DatabaseCluster(c, a.Region) },
                        }),
                    },
                    Label = "replication lag (s)",
                    Period = minute,
                });
            case AlarmKind.CacheReplicationLag:
            {
                var cache = a.Subject[..^(a.Region.Length + 1)];
                var capacity = DataCapacity.Cache(c, c.Region(a.Region))!;
                var nodes = AlertPlanner.CacheNodeIds(DataNames.ReplicationGroup(c, cache), capacity.Shards, capacity.ReplicasPerShard);
                var metrics = nodes.Select((node, i) => (Key: $"n{i}", Metric: (IMetric)new Metric(new MetricProps
                {
                    Namespace = "AWS/ElastiCache", MetricName = "GlobalDatastoreReplicationLag", Statistic = "Maximum", Period = minute,
                    DimensionsMap = new Dictionary<string, string> { ["CacheClusterId"] = node },
                }))).ToDictionary(x => x.Key, x => x.Metric);
                // The secondary's primary node publishes the lag in seconds; which node that is changes with failovers.
                return new MathExpression(new MathExpressionProps
                {
                    Expression = $"MAX([{string.Join(", ", metrics.Keys)}])",
                    UsingMetrics = metrics,
                    Label = "replication lag (s)",
                    Period = minute,
                });
            }
            case AlarmKind.StorageReplicationLatency or AlarmKind.StorageReplicationFailures:
            {
                var cut = a.Subject.IndexOf("-to-", StringComparison.Ordinal);
                var bucket = a.Subject[..cut];
                var destination = a.Subject[(cut + 4)..];
                // Replication metrics are per rule, in the source bucket's region (docs.aws.amazon.com/AmazonS3/latest/userguide/repl-metrics.html).
                return new Metric(new MetricProps
                {
                    Namespace = "AWS/S3",
                    MetricName = a.Kind == AlarmKind.StorageReplicationLatency ? "ReplicationLatency" : "OperationsFailedReplication",
                    Statistic = a.Kind == AlarmKind.StorageReplicationLatency ? "Maximum" : "Sum",
                    Period = minute,
                    DimensionsMap = new Dictionary<string, string>
                    {
                        ["SourceBucket"] = DataNames.Bucket(c, bucket, c.PrimaryRegion.Name),
                        ["DestinationBucket"] = DataNames.Bucket(c, bucket, destination),
                        ["RuleId"] = $"to-{destination}",
                    },
                });
            }
            default:
                return null;
        }
    }
}
