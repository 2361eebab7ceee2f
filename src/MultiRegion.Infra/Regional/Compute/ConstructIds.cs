namespace MultiRegion.Infra.Regional.Compute;

/// <summary>Stable construct ids from config names.</summary>
internal static class ConstructIds
{
    /// <summary><c>cpu-spot</c> becomes <c>CpuSpot</c>.</summary>
    public static string Pascal(string name) =>
        string.Concat(name.Split('-', '.', '_').Where(p => p.Length > 0).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
}
