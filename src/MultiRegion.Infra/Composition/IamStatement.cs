using Amazon.CDK.AWS.IAM;

namespace MultiRegion.Infra.Composition;

/// <summary>Who a resource-policy statement applies to, written as IAM's JSON <c>Principal</c> element.</summary>
public sealed record IamPrincipal(IReadOnlyDictionary<string, object> Json)
{
    /// <summary>Everyone (<c>{"AWS": "*"}</c>, what <c>AnyPrincipal</c> renders): for deny statements such as TLS-only.</summary>
    public static IamPrincipal Anyone { get; } = new(new Dictionary<string, object> { ["AWS"] = "*" });

    /// <summary>One or more AWS service principals, e.g. <c>cloudwatch.amazonaws.com</c>.</summary>
    public static IamPrincipal Services(params string[] services) =>
        new(new Dictionary<string, object> { ["Service"] = services.Length == 1 ? services[0] : services });
}

/// <summary>
/// IAM policy statements made on the Node.js side from their JSON form (<c>PolicyStatement.FromJson</c>, which calls
/// the same <c>new PolicyStatement(props)</c> there) instead of <c>new PolicyStatement(props)</c> from .NET.
/// Why: an object created from .NET costs the jsii runtime a reflection pass over every member of its class on top of
/// the call: about 2.4 ms per statement against 0.7 ms through <c>FromJson</c>, and 0.9 ms more for each
/// <c>new ServicePrincipal</c> (<c>bench/micro</c>, 2026-11-22, the figures in the README); prod makes about 200.
/// </summary>
public static class IamStatement
{
    public static PolicyStatement Allow(IEnumerable<string> actions, IEnumerable<string> resources,
        IDictionary<string, object>? conditions = null, string? sid = null, IamPrincipal? principal = null) =>
        Make("Allow", actions, resources, conditions, sid, principal);

    public static PolicyStatement Deny(IEnumerable<string> actions, IEnumerable<string> resources,
        IDictionary<string, object>? conditions = null, string? sid = null, IamPrincipal? principal = null) =>
        Make("Deny", actions, resources, conditions, sid, principal);

    private static PolicyStatement Make(string effect, IEnumerable<string> actions, IEnumerable<string> resources,
        IDictionary<string, object>? conditions, string? sid, IamPrincipal? principal)
    {
        var json = new Dictionary<string, object>
        {
            ["Effect"] = effect,
            ["Action"] = actions.ToArray(),
            ["Resource"] = resources.ToArray(),
        };
        if (sid is not null) json["Sid"] = sid;
        if (conditions is { Count: > 0 }) json["Condition"] = conditions;
        if (principal is not null) json["Principal"] = principal.Json;
        return PolicyStatement.FromJson(json);
    }
}
