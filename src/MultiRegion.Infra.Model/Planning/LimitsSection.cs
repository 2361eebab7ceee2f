using System.Globalization;
using System.Text;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning;

/// <summary>plan.md's "AWS limits": each quota the layout can reach, counted before synthesis (<see cref="LimitsPlanner"/>).</summary>
public static class LimitsSection
{
    public static void Render(StackConfig c, StringBuilder md)
    {
        var uses = LimitsPlanner.Of(c);
        if (uses.Count == 0)
            return;
        md.AppendLine("## AWS limits");
        md.AppendLine();
        md.AppendLine("| Limit | Where | Used | Of | How counted |");
        md.AppendLine("|---|---|---:|---:|---|");
        foreach (var u in uses)
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| [{u.Quota.Name}]({u.Quota.Source}) ({(u.Quota.Adjustable ? "default, adjustable" : "hard")}) | {u.Scope} | {u.Used} | {u.Quota.Value} | {u.Arithmetic} |");
        md.AppendLine();
    }
}
