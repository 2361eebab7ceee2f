using System.Globalization;

namespace MultiRegion.Infra.Model.Planning.Objectives;

/// <summary>One named term of a budget: its value and where the number comes from.</summary>
public sealed record BudgetTerm(string Name, double Seconds, string Source, bool Estimate = false)
{
    public override string ToString() => $"{Name} {Format.Seconds(Seconds)}";
}

/// <summary>A sum of named terms.</summary>
public sealed record Budget(IReadOnlyList<BudgetTerm> Terms)
{
    public double TotalSeconds => Terms.Sum(t => t.Seconds);

    public bool UsesEstimates => Terms.Any(t => t.Estimate);

    /// <summary>The arithmetic, e.g. <c>health check 10 s x 3 = 30 s + DNS TTL 60 s = 90 s</c>.</summary>
    public string Arithmetic =>
        string.Join(" + ", Terms.Select(t => t.ToString())) + (Terms.Count > 1 ? $" = {Format.Seconds(TotalSeconds)}" : "");
}

internal static class Format
{
    public static string Seconds(double s) =>
        double.IsPositiveInfinity(s) ? "unbounded"
        : s >= 120 && s % 60 == 0 ? $"{(s / 60).ToString(CultureInfo.InvariantCulture)} min ({s.ToString(CultureInfo.InvariantCulture)} s)"
        : $"{s.ToString("0.###", CultureInfo.InvariantCulture)} s";

    public static string Percent(double p) => $"{p.ToString("0.#####", CultureInfo.InvariantCulture)}%";
}
