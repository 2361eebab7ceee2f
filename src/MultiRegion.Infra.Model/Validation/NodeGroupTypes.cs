using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Validation;

/// <summary>
/// A node group's instance types against <see cref="InstanceFamilies"/> and against what the CDK's managed node group
/// accepts with the AMI this program picks (<c>TieredNodeGroups</c>: the x86_64 GPU AMI when <c>gpu</c>, else the
/// standard x86_64 AMI). The CDK sorts types into x86_64, arm64 and GPU and refuses a group that mixes them
/// ("instanceTypes of different architectures is not allowed") or whose AMI does not match
/// (https://github.com/aws/aws-cdk/blob/v2.160.0/packages/aws-cdk-lib/aws-eks/lib/managed-nodegroup.ts).
/// </summary>
public static class NodeGroupTypes
{
    public static void Validate(NodeGroupSizing g, string at, ProblemSink sink)
    {
        var known = new List<(string Type, InstanceFamily Family)>();
        for (var i = 0; i < g.InstanceTypes.Count; i++)
        {
            var (family, problem) = InstanceFamilies.Find(g.InstanceTypes[i], InstanceFamilies.Ec2);
            if (family is null) sink.Add($"{at}.instanceTypes[{i}]", problem!);
            else known.Add((g.InstanceTypes[i], family));
        }
        if (known.Count != g.InstanceTypes.Count || known.Count == 0) return;

        var kinds = known.GroupBy(k => KindOf(k.Family)).ToList();
        if (kinds.Count > 1)
            sink.Add($"{at}.instanceTypes",
                $"mixes {string.Join(" with ", kinds.Select(k => $"{k.Key} ({string.Join(", ", k.Select(x => x.Type))})"))}: a node group runs one AMI, so every type must be of one kind; split them into separate node groups");

        var gpuPath = $"{at}.gpu";
        if (g.Gpu)
        {
            foreach (var (type, family) in known)
            {
                if (!family.Gpu)
                    sink.Add(gpuPath, $"gpu is true but '{type}' has no GPU: set gpu: false or use a GPU family ({string.Join(", ", InstanceFamilies.CdkGpuFamilies.Where(f => f.StartsWith('p') || f.StartsWith('g')).Order())})");
                else if (family.Architecture == CpuArchitecture.Arm64)
                    sink.Add(gpuPath, $"'{type}' is an arm64 GPU family; GPU node groups use the x86_64 GPU AMI (AL2_x86_64_GPU)");
                else if (!InstanceFamilies.CdkGpuFamilies.Contains(family.Name))
                    sink.Add(gpuPath, $"'{type}': the CDK this program uses (2.160) does not count {family.Name} as a GPU family and refuses the GPU AMI for it; use one of {string.Join(", ", InstanceFamilies.CdkGpuFamilies.Where(f => f.StartsWith('p') || f.StartsWith('g')).Order())}");
            }
        }
        else
        {
            foreach (var (type, family) in known)
            {
                if (family.Gpu)
                    sink.Add(gpuPath, $"'{type}' is a GPU type but gpu is false: set gpu: true (GPU AMI, taint and label) or pick a type without GPUs");
                else if (family.Architecture == CpuArchitecture.Arm64)
                    sink.Add($"{at}.instanceTypes", $"'{type}' is arm64 (Graviton); node groups use the x86_64 AMI (AL2023_x86_64_STANDARD), so pick an x86_64 type");
            }
        }
    }

    private static string KindOf(InstanceFamily f) =>
        f.Gpu ? "GPU types" : f.Architecture == CpuArchitecture.Arm64 ? "arm64 types" : "x86_64 types";
}
