namespace MultiRegion.Infra.Cli;

/// <summary>A bad argument or environment (not the config): exit code 2 with this one-line message.</summary>
public sealed class UsageException(string message) : Exception(message);
