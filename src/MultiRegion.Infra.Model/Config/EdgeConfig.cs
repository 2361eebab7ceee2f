namespace MultiRegion.Infra.Model.Config;

/// <summary>The <c>edge</c> section of a stack config. Filled in by its own issue.</summary>
public sealed record EdgeConfig();
