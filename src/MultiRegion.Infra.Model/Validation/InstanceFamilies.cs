namespace MultiRegion.Infra.Model.Validation;

/// <summary>CPU architecture of an instance family.</summary>
public enum CpuArchitecture { X86_64, Arm64 }

/// <summary>One instance family: its sizes, architecture and whether it carries GPUs (or other accelerators).</summary>
public sealed record InstanceFamily(string Name, CpuArchitecture Architecture, bool Gpu, IReadOnlyList<string> Sizes);

/// <summary>
/// The EC2, ElastiCache and RDS instance families this program knows, so a misspelt or non-existent type is refused
/// when the config loads instead of failing at deploy (or, for malformed names, crashing the CDK at synthesis).
/// Sources, read 2026-11-22: EC2 https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-types.html,
/// ElastiCache https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheNodes.SupportedTypes.html,
/// Aurora https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Concepts.DBInstanceClass.SupportAurora.html.
/// A family AWS adds later is refused until it gets a row here (the message says so).
/// </summary>
public static class InstanceFamilies
{
    private static readonly string[] Burst = ["nano", "micro", "small", "medium", "large", "xlarge", "2xlarge"];
    private static readonly string[] Gen5 = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "metal"];
    private static readonly string[] Gen5Amd = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"];
    private static readonly string[] C5 = ["large", "xlarge", "2xlarge", "4xlarge", "9xlarge", "12xlarge", "18xlarge", "24xlarge", "metal"];
    private static readonly string[] C5n = ["large", "xlarge", "2xlarge", "4xlarge", "9xlarge", "18xlarge", "metal"];
    private static readonly string[] Gen6 = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge", "metal"];
    private static readonly string[] Gen6Amd = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge", "48xlarge", "metal"];
    private static readonly string[] Gen7 = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge", "metal-24xl", "metal-48xl"];
    private static readonly string[] Gen7Amd = ["medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge", "48xlarge", "metal-48xl"];
    private static readonly string[] Graviton = ["medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "metal"];
    private static readonly string[] Graviton4 = ["medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge", "metal-24xl", "metal-48xl"];
    private static readonly string[] G5 = ["xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"];

    private static InstanceFamily X(string name, params string[] sizes) => new(name, CpuArchitecture.X86_64, false, sizes);
    private static InstanceFamily A(string name, params string[] sizes) => new(name, CpuArchitecture.Arm64, false, sizes);
    private static InstanceFamily Gx(string name, params string[] sizes) => new(name, CpuArchitecture.X86_64, true, sizes);
    private static InstanceFamily Ga(string name, params string[] sizes) => new(name, CpuArchitecture.Arm64, true, sizes);

    /// <summary>EC2 families (node groups).</summary>
    public static readonly IReadOnlyDictionary<string, InstanceFamily> Ec2 = new[]
    {
        X("t3", Burst), X("t3a", Burst), A("t4g", Burst),
        X("m5", Gen5), X("m5d", Gen5), X("m5a", Gen5Amd), X("m5ad", Gen5Amd), X("m5n", Gen5), X("m5dn", Gen5), X("m5zn", "large", "xlarge", "2xlarge", "3xlarge", "6xlarge", "12xlarge", "metal"),
        X("c5", C5), X("c5d", C5), X("c5a", Gen5Amd), X("c5ad", Gen5Amd), X("c5n", C5n),
        X("r5", Gen5), X("r5d", Gen5), X("r5a", Gen5Amd), X("r5ad", Gen5Amd), X("r5n", Gen5), X("r5dn", Gen5), X("r5b", Gen5),
        X("m6i", Gen6), X("m6id", Gen6), X("m6in", Gen6), X("m6idn", Gen6), X("m6a", Gen6Amd),
        X("c6i", Gen6), X("c6id", Gen6), X("c6in", Gen6), X("c6a", Gen6Amd),
        X("r6i", Gen6), X("r6id", Gen6), X("r6in", Gen6), X("r6idn", Gen6), X("r6a", Gen6Amd),
        X("m7i", Gen7), X("m7i-flex", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge"), X("c7i", Gen7), X("r7i", Gen7),
        X("m7a", Gen7Amd), X("c7a", Gen7Amd), X("r7a", Gen7Amd),
        X("i3", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge", "metal"), X("i3en", "large", "xlarge", "2xlarge", "3xlarge", "6xlarge", "12xlarge", "24xlarge", "metal"),
        X("i4i", Gen6), X("z1d", "large", "xlarge", "2xlarge", "3xlarge", "6xlarge", "12xlarge", "metal"),
        X("x2idn", "16xlarge", "24xlarge", "32xlarge", "metal"), X("x2iedn", "xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge", "24xlarge", "32xlarge", "metal"),
        A("a1", "medium", "large", "xlarge", "2xlarge", "4xlarge", "metal"),
        A("m6g", Graviton), A("m6gd", Graviton), A("c6g", Graviton), A("c6gd", Graviton), A("c6gn", Graviton[..^1]), A("r6g", Graviton), A("r6gd", Graviton),
        A("m7g", Graviton), A("m7gd", Graviton), A("c7g", Graviton), A("c7gd", Graviton), A("c7gn", Graviton), A("r7g", Graviton), A("r7gd", Graviton),
        A("m8g", Graviton4), A("c8g", Graviton4), A("r8g", Graviton4), A("x2gd", Graviton), A("im4gn", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge"),
        // Accelerated computing: NVIDIA GPUs (p, g), AWS Inferentia (inf). The EKS GPU AMI serves them all.
        Gx("p3", "2xlarge", "8xlarge", "16xlarge"), Gx("p3dn", "24xlarge"), Gx("p4d", "24xlarge"), Gx("p4de", "24xlarge"),
        Gx("p5", "48xlarge"), Gx("p5e", "48xlarge"), Gx("p5en", "48xlarge"),
        Gx("g4dn", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "metal"), Gx("g4ad", "xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge"),
        Gx("g5", G5), Gx("g6", G5), Gx("g6e", G5), Gx("gr6", "4xlarge", "8xlarge"),
        Ga("g5g", "xlarge", "2xlarge", "4xlarge", "8xlarge", "16xlarge", "metal"),
        Gx("inf1", "xlarge", "2xlarge", "6xlarge", "24xlarge"), Gx("inf2", "xlarge", "8xlarge", "24xlarge", "48xlarge"),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>
    /// GPU families the CDK 2.160 managed node group recognises as GPU (<c>isGpuInstanceType</c> in aws-eks
    /// managed-nodegroup.ts): it accepts the GPU AMI only for these, and refuses the standard AMI for them.
    /// https://github.com/aws/aws-cdk/blob/v2.160.0/packages/aws-cdk-lib/aws-eks/lib/managed-nodegroup.ts
    /// </summary>
    public static readonly IReadOnlySet<string> CdkGpuFamilies =
        new HashSet<string>(["p2", "p3", "p3dn", "p4de", "p4d", "g3s", "g3", "g4dn", "g4ad", "g5", "g5g", "inf1", "inf2"], StringComparer.Ordinal);

    private static readonly string[] CacheGraviton = ["large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"];
    private static readonly string[] CacheGen5 = ["large", "xlarge", "2xlarge", "4xlarge", "12xlarge", "24xlarge"];

    /// <summary>ElastiCache node families (<c>cache.&lt;family&gt;.&lt;size&gt;</c>).</summary>
    public static readonly IReadOnlyDictionary<string, InstanceFamily> Cache = new[]
    {
        X("t3", "micro", "small", "medium"), A("t4g", "micro", "small", "medium"),
        X("m5", CacheGen5), X("r5", CacheGen5),
        A("m6g", CacheGraviton), A("r6g", CacheGraviton), A("m7g", CacheGraviton), A("r7g", CacheGraviton),
        A("r6gd", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"), A("c7gn", CacheGraviton),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>Aurora DB instance families (<c>db.&lt;family&gt;.&lt;size&gt;</c>); <c>db.serverless</c> is Aurora Serverless v2.</summary>
    public static readonly IReadOnlyDictionary<string, InstanceFamily> Aurora = new[]
    {
        X("t3", "medium", "large"), A("t4g", "medium", "large"),
        X("r5", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"),
        X("r6i", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "32xlarge"),
        X("r7i", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"),
        A("r6g", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"),
        A("r7g", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"),
        A("r8g", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "48xlarge"),
        A("x2g", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge"),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    /// <summary>
    /// Looks up <c>[prefix.]family.size</c> in a table; returns the family, or null and why not (with a did-you-mean).
    /// </summary>
    public static (InstanceFamily? Family, string? Problem) Find(string type, IReadOnlyDictionary<string, InstanceFamily> table, string prefix = "")
    {
        var shown = Loading.Echo.Of(type);
        if (!type.StartsWith(prefix, StringComparison.Ordinal))
            return (null, $"'{shown}' must start with '{prefix}' (e.g. {prefix}{Example(table)})");
        var parts = type[prefix.Length..].Split('.');
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            return (null, $"'{shown}' is not an instance type of the form {prefix}<family>.<size> (e.g. {prefix}{Example(table)})");
        if (!table.TryGetValue(parts[0], out var family))
            return (null, $"'{shown}': unknown instance family '{Loading.Echo.Of(parts[0])}'{Loading.DidYouMean.Hint(parts[0], table.Keys)}; if AWS has added it, add a row to Validation/InstanceFamilies.cs");
        if (!family.Sizes.Contains(parts[1]))
            return (null, $"'{shown}': {prefix}{family.Name} has no size '{Loading.Echo.Of(parts[1])}' (sizes: {string.Join(", ", family.Sizes)})");
        return (family, null);
    }

    private static string Example(IReadOnlyDictionary<string, InstanceFamily> table) =>
        table.Values.First(f => f.Sizes.Contains("large")) is var f ? $"{f.Name}.large" : "";
}
