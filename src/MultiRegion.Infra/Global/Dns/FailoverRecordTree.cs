using Constructs;
using MultiRegion.Infra.Model.Planning;

namespace MultiRegion.Infra.Global.Dns;

/// <summary>Inputs of <see cref="FailoverRecordTree"/>.</summary>
/// <param name="Name">The weighted name, fully qualified (e.g. <c>api.example.com</c>).</param>
/// <param name="Plan">The scenarios and their exact splits, from <see cref="FailoverPlanner"/> (the same plan plan.json shows).</param>
/// <param name="RegionChecks">Each region's endpoint health check id.</param>
/// <param name="NormalWeights">Normal weights per region: the last-resort set for failures the plan does not cover.</param>
public sealed record FailoverRecordTreeProps(
    DnsNames Names,
    string Name,
    FailoverPlan Plan,
    IReadOnlyDictionary<string, string> RegionChecks,
    ScenarioHealthChecks Scenarios,
    IReadOnlyDictionary<string, int> NormalWeights);

/// <summary>
/// The weighted name as a chain of failover records that gives exactly the configured split in every scenario.
/// Plain weighted records with health checks would spread a failed region's share proportionally; instead,
/// each scenario has its own weighted set, and the chain picks the set whose scenario holds:
/// <code>
/// name              PRIMARY  [all up]                     -> set-normal (weighted)
///                   SECONDARY                             -> try-down-A
/// try-down-A        PRIMARY  [B and C up]                 -> gate-down-A
///                   SECONDARY                             -> try-down-B ... -> set-any (last resort)
/// gate-down-A       PRIMARY  [A down: inverted]           -> set-down-A (weighted B 80, C 20)
/// </code>
/// Failover records are aliases with EvaluateTargetHealth, so a branch is healthy only when its check and its
/// target are: each branch is healthy exactly in its own scenario (survivors up, failed regions down), whatever
/// the order. Leaf records carry the region's check and alias the region's origin name.
/// </summary>
public sealed class FailoverRecordTree : Construct
{
    /// <summary>Fully qualified name of the weighted set used in each scenario, by scenario id.</summary>
    public IReadOnlyDictionary<string, string> SetNames { get; }

    public FailoverRecordTree(Construct scope, string id, FailoverRecordTreeProps props) : base(scope, id)
    {
        var names = props.Names;
        string Internal(string label) => $"{label}.failover.{props.Name}";
        var scenarios = props.Plan.Scenarios;
        var lastResort = Internal("set-any");
        var sets = new Dictionary<string, string>(StringComparer.Ordinal);

        for (var k = 0; k < scenarios.Count; k++)
        {
            var s = scenarios[k];
            var sid = DnsNames.Id(s.Id);
            var level = k == 0 ? props.Name : Internal($"try-{s.Id}");
            var next = k + 1 < scenarios.Count ? Internal($"try-{scenarios[k + 1].Id}") : lastResort;
            var set = Internal($"set-{s.Id}");
            var gate = Internal($"gate-{s.Id}");
            sets[s.Id] = set;

            AliasRecord.ToName(this, $"Try{sid}", names, level, s.IsNormal ? set : gate, evaluateTargetHealth: true,
                new Routing(SetIdentifier: s.Id, Failover: "PRIMARY", HealthCheckId: props.Scenarios.AllUp(s.Surviving)));
            AliasRecord.ToName(this, $"Next{sid}", names, level, next, evaluateTargetHealth: true,
                new Routing(SetIdentifier: $"after-{s.Id}", Failover: "SECONDARY"));
            if (!s.IsNormal)
                AliasRecord.ToName(this, $"Gate{sid}", names, gate, set, evaluateTargetHealth: true,
                    new Routing(SetIdentifier: s.Id, Failover: "PRIMARY", HealthCheckId: props.Scenarios.AllDown(s.Failed)));
            WeightedSet($"Set{sid}", names, set, s.Split, props.RegionChecks);
        }

        // Failures the plan does not cover (three or more regions down): whatever is healthy, by normal weight.
        WeightedSet("SetAny", names, lastResort,
            props.NormalWeights.Where(w => w.Value > 0).ToDictionary(w => w.Key, w => w.Value), props.RegionChecks);
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
