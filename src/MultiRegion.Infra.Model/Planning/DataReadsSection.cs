using System.Globalization;
using System.Text;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning;

/// <summary>plan.md's "Data reads": which region each compute-only region reads from, and the latency it adds.</summary>
public static class DataReadsSection
{
    public static IReadOnlyList<DataRead>? Of(StackConfig c) => DataReadPlanner.Of(c) is { Count: > 0 } reads ? reads : null;

    public static void Render(StackConfig c, StringBuilder md)
    {
        if (Of(c) is not { } reads)
            return;
        md.AppendLine("## Data reads");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture,
            $"Data regions (database and cache members): {string.Join(", ", c.Data!.MemberRegions(c.Regions).Select(r => r.Name))}. The other regions run compute only and use the endpoints their data region publishes (stack outputs `DataRegion`, `DatabaseReaderEndpoint`, `<Cache>CacheEndpoint` there); writes go to the primary as everywhere. A compute-only region's RPO is its data region's; when that region fails, it reads from the promoted secondary like every region.");
        md.AppendLine();
        MarkdownTable.Write(md, ["Region", "Reads from", "Latency class"], reads.Select(r => new[]
        {
            r.Region, r.DataRegion, $"{r.LatencyClass} ({DataReadPlanner.Continent(r.Region)} -> {DataReadPlanner.Continent(r.DataRegion)})",
        }));
    }
}
