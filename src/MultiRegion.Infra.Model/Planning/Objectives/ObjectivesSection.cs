using System.Globalization;
using System.Text;
using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning.Objectives;

/// <summary>plan.json's <c>objectives</c>: every promise with its budget, and the settings the program chose.</summary>
public sealed record PlanObjectives(IReadOnlyList<ObjectiveResult> Objectives, IReadOnlyList<ObjectiveChoice> Choices);

/// <summary>The objectives section of plan.json and plan.md.</summary>
public static class ObjectivesSection
{
    public static PlanObjectives? Of(StackConfig c) =>
        c.ObjectiveResults.Count == 0 && c.Choices.Count == 0 ? null : new PlanObjectives(c.ObjectiveResults, c.Choices);

    public static void Render(StackConfig c, StringBuilder md)
    {
        if (Of(c) is not { } plan) return;
        md.AppendLine("## Objectives");
        md.AppendLine();
        if (plan.Objectives.Count > 0)
        {
            md.AppendLine("Each promise checked against the settings this plan deploys and AWS's limits (`shared/aws-facts.md`). "
                          + "*Estimate* marks a budget that uses a number AWS does not bound (a typical value or a secondary source).");
            md.AppendLine();
            MarkdownTable.Write(md, ["Objective", "Promised", "Achievable", "OK", "Budget"], plan.Objectives.Select(o => new[]
            {
                o.Subject is { } subject ? $"{subject} (`{o.Name}`)" : $"`{o.Name}`", o.Promised,
                $"{o.Achievable}{(o.Estimate ? " (estimate)" : "")}", o.Ok ? "yes" : "**no**", o.Arithmetic,
            }));
        }
        if (plan.Choices.Count > 0)
        {
            md.AppendLine("Settings the config leaves to the program:");
            md.AppendLine();
            foreach (var choice in plan.Choices)
                md.AppendLine(CultureInfo.InvariantCulture, $"- `{choice.Setting}` = {choice.Value}: {choice.Reason}");
            md.AppendLine();
        }
    }
}
