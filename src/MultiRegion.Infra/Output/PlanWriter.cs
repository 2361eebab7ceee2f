using MultiRegion.Infra.Composition;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Planning;

namespace MultiRegion.Infra.Output;

/// <summary>Writes plan.json and plan.md beside the synthesized templates.</summary>
public static class PlanWriter
{
    public static PlanDocument Build(StackConfig config, SynthResult result, string outdir)
    {
        var stacks = result.Platform.Stacks
            .Select(x =>
            {
                var byType = TemplateSummary.ResourcesByType(Path.Combine(outdir, x.Stack.TemplateFile));
                return new PlanStack(x.Spec.Name, x.Spec.Region, byType.Values.Sum(), byType);
            })
            .ToList();
        return new PlanDocument(config.App, config.Environment, config.SourcePath, PlanDocument.RegionsOf(config), stacks, PlanFailoverRow.Of(config))
        {
            Warnings = config.Warnings.Select(w => w.ToString())
                .Concat(result.Annotations.Where(a => !a.IsError).Select(a => a.ToString())).ToList(),
            Compute = ComputeSection.Of(config),
            Data = DataPlan.Of(config),
            Accelerator = AcceleratorSection.Of(config),
            Objectives = Model.Planning.Objectives.ObjectivesSection.Of(config),
            Alerts = Model.Planning.Alerting.AlertsSection.Of(config),
            FirstDeploy = Model.Planning.FirstDeploy.FirstDeployChecklist.For(config).WithTemplates(stacks),
            Cost = Model.Planning.Cost.CostSection.Of(config),
            Recovery = Model.Planning.Recovery.RecoverySection.Of(config),
        };
    }

    public static PlanDocument Write(StackConfig config, SynthResult result, string outdir)
    {
        var plan = Build(config, result, outdir);
        File.WriteAllText(Path.Combine(outdir, "plan.json"), plan.ToJson());
        File.WriteAllText(Path.Combine(outdir, "plan.md"), PlanMarkdown.Render(config, plan));
        return plan;
    }
}
