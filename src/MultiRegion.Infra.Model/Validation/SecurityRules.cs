using System.Text.RegularExpressions;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Validation;

/// <summary>
/// Rules of <c>security:</c> and the placeholder check. The shipped configs carry documentation values marked
/// <c>REPLACE</c> (account 111111111111, zone example.com, zone id Z000..., RFC 5737 ranges) so they synthesize
/// offline; each one left in is a warning, and an error when loading for a deploy (<c>--for-deploy</c> or
/// <c>MULTIREGION_DEPLOY=1</c>, see <see cref="Loading.ConfigLoader"/>): a deploy with them fails late or, worse,
/// succeeds and locks people out.
/// </summary>
public static partial class SecurityRules
{
    // RFC 5737: TEST-NET-1/2/3 are for documentation and are never routed on the internet.
    // https://www.rfc-editor.org/rfc/rfc5737
    private static readonly IReadOnlyList<(string Text, Cidr Block)> DocumentationRanges =
        new[] { "192.0.2.0/24", "198.51.100.0/24", "203.0.113.0/24" }
            .Select(t => { Cidr.TryParse(t, out var c); return (t, c); })
            .ToList();

    // RFC 2606 reserves example.com/.net/.org and the .example, .test and .invalid top-level names.
    // https://www.rfc-editor.org/rfc/rfc2606
    private static readonly string[] DocumentationDomains = ["example.com", "example.net", "example.org", "example", "test", "invalid"];

    [GeneratedRegex(@"^(\d)\1{11}$|^123456789012$")]
    private static partial Regex PlaceholderAccount();

    [GeneratedRegex("^Z0+[0-9]?$")]
    private static partial Regex PlaceholderZoneId();

    public static void Validate(StackConfig c, ProblemSink sink)
    {
        var s = c.SecuritySettings;
        sink.Require(s.AuditLogRetentionDays is >= 1 and <= 3650, "security.auditLogRetentionDays",
            $"{s.AuditLogRetentionDays} is outside 1..3650 days");
        sink.Require(s.AccessLogRetentionDays is >= 1 and <= 3650, "security.accessLogRetentionDays",
            $"{s.AccessLogRetentionDays} is outside 1..3650 days");
        if (s.GuardDuty && c.Alerting?.AlarmSettings.SecurityFindings is null)
            sink.Warn("security.guardDuty",
                "GuardDuty findings reach nobody: set alerting.alarms.securityFindings to the severity that hears security incidents (the seed's P0)");
        if (c.ProtectData && !s.CloudTrail)
            sink.Warn("security.cloudTrail",
                "no trail with protected data: make sure an organization trail records this account, or audits have no source");

        foreach (var (path, message) in Placeholders(c))
            sink.Warn(path, message);
    }

    /// <summary>Every documentation value still in the config, by path: warnings at synthesis, errors for a deploy.</summary>
    public static IReadOnlyList<(string Path, string Message)> Placeholders(StackConfig c)
    {
        var found = new List<(string, string)>();
        const string Replace = "a placeholder (marked REPLACE in the shipped configs); fine for offline synthesis, refused for a deploy";

        if (PlaceholderAccount().IsMatch(c.Account))
            found.Add(("account", $"'{c.Account}' is {Replace}: set the AWS account this environment deploys to"));
        if (IsDocumentationDomain(c.Dns.ZoneName))
            found.Add(("dns.zoneName", $"'{c.Dns.ZoneName}' is {Replace}: certificates are validated through this public zone, so it must be one you own"));
        if (PlaceholderZoneId().IsMatch(c.Dns.HostedZoneId))
            found.Add(("dns.hostedZoneId", $"'{c.Dns.HostedZoneId}' is {Replace}: set the id of the hosted zone of dns.zoneName"));

        var cidrs = c.Compute?.EndpointSettings.PublicAccessCidrs ?? [];
        for (var i = 0; i < cidrs.Count; i++)
            if (Cidr.TryParse(cidrs[i], out var block) && DocumentationRanges.FirstOrDefault(d => d.Block.Overlaps(block)) is { Text: not null } doc)
                found.Add(($"compute.endpoint.publicAccessCidrs[{i}]",
                    $"'{cidrs[i]}' is in the documentation range {doc.Text} (RFC 5737), {Replace}: no operator or CI runner has such an " +
                    "address, so everyone outside the VPC is locked out of the Kubernetes API; list your office, VPN and CI egress ranges"));

        foreach (var (region, arn) in c.Compute?.KubectlLayerArns ?? new Dictionary<string, string>())
            if (arn.Split(':') is { Length: > 4 } parts && PlaceholderAccount().IsMatch(parts[4]))
                found.Add(($"compute.kubectlLayerArns.{region}", $"'{arn}' names the account '{parts[4]}', {Replace}"));

        if (c.Alerting is { } alerting)
        {
            var emails = alerting.Email ?? [];
            for (var i = 0; i < emails.Count; i++)
                if (IsDocumentationDomain(emails[i][(emails[i].LastIndexOf('@') + 1)..]))
                    found.Add(($"alerting.email[{i}]", $"'{emails[i]}' is {Replace}: email alerts would go nowhere"));
            foreach (var (name, severity) in alerting.Severities)
            {
                var own = severity.Email ?? [];
                for (var i = 0; i < own.Count; i++)
                    if (IsDocumentationDomain(own[i][(own[i].LastIndexOf('@') + 1)..]))
                        found.Add(($"alerting.severities.{name}.email[{i}]", $"'{own[i]}' is {Replace}: {name} alerts would not reach this mailbox"));
            }
            if (alerting.Slack is { } slack && slack.WorkspaceId.Trim('T', '0').Length == 0)
                found.Add(("alerting.slack.workspaceId", $"'{slack.WorkspaceId}' is {Replace}: authorize your Slack workspace in AWS Chatbot and use its id"));
        }

        return found;
    }

    private static bool IsDocumentationDomain(string name)
    {
        var lower = name.ToLowerInvariant().TrimEnd('.');
        return DocumentationDomains.Any(d => lower == d || lower.EndsWith("." + d, StringComparison.Ordinal));
    }
}
