using System.Runtime.CompilerServices;
using Amazon.CDK.AWS.Route53;
using Constructs;

namespace MultiRegion.Infra.Global.Dns;

/// <summary>How an alias record is routed: the routing policy fields of a Route53 record set.</summary>
public sealed record Routing(
    string? SetIdentifier = null,
    double? Weight = null,
    string? Failover = null,
    string? LatencyRegion = null,
    CfnRecordSet.GeoLocationProperty? GeoLocation = null,
    string? HealthCheckId = null);

/// <summary>
/// Route53 alias A records as plain L1 record sets: every routing field is explicit in the template
/// (the failover tree test reads them back), and no custom resource is involved.
/// </summary>
public static class AliasRecord
{
    /// <summary>Hosted zone ids of alias targets that are AWS services (fixed by AWS).</summary>
    public const string CloudFrontZoneId = "Z2FDTNDATAQYW2", GlobalAcceleratorZoneId = "Z2BJ6XQ5FK7U4H";

    public static CfnRecordSet Create(Construct scope, string id, DnsNames names, string name, string targetDnsName,
        string targetZoneId, bool evaluateTargetHealth, Routing? routing = null, string type = "A")
    {
        routing ??= new Routing();
        var record = new CfnRecordSet(scope, id, new CfnRecordSetProps
        {
            HostedZoneId = names.HostedZoneId,
            Name = name,
            Type = type,
            AliasTarget = new CfnRecordSet.AliasTargetProperty
            {
                DnsName = targetDnsName,
                HostedZoneId = targetZoneId,
                EvaluateTargetHealth = evaluateTargetHealth,
            },
            SetIdentifier = routing.SetIdentifier,
            Weight = routing.Weight,
            Failover = routing.Failover,
            Region = routing.LatencyRegion,
            GeoLocation = routing.GeoLocation,
            HealthCheckId = routing.HealthCheckId,
        });
        MadeIn.GetOrCreateValue(Amazon.CDK.Stack.Of(scope)).Add(new Made(record, name, targetZoneId == names.HostedZoneId ? targetDnsName : null));
        return record;
    }

    /// <summary>A record made here: its name and, when it aliases a name in the same zone, that name.</summary>
    internal sealed record Made(CfnRecordSet Record, string Name, string? SameZoneTarget);

    // Kept per stack because the L1 getters hand back jsii proxies rather than the values set.
    private static readonly ConditionalWeakTable<Amazon.CDK.Stack, List<Made>> MadeIn = new();

    /// <summary>Every record this class made in <paramref name="stack"/>.</summary>
    internal static IReadOnlyList<Made> In(Amazon.CDK.Stack stack) => MadeIn.TryGetValue(stack, out var list) ? list : [];

    /// <summary>An alias to another name in the same zone.</summary>
    public static CfnRecordSet ToName(Construct scope, string id, DnsNames names, string name, string target,
        bool evaluateTargetHealth, Routing? routing = null) =>
        Create(scope, id, names, name, target, names.HostedZoneId, evaluateTargetHealth, routing);
}
