using System.Globalization;
using System.Text;
using static System.FormattableString;

namespace MultiRegion.Infra.Model.Planning.FirstDeploy;

/// <summary>plan.md's "First deploy" section: what to bootstrap and which quotas to raise before <c>cdk deploy</c>.</summary>
public static class FirstDeploySection
{
    private const string Indent = "   "; // the tables sit inside the numbered steps

    public static void Render(FirstDeployChecklist? checklist, StringBuilder md)
    {
        if (checklist is null) return;
        md.AppendLine("## First deploy checklist");
        md.AppendLine();
        md.AppendLine("1. Bootstrap every environment a stack deploys to (once per account and region):");
        md.AppendLine();
        md.AppendLine("   ```sh");
        md.AppendLine(CultureInfo.InvariantCulture, $"   {checklist.BootstrapCommand}");
        md.AppendLine("   ```");
        md.AppendLine();
        MarkdownTable.Write(md, ["Environment", "Stacks"], checklist.Bootstrap.Select(t => new[] { t.Environment, string.Join(", ", t.Stacks) }), Indent);
        if (checklist.Vcpus.Count > 0) RenderVcpus(checklist, md);
        if (checklist.OtherQuotas.Count == 0) return;
        md.AppendLine("3. Other quotas the templates count against (default values from the cited AWS pages):");
        md.AppendLine();
        MarkdownTable.Write(md, ["Scope", "Quota", "Needed:", "Default:", "Raise before deploy", "Source"], checklist.OtherQuotas.Select(q => new[]
        {
            q.Scope, q.Quota, Invariant($"{q.Needed}"), Invariant($"{q.Default}"), q.Over ? "**yes**" : "no", q.Source,
        }), Indent);
    }

    private static void RenderVcpus(FirstDeployChecklist checklist, StringBuilder md)
    {
        md.AppendLine("2. Check the EC2 vCPU quotas of every region (Service Quotas, service `ec2`). A fresh account starts far below what");
        md.AppendLine("   the node groups need; a node group whose instances the quota refuses stays below its size without an error in");
        md.AppendLine("   CloudFormation. Per group the largest instance type of its list counts. New-account values are secondary (AWS raises");
        md.AppendLine("   them per account): read yours with `aws service-quotas get-service-quota --service-code ec2 --quota-code <code>`.");
        md.AppendLine();
        MarkdownTable.Write(md, ["Region", "Quota", "Code", "vCPUs at desired:", "vCPUs at max:", "New-account value:", "Raise before deploy"],
            checklist.Vcpus.Select(n => new[]
            {
                n.Region, n.Quota, n.QuotaCode, Invariant($"{n.DesiredVcpus}"), Invariant($"{n.MaxVcpus}"),
                n.NewAccountDefault?.ToString(CultureInfo.InvariantCulture) ?? "?",
                n.NewAccountDefault is null ? "check" : n.OverAtDesired ? Invariant($"**yes**, to at least {n.MaxVcpus}") : n.OverAtMax ? Invariant($"before scaling past it, to {n.MaxVcpus}") : "no",
            }), Indent);
        if (checklist.UnknownInstanceTypes.Count > 0)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"   Not counted (size without a standard vCPU count): {string.Join(", ", checklist.UnknownInstanceTypes)}.");
            md.AppendLine();
        }
    }
}
