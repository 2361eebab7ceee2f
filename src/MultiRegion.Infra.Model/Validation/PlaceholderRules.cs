using System.Text.RegularExpressions;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Validation;

/// <summary>
/// Warns about values that are stand-ins, not settings: the shipped configs carry them so they synthesize
/// offline, but a deploy with them fails (an account that is not yours) or serves a name nobody can own.
/// Warnings, not refusals: synthesizing and reviewing a plan with placeholders is what the examples are for.
/// </summary>
public static partial class PlaceholderRules
{
    public static void Validate(StackConfig c, ProblemSink sink)
    {
        // One digit twelve times, or a counting example (AWS's own docs use 012345678901:
        // https://docs.aws.amazon.com/accounts/latest/reference/manage-acct-identifiers.html).
        if (RepeatedDigit().IsMatch(c.Account) || c.Account is "012345678901" or "123456789012")
            sink.Warn("account", $"'{c.Account}' is a placeholder account id: replace it with the account this environment deploys to");
        // example.com/.net/.org and the .example, .test, .invalid TLDs are reserved for documentation (RFC 2606,
        // https://www.rfc-editor.org/rfc/rfc2606): nobody can own them, so no certificate or alias would work.
        if (ReservedDomain().IsMatch(c.Dns.ZoneName))
            sink.Warn("dns.zoneName", $"'{c.Dns.ZoneName}' is a reserved example domain (RFC 2606): replace it with your public hosted zone");
        if (ZeroZoneId().IsMatch(c.Dns.HostedZoneId))
            sink.Warn("dns.hostedZoneId", $"'{c.Dns.HostedZoneId}' is a placeholder hosted zone id: replace it with your zone's id");
    }

    [GeneratedRegex(@"^(\d)\1{11}$")]
    private static partial Regex RepeatedDigit();

    [GeneratedRegex(@"(^|\.)(example\.(com|net|org)|example|test|invalid)$", RegexOptions.IgnoreCase)]
    private static partial Regex ReservedDomain();

    [GeneratedRegex(@"^Z0+[0-9]?$")]
    private static partial Regex ZeroZoneId();
}
