namespace MultiRegion.Infra.Model.Loading;

/// <summary>
/// Settings a former version of the program read and this one does not. A config that still has one is refused with
/// where the setting went, instead of the bare "unknown setting": dropping it quietly would leave someone who was told
/// about incidents or spending without a word (each entry says why it moved).
/// </summary>
public static class RetiredSettings
{
    /// <summary>Document path of the retired key (dots between keys) to the message that replaces "unknown setting".</summary>
    public static readonly IReadOnlyDictionary<string, string> ByPath = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["security.p0Email"] =
            "security.p0Email is retired: GuardDuty findings no longer have a topic of their own, they reach the severity topic " +
            "named by alerting.alarms.securityFindings (the seed's P0 'security incidents'). Move the address to the email " +
            "list of that severity (alerting.severities.<severity>.email, with 'email' in its routes) or to alerting.email " +
            "(every email-routed severity), then delete this key",
        ["cost.alertEmails"] =
            "cost.alertEmails is retired: budget and cost-anomaly notifications now go to the severity topics named by " +
            "alerting.alarms.budget and alerting.alarms.costAnomalies (the seed's P3 'cost anomalies', email only). Move the " +
            "addresses to the email list of that severity (alerting.severities.<severity>.email, with 'email' in its routes) " +
            "or to alerting.email, add those two alarms, then delete this key",
    };
}
