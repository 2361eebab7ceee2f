namespace MultiRegion.Infra.Model.Config;

/// <summary>The <c>data</c> section of a stack config. Filled in by its own issue.</summary>
public sealed record DataConfig();
