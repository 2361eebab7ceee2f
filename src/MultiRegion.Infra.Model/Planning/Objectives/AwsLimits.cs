namespace MultiRegion.Infra.Model.Planning.Objectives;

/// <summary>A number from AWS that a budget relies on, with where it comes from.</summary>
/// <param name="Estimate">True where AWS gives no bound (a "typical" value or a secondary source): outputs say so.</param>
public sealed record AwsFact(double Seconds, string Source, bool Estimate);

/// <summary>
/// The AWS numbers objectives are checked against (shared/aws-facts.md). Estimates are marked: any
/// budget that uses one says so.
/// </summary>
public static class AwsLimits
{
    /// <summary>Clients may keep an alias answer to a load balancer for its 60 s TTL (secondary source).</summary>
    public static readonly AwsFact AliasToLoadBalancerTtl = new(Config.RoutingConfig.AliasRecordTtlSeconds, "alias records to an ELB answer with a 60 s TTL (secondary source)", true);

    /// <summary>Aurora Global unplanned failover: "in the order of minutes"; AWS gives no bound. Two minutes assumed.</summary>
    public static readonly AwsFact AuroraUnplannedFailover = new(120, "Aurora Global unplanned failover: RTO 'in the order of minutes' (no bound given; 2 min assumed)", true);

    /// <summary>Aurora Global storage replication lag: typically under 1 s, unbounded unless rds.global_db_rpo caps it.</summary>
    public static readonly AwsFact AuroraReplicationLag = new(1, "Aurora Global storage replication lag: typically under 1 s (no bound without rds.global_db_rpo)", true);

    /// <summary>Global Datastore: no automatic failover; promotion is an operator or automation call (about a minute assumed).</summary>
    public static readonly AwsFact GlobalDatastorePromotion = new(60, "ElastiCache Global Datastore: secondary promoted by an operator/automation call (no bound given; 1 min assumed)", true);

    /// <summary>Global Datastore replication lag: usually under 1 s (AWS DR workshop, not the service docs).</summary>
    public static readonly AwsFact GlobalDatastoreReplicationLag = new(1, "Global Datastore replication lag: usually under 1 s (AWS DR workshop; asynchronous, no bound)", true);

    /// <summary>
    /// Global Accelerator's own reaction once a load balancer endpoint reports unhealthy: new connections move within
    /// its 30 s health-check interval (AWS workshop, https://intro-to-global-accelerator.workshop.aws/en/failover.html,
    /// secondary, read 2026-11-22). Detection by the load balancer comes before it (<see cref="AcceleratorFailover"/>).
    /// </summary>
    public static readonly AwsFact GlobalAcceleratorReaction = new(30, "Global Accelerator moves new connections up to 30 s after the load balancer reports unhealthy (AWS GA workshop, secondary, read 2026-11-22)", true);

    /// <summary>ALB target groups' defaults when a health check leaves them unset: 30 s interval, 2 failures to unhealthy.</summary>
    public const int AlbDefaultHealthCheckIntervalSeconds = 30, AlbDefaultUnhealthyThreshold = 2;

    /// <summary>S3 Replication Time Control: 99.99% of objects within 15 minutes (SLA).</summary>
    public static readonly AwsFact S3ReplicationTimeControl = new(900, "S3 Replication Time Control: 99.99% of objects within 15 min (SLA)", false);

    /// <summary>
    /// AWS Backup schedules run at most hourly: the console's frequencies start at hourly and AWS Config's
    /// backup-plan-min-frequency check counts in hours (https://docs.aws.amazon.com/config/latest/developerguide/backup-plan-min-frequency-and-min-retention-check.html).
    /// </summary>
    public static readonly AwsFact BackupMinimumInterval = new(3600, "AWS Backup schedules run at most hourly (AWS Config backup-plan-min-frequency counts in hours)", false);

    /// <summary>EKS managed node group scale-up: UpdateNodegroupConfig is immediate, new nodes boot and join in minutes (estimate, 2026-11).</summary>
    public static readonly AwsFact NodeGroupScaleUp = new(300, "EKS managed node group: new nodes launch and join in ~3-5 min (estimate, 2026-11; AWS gives no bound)", true);

    /// <summary>Re-pointing the writer parameters: a few PutParameter calls (seconds).</summary>
    public static readonly AwsFact ParameterUpdate = new(5, "SSM PutParameter in each surviving region: seconds (estimate)", true);

    /// <summary>EventBridge delivers the alarm's state change and starts the automation within seconds (estimate).</summary>
    public static readonly AwsFact EventDelivery = new(10, "EventBridge rule to SSM Automation start: seconds (estimate, 2026-11)", true);

    public const double SecondsPerYear = 365.25 * 24 * 3600;
}
