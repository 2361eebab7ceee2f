namespace MultiRegion.Infra.Regional.Compute;

/// <summary>Kubernetes labels and taints the node groups carry; workloads select tiers with them.</summary>
public static class NodeLabels
{
    /// <summary>The node tier (cpu, memory, gpu, general, ...).</summary>
    public const string Tier = "node-tier";

    /// <summary><c>spot</c> or <c>on-demand</c>.</summary>
    public const string CapacityType = "capacity-type";

    /// <summary>Set to <c>true</c> on GPU nodes.</summary>
    public const string Gpu = "nvidia.com/gpu.present";

    /// <summary>Taint on GPU nodes: only pods tolerating it (GPU work) land there.</summary>
    public const string GpuTaintKey = "nvidia.com/gpu", GpuTaintValue = "true", GpuTaintEffect = "NoSchedule";
}
