using System.Globalization;
using System.Text;
using static System.FormattableString;
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
        MarkdownTable.Write(md, ["Limit", "Where", "Used:", "Of:", "How counted"], uses.Select(u => new[]
        {
            $"[{u.Quota.Name}]({u.Quota.Source}) ({(u.Quota.Adjustable ? "default, adjustable" : "hard")})", u.Scope,
            Invariant($"{u.Used}"), Invariant($"{u.Quota.Value}"), u.Arithmetic,
        }));
    }
}
