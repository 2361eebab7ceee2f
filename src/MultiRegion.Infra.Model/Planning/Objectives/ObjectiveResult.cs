namespace MultiRegion.Infra.Model.Planning.Objectives;

/// <summary>One promise checked: what was promised, what the deployed settings can achieve and why.</summary>
/// <param name="Name">The config path of the promise, e.g. <c>objectives.regionFailover.rtoSeconds</c>.</param>
/// <param name="Fix">What would make it achievable (only when not ok).</param>
/// <param name="Subject">What the promise is about, for people: a store objective's name and store
/// (<c>critical: database</c>); null when the path says it (<c>regionFailover.rtoSeconds</c>).</param>
public sealed record ObjectiveResult(
    string Name,
    string Promised,
    string Achievable,
    bool Ok,
    IReadOnlyList<BudgetTerm> Terms,
    string Arithmetic,
    bool Estimate,
    string? Fix = null,
    string? Subject = null)
{
    /// <summary>The refusal line: names the objective, the promise and each term of the budget.</summary>
    public string Refusal => $"{(Subject is { } subject ? $"{subject}: " : "")}promised {Promised}, but {Arithmetic}{(Fix is null ? "" : $"; {Fix}")}";
}

/// <summary>A setting the program chose because the config left it open, and why.</summary>
public sealed record ObjectiveChoice(string Setting, string Value, string Reason);
