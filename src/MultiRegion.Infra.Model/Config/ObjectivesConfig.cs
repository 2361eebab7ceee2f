namespace MultiRegion.Infra.Model.Config;

/// <summary>The <c>objectives</c> section of a stack config. Filled in by its own issue.</summary>
public sealed record ObjectivesConfig();
