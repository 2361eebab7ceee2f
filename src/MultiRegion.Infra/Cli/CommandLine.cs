namespace MultiRegion.Infra.Cli;

/// <summary>Parsed command line. <c>--stack</c> may also come from the CDK CLI's context (<c>-c stack=prod</c>).</summary>
/// <param name="ForDeploy">
/// Loading for a deploy (<c>--for-deploy</c>, or the environment variable <c>MULTIREGION_DEPLOY=1</c> that the deploy
/// workflow sets because the app cannot see the CDK CLI's command): placeholders marked REPLACE become errors.
/// </param>
public sealed record CommandLine(string? Stack, string? Output, bool Help, bool ForDeploy = false)
{
    public const string Usage = """
        Usage: dotnet run --project src/MultiRegion.Infra -- --stack <name|path.yaml> [--output DIR]

          --stack   a stack config: a name in stacks/ (prod, videochat, dev) or a path to a YAML file
          --output  where templates, plan.json and plan.md are written (default: cdk.out)
          --for-deploy  refuse placeholders (REPLACE values) instead of warning; same as MULTIREGION_DEPLOY=1

        Under the CDK CLI (cdk.json): npx cdk synth -c stack=prod
        Exit codes: 0 ok, 2 bad input (config or arguments), 1 unexpected failure.
        """;

    /// <summary>Parses arguments; returns null and an error message for bad ones.</summary>
    public static (CommandLine? Line, string? Error) Parse(IReadOnlyList<string> args)
    {
        string? stack = null, output = null;
        var help = false;
        var forDeploy = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            switch (arg)
            {
                case "--help" or "-h":
                    help = true;
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
                    else return (null, $"unknown argument '{arg}'");
                    break;
            }
        }
        return (new CommandLine(stack, output, help, forDeploy), null);
    }
}
