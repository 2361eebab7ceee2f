using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning;

/// <summary>
/// One state of the platform's regions and the traffic split the weighted name must give in it.
/// <see cref="Failed"/> is empty for normal operation.
/// </summary>
/// <param name="Failed">Regions that are down, in config order.</param>
/// <param name="Split">Percent per serving region, in config order; regions with 0 are left out. Sums to 100.</param>
public sealed record FailoverScenario(IReadOnlyList<string> Failed, IReadOnlyDictionary<string, int> Split)
{
    public bool IsNormal => Failed.Count == 0;

    /// <summary>Stable, DNS-safe id: <c>normal</c> or <c>down-us-west-2</c>, <c>down-us-west-2-eu-west-1</c>.</summary>
    public string Id => IsNormal ? "normal" : "down-" + string.Join("-", Failed);

    /// <summary>The regions that are up in this scenario (config order), whether or not they get traffic.</summary>
    public IReadOnlyList<string> Surviving { get; init; } = [];

    /// <summary>
    /// True when the config's failover table has a row for this scenario: only these get their own weighted set in
    /// the record tree. Every other scenario is served by Route53's weighted routing over the healthy regions.
    /// </summary>
    public bool Configured { get; init; }

    /// <summary>
    /// The fraction of traffic each serving region gets from the records: a configured row's percentages exactly;
    /// otherwise Route53's weighted formula, weight / sum of the healthy records' weights, which is not rounded
    /// (<see cref="Split"/> shows it rounded to whole percents).
    /// https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-weighted.html
    /// </summary>
    public IReadOnlyDictionary<string, double> Shares { get; init; } = new Dictionary<string, double>();
}

/// <summary>
/// Every scenario the weighted name's record tree handles, in the order the tree tests them: normal operation,
/// each single-region failure, each pair of failures that leaves a region up.
/// </summary>
public sealed record FailoverPlan(IReadOnlyList<FailoverScenario> Scenarios)
{
    public FailoverScenario Normal => Scenarios[0];

    /// <summary>The failure scenarios (everything but normal operation): the rows of plan.json's <c>failover</c>.</summary>
    public IReadOnlyList<FailoverScenario> Failures => Scenarios.Skip(1).ToList();

    /// <summary>The failures with a row in the config, in plan order: the only ones the record tree builds a branch for.</summary>
    public IReadOnlyList<FailoverScenario> Configured => Scenarios.Where(s => s.Configured).ToList();
}
