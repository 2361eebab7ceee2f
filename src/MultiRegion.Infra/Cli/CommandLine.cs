namespace MultiRegion.Infra.Cli;

/// <summary>Parsed command line. <c>--stack</c> may also come from the CDK CLI's context (<c>-c stack=prod</c>).</summary>
/// <param name="ForDeploy">
/// Loading for a deploy (<c>--for-deploy</c>, or the environment variable <c>MULTIREGION_DEPLOY=1</c> that the deploy
/// workflow sets because the app cannot see the CDK CLI's command): placeholders marked REPLACE become errors.
/// </param>
public sealed record CommandLine(string? Stack, string? Output, bool Help, bool Debug = false, bool ForDeploy = false)
{
    /// <summary>Environment variable that turns on <see cref="Debug"/> (stack traces of unexpected failures).</summary>
    public const string DebugVariable = "MULTIREGION_DEBUG";

    public const string Usage = """
        Usage: dotnet run --project src/MultiRegion.Infra -- --stack <name|path.yaml> [--output DIR] [--debug]

          --stack   a stack config: a name in stacks/ (prod, videochat, dev) or a path to a YAML file
          --output  the folder templates, plan.json and plan.md are written to, replaced whole on success
                    (default: cdk.out at the repository root, the folder holding stacks/)
          --debug   print the stack trace of an unexpected failure (or set MULTIREGION_DEBUG=1)
          --for-deploy  refuse placeholders (REPLACE values) instead of warning; same as MULTIREGION_DEPLOY=1

        Under the CDK CLI (cdk.json): npx cdk synth -c stack=prod (the summary then goes to stderr)
        Exit codes: 0 ok, 2 bad input (config, arguments or environment), 1 unexpected failure.
        """;

    /// <summary>Parses arguments; returns null and an error message for bad ones.</summary>
    public static (CommandLine? Line, string? Error) Parse(IReadOnlyList<string> args)
    {
        string? stack = null, output = null;
        bool help = false, debug = false, forDeploy = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            switch (arg)
            {
                case "--help" or "-h":
                    help = true;
                    break;
                case "--debug":
                    debug = true;
                    break;
                case "--for-deploy":
                    forDeploy = true;
                    break;
                case "--stack":
                    stack = Value();
                    if (stack is null) return (null, "--stack needs a value");
                    break;
                case "--output":
                    output = Value();
                    if (output is null) return (null, "--output needs a value");
                    break;
                default:
                    if (arg.StartsWith("--stack=", StringComparison.Ordinal)) stack = arg["--stack=".Length..];
                    else if (arg.StartsWith("--output=", StringComparison.Ordinal)) output = arg["--output=".Length..];
                    else return (null, $"unknown argument '{Model.Loading.Echo.Of(arg)}'");
                    break;
            }
        }
        if (stack is not null && string.IsNullOrWhiteSpace(stack)) return (null, "--stack is empty; give a name in stacks/ (prod, videochat, dev) or a path to a YAML file");
        if (output is not null && string.IsNullOrWhiteSpace(output)) return (null, "--output is empty; give a folder such as cdk.out");
        return (new CommandLine(stack, output, help, debug, forDeploy), null);
    }
}
