namespace MultiRegion.Infra.Model.Lifecycle;

/// <summary>A managed database engine version and the date AWS stops creating it, where one applies.</summary>
/// <param name="Engine"><c>aurora-postgresql</c> or <c>redis</c> (ElastiCache Redis OSS).</param>
/// <param name="Version">Version as the config names it (Aurora: major.minor; ElastiCache: major.minor).</param>
/// <param name="EndOfStandardSupport">From this date AWS no longer creates it (null: no date announced).</param>
/// <param name="Note">What the date (or its absence) rests on.</param>
public sealed record EngineVersionFacts(
    string Engine, string Version, DateOnly? EndOfStandardSupport, string Note, string Source, DateOnly CheckedOn);

/// <summary>
/// Engine versions the shipped configs use. AWS deprecates Aurora minor versions on its minor release calendar
/// (https://docs.aws.amazon.com/AmazonRDS/latest/AuroraPostgreSQLReleaseNotes/aurora-postgresql-release-calendar.html);
/// the stored copy of that page did not give 16.4's row, so the row records what could be checked: cfn-lint
/// 1.51.0's RDS engine-version data (built from describe-db-engine-versions) marks 16.1-16.3 deprecated and still
/// lists 16.4 as creatable. ElastiCache has announced no end of life for Redis OSS 7.x.
/// </summary>
public static class EngineVersions
{
    private static readonly DateOnly Checked = new(2026, 11, 22);

    public static readonly IReadOnlyList<EngineVersionFacts> All =
    [
        new("aurora-postgresql", "16.4", null,
            "creatable per cfn-lint 1.51.0 engine_version data (16.1-16.3 deprecated there); no end date found in the stored release calendar",
            "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraPostgreSQLReleaseNotes/aurora-postgresql-release-calendar.html", Checked),
        new("redis", "7.1", null,
            "no end of life announced for Redis OSS 7 (the EOL schedule lists 2.x and 3.x; standard support of 4 and 5 ended 2026-01-31, educative.io ElastiCache course)",
            "https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/deprecated-engine-versions.html", Checked),
    ];

    public static EngineVersionFacts? Find(string engine, string version) =>
        All.FirstOrDefault(r => r.Engine == engine && r.Version == version);
}
