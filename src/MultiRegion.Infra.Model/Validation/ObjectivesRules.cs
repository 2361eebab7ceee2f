using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Loading;
using MultiRegion.Infra.Model.Planning.Objectives;

namespace MultiRegion.Infra.Model.Validation;

/// <summary>Shape rules of the <c>objectives</c> section. Whether the promises hold is checked after, by <see cref="ObjectivePlanner"/>.</summary>
internal static class ObjectivesRules
{
    public static void Validate(StackConfig c, ProblemSink sink)
    {
        if (c.Objectives is not { } o) return;
        const string at = "objectives";
        sink.Require(c.Edge is not null, $"{at}.regionFailover",
            "a region-failover objective needs the edge section: without Route53 health checks and failover records nothing moves traffic");
        sink.Require(o.AvailabilityPercent is > 0 and < 100, $"{at}.availabilityPercent", $"{o.AvailabilityPercent} must be a percentage below 100");
        sink.Require(o.RegionFailover.RtoSeconds > 0, $"{at}.regionFailover.rtoSeconds", $"{o.RegionFailover.RtoSeconds} must be positive");
        sink.Require(o.RegionFailover.RpoSeconds >= 0, $"{at}.regionFailover.rpoSeconds", $"{o.RegionFailover.RpoSeconds} must not be negative");
        sink.Require(o.RegionOutagesPerYear >= 0, $"{at}.regionOutagesPerYear", $"{o.RegionOutagesPerYear} must not be negative");

        var regions = c.Regions.Select(r => r.Name).ToList();
        foreach (var (region, percent) in o.RegionAvailabilityPercent)
        {
            if (!regions.Contains(region))
                sink.Add($"{at}.regionAvailabilityPercent.{region}", $"'{region}' is not a region of this config{DidYouMean.Hint(region, regions)}");
            sink.Require(percent is > 0 and < 100, $"{at}.regionAvailabilityPercent.{region}", $"{percent} must be a percentage below 100");
        }
        foreach (var missing in regions.Where(r => !o.RegionAvailabilityPercent.ContainsKey(r)))
            sink.Add($"{at}.regionAvailabilityPercent", $"no availability for region '{missing}': the estimate needs every region's serving path");

        var known = ObjectiveInputsBuilder.Stores(c).Keys.ToList();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (o.Stores?.Count ?? 0); i++)
        {
            var s = o.Stores![i];
            sink.Require(names.Add(s.Name), $"{at}.stores[{i}].name", $"duplicate store objective '{s.Name}'");
            sink.Require(s.RpoSeconds >= 0, $"{at}.stores[{i}].rpoSeconds", $"{s.RpoSeconds} must not be negative");
            if (!known.Contains(s.Store))
                sink.Add($"{at}.stores[{i}].store",
                    $"'{s.Store}' is not a store of this config (known: {(known.Count == 0 ? "none" : string.Join(", ", known))}){DidYouMean.Hint(s.Store, known)}");
        }
    }
}
