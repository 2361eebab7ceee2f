namespace MultiRegion.Infra.Model.Config;

/// <summary>Where an alert can be delivered.</summary>
public enum AlertChannel
{
    /// <summary>SNS email subscriptions to <c>alerting.email</c> (each address confirms once).</summary>
    Email,

    /// <summary>An SNS HTTPS subscription to a PagerDuty Events API integration URL kept in Secrets Manager.</summary>
    PagerDuty,

    /// <summary>AWS Chatbot posting to a Slack channel.</summary>
    Slack,
}

/// <summary>
/// The <c>alerting</c> section: one SNS topic per severity in every stack that raises alarms, each routed to the
/// channels its severity names. The MLOps seed's "Alert Routing": P0/P1 to PagerDuty + Slack + email, P2 to Slack +
/// email, P3 to email only.
/// </summary>
/// <param name="Severities">Severities by name (e.g. <c>p0</c>): response time and routes.</param>
/// <param name="Email">Addresses subscribed to every severity routed to email.</param>
/// <param name="PagerDuty">PagerDuty integration; required when a severity routes to <c>pagerDuty</c>.</param>
/// <param name="Slack">Slack channel for AWS Chatbot; required when a severity routes to <c>slack</c>.</param>
/// <param name="Alarms">Which alarms exist, their thresholds and severities.</param>
public sealed record AlertingConfig(
    IReadOnlyDictionary<string, SeverityConfig> Severities,
    IReadOnlyList<string>? Email = null,
    PagerDutyConfig? PagerDuty = null,
    SlackConfig? Slack = null,
    AlarmsConfig? Alarms = null)
{
    public AlarmsConfig AlarmSettings => Alarms ?? new AlarmsConfig();

    /// <summary>
    /// SNS topic name of a severity in one stack (<paramref name="scope"/>: a region, or <c>global</c>); fixed, so other
    /// stacks (Chatbot, EventBridge rules) can name a topic without a cross-region reference.
    /// </summary>
    public static string TopicName(string prefix, string scope, string severity) => $"{prefix}-{scope}-alerts-{severity}";
}

/// <summary>One severity.</summary>
/// <param name="ResponseMinutes">How fast someone must respond (the seed's P0 5 min ... P3 4 h); shown in plan.md.</param>
/// <param name="Routes">Channels the severity's topic delivers to.</param>
/// <param name="Email">
/// Addresses mailed for this severity only, besides <c>alerting.email</c> (needs <c>email</c> in the routes): the place
/// for a mailbox that used to have a channel of its own (the security on-call of the retired <c>security.p0Email</c>,
/// the cost owners of the retired <c>cost.alertEmails</c>), so one section decides who hears what.
/// </param>
public sealed record SeverityConfig(int ResponseMinutes, IReadOnlyList<AlertChannel> Routes, IReadOnlyList<string>? Email = null)
{
    /// <summary>Every address this severity's topic mails when it routes to email: <c>alerting.email</c>, then its own.</summary>
    public IReadOnlyList<string> EmailAddresses(AlertingConfig alerting) =>
        !Routes.Contains(AlertChannel.Email) ? [] :
        (alerting.Email ?? []).Concat(Email ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}

/// <summary>
/// PagerDuty through its Events API v2 SNS integration. The integration URL embeds the integration key, so it is
/// never in a config or a template: it is read at deploy time from the Secrets Manager secret named here
/// (a plain-text secret holding the URL), through a CloudFormation dynamic reference.
/// </summary>
/// <param name="EndpointSecret">Name of the secret, one per region that raises alarms (secrets are regional).</param>
public sealed record PagerDutyConfig(string EndpointSecret);

/// <summary>A Slack channel AWS Chatbot posts to. The workspace must be authorized once in the Chatbot console.</summary>
/// <param name="WorkspaceId">Slack workspace (team) id, e.g. <c>T01ABCDEF</c>.</param>
/// <param name="ChannelId">Slack channel id, e.g. <c>C01ABCDEF</c>.</param>
public sealed record SlackConfig(string WorkspaceId, string ChannelId);

/// <summary>One alarm: the severity it raises, its threshold (in the alarm's own unit) and how long it must hold.</summary>
/// <param name="Severity">A severity of <c>alerting.severities</c>.</param>
/// <param name="Threshold">Alarm threshold; each alarm documents its unit. Absent for alarms without one (region down).</param>
/// <param name="Minutes">Consecutive one-minute periods above the threshold before the alarm fires (1-1440).</param>
public sealed record AlarmSetting(string Severity, double? Threshold = null, int Minutes = 5);

/// <summary>The alarms built from AWS metrics; an alarm left out is not created.</summary>
/// <param name="RegionDown">A region's Route53 health check failing (seed P0 "complete region failure").</param>
/// <param name="GlobalErrorRate">CloudFront 5xx error rate in percent (seed P0 "global error rate &gt; 5%").</param>
/// <param name="RegionErrorRate">A region's load balancer 5xx responses in percent of requests (seed P1 "&gt; 1% in any region").</param>
/// <param name="DatabaseReplicationLag">Aurora global replication lag of a secondary, in seconds (seed P1 "&gt; 5 minutes").</param>
/// <param name="CacheReplicationLag">Global Datastore replication lag of a secondary, in seconds.</param>
/// <param name="StorageReplicationLatency">S3 replication latency to a replica bucket, in seconds.</param>
/// <param name="StorageReplicationFailures">S3 objects that failed to replicate, count per minute (seed P0 "data loss events").</param>
/// <param name="SecurityFindings">GuardDuty findings of severity 7 (high) and up, by EventBridge (seed P0 "security incidents"); needs <c>security.guardDuty</c>.</param>
/// <param name="Budget">AWS Budgets notifications: actual spend above <c>threshold</c> percent of a monthly budget (the video chat seed's "budget alerts at 80% threshold") and forecast above 100%; needs <c>objectives.monthlyBudgetUsd</c> or <c>regionMonthlyBudgetUsd</c>.</param>
/// <param name="CostAnomalies">AWS Cost Anomaly Detection alerts, sent as found (seed P3 "cost anomalies"); the dollar impact that alerts is <c>cost.anomalyThresholdUsd</c>.</param>
/// <param name="FailoverApprovals">Who is asked to approve a failover runbook (<c>recovery.trigger: approval</c>): its approval topic gets this severity's routes.</param>
public sealed record AlarmsConfig(
    AlarmSetting? RegionDown = null,
    AlarmSetting? GlobalErrorRate = null,
    AlarmSetting? RegionErrorRate = null,
    AlarmSetting? DatabaseReplicationLag = null,
    AlarmSetting? CacheReplicationLag = null,
    AlarmSetting? StorageReplicationLatency = null,
    AlarmSetting? StorageReplicationFailures = null,
    AlarmSetting? SecurityFindings = null,
    AlarmSetting? Budget = null,
    AlarmSetting? CostAnomalies = null,
    AlarmSetting? FailoverApprovals = null)
{
    /// <summary>Every configured alarm with its YAML key.</summary>
    public IEnumerable<(string Key, AlarmSetting Setting)> All()
    {
        if (RegionDown is { } a) yield return ("regionDown", a);
        if (GlobalErrorRate is { } b) yield return ("globalErrorRate", b);
        if (RegionErrorRate is { } c) yield return ("regionErrorRate", c);
        if (DatabaseReplicationLag is { } d) yield return ("databaseReplicationLag", d);
        if (CacheReplicationLag is { } e) yield return ("cacheReplicationLag", e);
        if (StorageReplicationLatency is { } f) yield return ("storageReplicationLatency", f);
        if (StorageReplicationFailures is { } g) yield return ("storageReplicationFailures", g);
        if (SecurityFindings is { } h) yield return ("securityFindings", h);
        if (Budget is { } i) yield return ("budget", i);
        if (CostAnomalies is { } j) yield return ("costAnomalies", j);
        if (FailoverApprovals is { } k) yield return ("failoverApprovals", k);
    }
}
