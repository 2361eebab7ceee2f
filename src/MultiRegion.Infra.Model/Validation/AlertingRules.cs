using System.Text.RegularExpressions;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Loading;

namespace MultiRegion.Infra.Model.Validation;

/// <summary>
/// Rules of the <c>alerting</c> section: every alarm raises a severity that exists, every severity reaches someone
/// through a channel that is configured, and every alarm watches something the config deploys.
/// </summary>
internal static partial class AlertingRules
{
    [GeneratedRegex("^[a-z][a-z0-9-]{0,19}$")]
    private static partial Regex SeverityName();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailAddress();

    // Secrets Manager secret names: docs.aws.amazon.com/secretsmanager/latest/apireference/API_CreateSecret.html
    [GeneratedRegex(@"^[A-Za-z0-9/_+=.@-]{1,512}$")]
    private static partial Regex SecretName();

    // AWS::Chatbot::SlackChannelConfiguration SlackWorkspaceId / SlackChannelId patterns (CloudFormation reference).
    [GeneratedRegex("^[0-9A-Z]{1,255}$")]
    private static partial Regex SlackWorkspace();

    [GeneratedRegex("^[A-Za-z0-9]+$")]
    private static partial Regex SlackChannel();

    public static void Validate(StackConfig c, ProblemSink sink)
    {
        if (c.Alerting is not { } a)
        {
            if (c.Edge is not null)
                sink.Add("alerting",
                    "the edge section builds a region-down alarm per region: add an alerting section (severities, routes, alarms.regionDown) so the alarms reach someone");
            return;
        }
        const string at = "alerting";
        if (!sink.Require(a.Severities.Count > 0, $"{at}.severities", "at least one severity is needed (the seed's P0..P3)"))
            return;

        var email = a.Email ?? [];
        for (var i = 0; i < email.Count; i++)
            sink.Require(EmailAddress().IsMatch(email[i]), $"{at}.email[{i}]", $"'{email[i]}' is not an email address");
        if (a.PagerDuty is { } pd)
            sink.Require(SecretName().IsMatch(pd.EndpointSecret), $"{at}.pagerDuty.endpointSecret",
                $"'{pd.EndpointSecret}' is not a Secrets Manager secret name (1-512 of letters, digits and /_+=.@-)");
        if (a.Slack is { } slack)
        {
            sink.Require(SlackWorkspace().IsMatch(slack.WorkspaceId), $"{at}.slack.workspaceId",
                $"'{slack.WorkspaceId}' is not a Slack workspace id (upper-case letters and digits, e.g. T01ABCDEF)");
            sink.Require(SlackChannel().IsMatch(slack.ChannelId), $"{at}.slack.channelId",
                $"'{slack.ChannelId}' is not a Slack channel id (letters and digits, e.g. C01ABCDEF)");
        }

        foreach (var (name, severity) in a.Severities)
        {
            var sp = $"{at}.severities.{name}";
            sink.Require(SeverityName().IsMatch(name), sp, $"'{name}' must be 1-20 lower-case letters, digits or '-' (it is part of the topic name)");
            sink.Require(severity.ResponseMinutes is >= 1 and <= 10080, $"{sp}.responseMinutes", $"{severity.ResponseMinutes} is outside 1..10080 minutes");
            var own = severity.Email ?? [];
            for (var i = 0; i < own.Count; i++)
                sink.Require(EmailAddress().IsMatch(own[i]), $"{sp}.email[{i}]", $"'{own[i]}' is not an email address");
            if (own.Count > 0 && !severity.Routes.Contains(AlertChannel.Email))
                sink.Add($"{sp}.email", "lists addresses, but the routes do not include email: they would never be mailed (add email to routes)");
            if (!sink.Require(severity.Routes.Count > 0, $"{sp}.routes", "a severity with no route reaches nobody: name email, pagerDuty or slack"))
                continue;
            sink.Require(severity.Routes.Distinct().Count() == severity.Routes.Count, $"{sp}.routes", "a route is listed twice");
            foreach (var route in severity.Routes.Distinct())
            {
                var missing = route switch
                {
                    AlertChannel.Email when email.Count == 0 && own.Count == 0 => $"neither alerting.email nor {sp}.email lists an address",
                    AlertChannel.PagerDuty when a.PagerDuty is null => "alerting.pagerDuty is not configured",
                    AlertChannel.Slack when a.Slack is null => "alerting.slack is not configured",
                    _ => null,
                };
                if (missing is not null)
                    sink.Add($"{sp}.routes", $"routes to {Camel(route)}, but {missing}: the alert would reach nobody");
            }
        }

        var alarms = a.AlarmSettings;
        if (c.Edge is not null)
            sink.Require(alarms.RegionDown is not null, $"{at}.alarms.regionDown",
                "the edge section builds a region-down alarm per region (Route53 health checks): give it a severity");
        if (c.Recovery is { Trigger: RecoveryTrigger.Approval })
            sink.Require(alarms.FailoverApprovals is not null, $"{at}.alarms.failoverApprovals",
                "recovery.trigger is approval: name the severity whose routes are asked to approve a failover (e.g. { severity: p0 }), or nobody hears the runbook wait");
        var budgets = c.Objectives?.MonthlyBudgetUsd is not null || c.Objectives?.RegionMonthlyBudgetUsd is { Count: > 0 };
        if (budgets && alarms.Budget is null)
            sink.Warn($"{at}.alarms.budget", "the AWS budgets have nobody to alert: give them a severity and a threshold (the video chat seed: budget alerts at 80%)");
        foreach (var (key, s) in alarms.All())
        {
            var ap = $"{at}.alarms.{key}";
            if (!a.Severities.ContainsKey(s.Severity))
                sink.Add($"{ap}.severity", $"'{s.Severity}' is not a severity of alerting.severities{DidYouMean.Hint(s.Severity, a.Severities.Keys)}");
            sink.Require(s.Minutes is >= 1 and <= 1440, $"{ap}.minutes", $"{s.Minutes} is outside 1..1440 one-minute periods");
            var (needsThreshold, range, watched) = key switch
            {
                "regionDown" => (false, "", c.Edge is not null ? null : "the edge section (health checks)"),
                "securityFindings" => (false, "", c.SecuritySettings.GuardDuty ? null : "security.guardDuty: true (GuardDuty detectors)"),
                "budget" => (true, "percent", budgets ? null : "objectives.monthlyBudgetUsd or regionMonthlyBudgetUsd (an AWS budget)"),
                "costAnomalies" => (false, "", null),
                "failoverApprovals" => (false, "", c.Recovery is { Trigger: RecoveryTrigger.Approval } ? null : "recovery.trigger: approval (runbooks that wait for an approver)"),
                "globalErrorRate" => (true, "percent", c.Edge?.Cdn is not null ? null : "edge.cdn (CloudFront)"),
                "regionErrorRate" => (true, "percent", null),
                "databaseReplicationLag" => (true, "seconds", c.Data?.Database is not null && c.Regions.Count > 1 ? null : "an Aurora global database with a secondary region"),
                "cacheReplicationLag" => (true, "seconds", c.Data?.Caches is { Count: > 0 } && c.Regions.Count > 1 ? null : "a Global Datastore with a secondary region"),
                "storageReplicationLatency" or "storageReplicationFailures" => (true, key.EndsWith("Latency", StringComparison.Ordinal) ? "seconds" : "count",
                    c.Data?.EffectiveBuckets.Values.Any(b => b.ReplicationTimeControl) == true ? null : "a replicated bucket with rpoMinutes (S3 publishes replication metrics only then)"),
                _ => (true, "", null),
            };
            // A budget or approval severity with nothing to notify builds nothing (a recovery or objectives section
            // taken out, a trigger switched to automatic): a warning; an alarm on an undeployed store is an error.
            if (watched is not null && key is ("budget" or "failoverApprovals"))
                sink.Warn(ap, $"nothing to notify: this route needs {watched}; it is ignored until then");
            else if (watched is not null)
                sink.Add(ap, $"nothing to watch: this alarm needs {watched}");
            if (!needsThreshold)
            {
                sink.Require(s.Threshold is null, $"{ap}.threshold", key switch
                {
                    "regionDown" => "region down has no threshold: it fires when the health check fails (detection = interval x failure threshold)",
                    "costAnomalies" => "cost anomalies take their dollar threshold from cost.anomalyThresholdUsd",
                    "failoverApprovals" => "approval requests have no threshold: every request is sent",
                    _ => "security findings have no threshold: GuardDuty findings of severity 7 (high) and up are forwarded",
                });
                continue;
            }
            if (s.Threshold is not { } t)
                sink.Add($"{ap}.threshold", $"a threshold in {range} is needed");
            else if (range == "percent")
                sink.Require(t is > 0 and <= 100 && double.IsFinite(t), $"{ap}.threshold", $"{t} is not a percentage in (0, 100]");
            else
                sink.Require(t >= 0 && double.IsFinite(t), $"{ap}.threshold", $"{t} must be a finite number of {range}, 0 or more");
        }
        if (alarms.CacheReplicationLag is not null && c.Data?.Caches is { Count: > 0 })
            foreach (var r in c.Regions.Where(r => r.Role != RegionRole.Primary))
                if (c.Sizing.ContainsKey(r.SizingTier) && c.Sizing.ContainsKey(c.PrimaryRegion.SizingTier)
                    && Planning.DataCapacity.Cache(c, r) is { } cache
                    && (long)Math.Max(cache.Shards, 1) * (cache.ReplicasPerShard + 1L) > Planning.Alerting.AlertPlanner.MaxAlarmMetrics)
                    sink.Add($"{at}.alarms.cacheReplicationLag",
                        $"{r.Name}'s cache members have {Math.Max(cache.Shards, 1)} x {cache.ReplicasPerShard + 1} nodes; the lag alarm takes the maximum over every node and a CloudWatch alarm takes at most {Planning.Alerting.AlertPlanner.MaxAlarmMetrics} metrics");
        if (a.Severities.Count > 0 && !alarms.All().Any())
            sink.Warn($"{at}.alarms", "no alarm is configured: the severity topics exist but nothing publishes to them");
    }

    private static string Camel(AlertChannel c) => c switch
    {
        AlertChannel.PagerDuty => "pagerDuty",
        _ => c.ToString().ToLowerInvariant(),
    };
}
