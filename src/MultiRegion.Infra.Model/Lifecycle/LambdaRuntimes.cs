namespace MultiRegion.Infra.Model.Lifecycle;

/// <summary>A Lambda managed runtime's retirement dates.</summary>
/// <param name="Runtime">Runtime identifier as in <c>AWS::Lambda::Function.Runtime</c>.</param>
/// <param name="Deprecated">End of security patches and support.</param>
/// <param name="BlockCreate">From this date Lambda refuses to create functions on the runtime (what a first deploy does).</param>
/// <param name="BlockUpdate">From this date Lambda refuses to update them.</param>
/// <param name="Source">Where the dates come from.</param>
/// <param name="CheckedOn">When they were checked.</param>
public sealed record LambdaRuntimeFacts(
    string Runtime, DateOnly Deprecated, DateOnly BlockCreate, DateOnly BlockUpdate, string Source, DateOnly CheckedOn);

/// <summary>
/// Lambda runtime lifecycle for the runtimes the CDK (2.160) emits and the ones the program lifts them to.
/// Source: https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html (supported and deprecated runtime
/// tables); the dates are the ones cfn-lint 1.51.0 carries for its E2533/W2531 checks
/// (cfnlint/data/AdditionalSpecs/LmbdRuntimeLifecycle.json, generated from that page), cross-checked against
/// https://endoflife.date/aws-lambda (nodejs22.x: deprecated 2027-04-30, update blocked 2027-07-01). Node.js rows
/// are AWS's newer Node.js page (https://docs.aws.amazon.com/lambda/latest/dg/lambda-nodejs.html, the table that
/// lists nodejs24.x), which moved nodejs20.x's blocks to 2026-08-31 / 2026-09-30 (cfn-lint still has 06-01 / 07-01).
/// </summary>
public static class LambdaRuntimes
{
    private const string Source = "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html (dates as in cfn-lint 1.51.0 LmbdRuntimeLifecycle.json)";
    private static readonly DateOnly Checked = new(2026, 11, 22);

    public static readonly IReadOnlyList<LambdaRuntimeFacts> All =
    [
        Row("nodejs18.x", "2025-09-01", "2026-06-01", "2026-07-01"),
        Row("nodejs20.x", "2026-04-30", "2026-08-31", "2026-09-30"),
        Row("nodejs22.x", "2027-04-30", "2027-06-01", "2027-07-01"),
        Row("nodejs24.x", "2028-04-30", "2028-06-01", "2028-07-01"),
        Row("python3.9", "2025-12-15", "2026-06-01", "2026-07-01"),
        Row("python3.10", "2026-06-30", "2026-07-31", "2026-08-31"),
        Row("python3.11", "2026-06-30", "2026-07-31", "2026-08-31"),
        Row("python3.12", "2028-10-31", "2028-11-30", "2029-01-10"),
        Row("python3.13", "2029-06-30", "2029-07-31", "2029-08-31"),
    ];

    /// <summary>
    /// What the program lifts the CDK's Node.js handlers to. Not nodejs24.x: "Lambda supports callback-based
    /// function handlers for Node.js 22 and earlier runtimes only" (Lambda Node.js context docs, quoted in
    /// https://barlog.sk/blog/before-you-upgrade-lambda-nodejs-runtime), and the CDK 2.160 handlers were built
    /// for Node.js 18-20; 22 keeps their handler contract.
    /// </summary>
    public const string NodeTarget = "nodejs22.x";

    /// <summary>
    /// The Node.js runtime CDK 2.160 falls back to where a region has no <c>LATEST_NODE_RUNTIME</c> fact
    /// (<c>Runtime.NODEJS_18_X</c> in <c>determineLatestNodeRuntime</c>).
    /// </summary>
    public const string CdkDefaultNode = "nodejs18.x";

    /// <summary>What the program lifts the CDK's Python handlers (the EKS kubectl/helm handler) to.</summary>
    public const string PythonTarget = "python3.13";

    public static LambdaRuntimeFacts? Find(string runtime) => All.FirstOrDefault(r => r.Runtime == runtime);

    /// <summary>The runtime a function on <paramref name="runtime"/> should use on <paramref name="today"/>: itself while it is current.</summary>
    public static string LiftedOn(string runtime, DateOnly today)
    {
        if (Find(runtime) is not { } facts || LifecycleDates.StatusOf(facts.BlockCreate, today) == LifecycleStatus.Current)
            return runtime;
        if (runtime.StartsWith("nodejs", StringComparison.Ordinal)) return NodeTarget;
        if (runtime.StartsWith("python", StringComparison.Ordinal)) return PythonTarget;
        return runtime;
    }

    private static LambdaRuntimeFacts Row(string runtime, string deprecated, string blockCreate, string blockUpdate) =>
        new(runtime, DateOnly.Parse(deprecated, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(blockCreate, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(blockUpdate, System.Globalization.CultureInfo.InvariantCulture), Source, Checked);
}
