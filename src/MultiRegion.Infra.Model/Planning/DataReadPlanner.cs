using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning;

/// <summary>Where a compute-only region reads its data, and whether that crosses a continent.</summary>
/// <param name="Region">A region without data members (not in <c>data.regions</c>).</param>
/// <param name="DataRegion">The member region it reads from (and whose RPO it has).</param>
/// <param name="SameContinent">True when both are on the same continent: a few ms more per read; false: tens to
/// hundreds of ms per round trip.</param>
public sealed record DataRead(string Region, string DataRegion, bool SameContinent)
{
    public string LatencyClass => SameContinent ? "same continent" : "cross-continent";
}

/// <summary>
/// Which data region each compute-only region reads from: a member region on the same continent (the primary first,
/// then config order), else the primary region. Continents come from the region code's prefix (synthesis is offline,
/// so no latency measurements). Pure; the regional stacks and plan.md both read it.
/// </summary>
public static class DataReadPlanner
{
    /// <summary>The continent of a region code, from its prefix (us/ca/mx: North America, eu: Europe, ...).</summary>
    public static string Continent(string region) => region.Split('-')[0] switch
    {
        "us" or "ca" or "mx" => "North America",
        "sa" => "South America",
        "eu" => "Europe",
        "ap" => "Asia Pacific",
        "me" or "il" => "Middle East",
        "af" => "Africa",
        var other => other,
    };

    /// <summary>Every compute-only region of the config with its data region; empty without data.regions.</summary>
    public static IReadOnlyList<DataRead> Of(StackConfig c)
    {
        if (c.Data is not { Regions: not null } data)
            return [];
        var members = data.MemberRegions(c.Regions).OrderBy(r => r.Role == RegionRole.Primary ? 0 : 1).ToList();
        var primary = members.FirstOrDefault(r => r.Role == RegionRole.Primary) ?? members.FirstOrDefault();
        if (primary is null)
            return [];
        return c.Regions.Where(r => !members.Contains(r)).Select(r =>
        {
            var near = members.FirstOrDefault(m => Continent(m.Name) == Continent(r.Name)) ?? primary;
            return new DataRead(r.Name, near.Name, Continent(near.Name) == Continent(r.Name));
        }).ToList();
    }

    /// <summary>The region whose data <paramref name="region"/> uses: itself when it holds members.</summary>
    public static string DataRegionOf(StackConfig c, string region) =>
        Of(c).FirstOrDefault(r => r.Region == region)?.DataRegion ?? region;
}
