using Constructs;
using MultiRegion.Infra.Model.Planning;

namespace MultiRegion.Infra.Global.Dns;

/// <summary>Inputs of <see cref="FailoverRecordTree"/>.</summary>
/// <param name="Name">The weighted name, fully qualified (e.g. <c>api.example.com</c>).</param>
/// <param name="Plan">The scenarios and their exact splits, from <see cref="FailoverPlanner"/> (the same plan plan.json shows).</param>
/// <param name="RegionChecks">Each region's endpoint health check id.</param>
/// <param name="NormalWeights">Normal weights per region: the weighted set for normal operation and every scenario without a row.</param>
public sealed record FailoverRecordTreeProps(
    DnsNames Names,
    string Name,
    FailoverPlan Plan,
    IReadOnlyDictionary<string, string> RegionChecks,
    ScenarioHealthChecks Scenarios,
    IReadOnlyDictionary<string, int> NormalWeights);

/// <summary>
/// The weighted name as a chain of failover records that gives exactly the configured split in every scenario the
/// failover table has a row for, and Route53's own weighted split everywhere else. Plain weighted records with
/// health checks spread a failed region's share proportionally (weight / sum of the healthy weights); that is the
/// planner's split for every scenario without a row, so only configured rows get their own weighted set:
/// <code>
/// name              PRIMARY  [B and C up]                 -> gate-down-A
///                   SECONDARY                             -> try-down-B ... -> set-any
/// gate-down-A       PRIMARY  [A down: inverted]           -> set-down-A (weighted B 80, C 20)
/// set-any           weighted by the normal weights, every region with its check (normal operation and
///                   every scenario without a row)
/// </code>
/// Failover records are aliases with EvaluateTargetHealth, so a branch is healthy only when its check and its
/// target are: each branch is healthy exactly in its own scenario (survivors up, failed regions down), whatever
/// the order. With no rows at all the name is the weighted set itself. Leaf records carry the region's check and
/// alias the region's origin name. Records grow with the rows, not with the square of the regions.
/// </summary>
public sealed class FailoverRecordTree : Construct
{
    /// <summary>Fully qualified name of the weighted set used in each configured scenario, by scenario id (<c>any</c>: the rest).</summary>
    public IReadOnlyDictionary<string, string> SetNames { get; }

    public FailoverRecordTree(Construct scope, string id, FailoverRecordTreeProps props) : base(scope, id)
    {
        var names = props.Names;
        string Internal(string label) => $"{label}.failover.{props.Name}";
        var scenarios = props.Plan.Configured;
        var lastResort = scenarios.Count == 0 ? props.Name : Internal("set-any");
        var sets = new Dictionary<string, string>(StringComparer.Ordinal) { ["any"] = lastResort };

        for (var k = 0; k < scenarios.Count; k++)
        {
            var s = scenarios[k];
            var sid = DnsNames.Id(s.Id);
            var level = k == 0 ? props.Name : Internal($"try-{s.Id}");
            var next = k + 1 < scenarios.Count ? Internal($"try-{scenarios[k + 1].Id}") : lastResort;
            var set = Internal($"set-{s.Id}");
            var gate = Internal($"gate-{s.Id}");
            sets[s.Id] = set;

            AliasRecord.ToName(this, $"Try{sid}", names, level, gate, evaluateTargetHealth: true,
                new Routing(SetIdentifier: s.Id, Failover: "PRIMARY", HealthCheckId: props.Scenarios.AllUp(s.Surviving)));
            AliasRecord.ToName(this, $"Next{sid}", names, level, next, evaluateTargetHealth: true,
                new Routing(SetIdentifier: $"after-{s.Id}", Failover: "SECONDARY"));
            AliasRecord.ToName(this, $"Gate{sid}", names, gate, set, evaluateTargetHealth: true,
                new Routing(SetIdentifier: s.Id, Failover: "PRIMARY", HealthCheckId: props.Scenarios.AllDown(s.Failed)));
            WeightedSet($"Set{sid}", names, set, s.Split, props.RegionChecks);
        }

        // Normal operation and every scenario without a row: Route53's weighted routing over the healthy regions.
        // Zero weights stay in: Route53 answers them (equally) only when every nonzero record is unhealthy, which is
        // the planner's split for survivors that all weigh 0.
        // https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-how-route-53-chooses-records.html
        WeightedSet("SetAny", names, lastResort, props.NormalWeights, props.RegionChecks);
        SetNames = sets;
    }
    private void WeightedSet(string id, DnsNames names, string name, IReadOnlyDictionary<string, int> split,
        IReadOnlyDictionary<string, string> checks)
    {
        foreach (var (region, weight) in split)
            AliasRecord.ToName(this, $"{id}{DnsNames.Id(region)}", names, name, names.RegionOrigin(region), evaluateTargetHealth: false,
                new Routing(SetIdentifier: region, Weight: weight, HealthCheckId: checks[region]));
    }
}
