
namespace MultiRegion.Infra.Global.Dns;

/// <summary>
/// Creation order for aliases to names in the same zone. The records of the failover tree, the latency and
/// geolocation names alias each other by literal name, which CloudFormation cannot see as a dependency, so it
/// may create an alias before its target, and Route53 refuses an alias whose target does not exist yet
/// (InvalidChangeBatch "Tried to create an alias that targets ..., but that target was not found";
/// https://docs.aws.amazon.com/Route53/latest/APIReference/API_AliasTarget.html: the target must be a record in
/// the same hosted zone). Applied once every record of the scope exists: each such alias depends on every
/// record set of its target name.
/// </summary>
public static class SameZoneAliasOrder
{
    public static void Apply(Amazon.CDK.Stack stack)
    {
        var records = AliasRecord.In(stack);
        var byName = records.ToLookup(r => Normalize(r.Name), r => r.Record, StringComparer.Ordinal);
        foreach (var r in records)
        {
            if (r.SameZoneTarget is not { } target)
                continue;
            var targets = byName[Normalize(target)].ToList();
            if (targets.Count == 0)
                throw new InvalidOperationException($"{r.Record.Node.Path} aliases {target}, which no record of this stack defines");
            foreach (var t in targets)
                r.Record.AddDependency(t);
        }
    }

    private static string Normalize(string name) => name.TrimEnd('.').ToLowerInvariant();
}
