namespace MultiRegion.Infra.Model.Config;

/// <summary>
/// Aurora PostgreSQL Global Database: the writer cluster in the primary region, a secondary cluster in every
/// other region. Instance class and reader count per region come from the sizing tier's <c>database</c>.
/// </summary>
/// <param name="EngineVersion">Aurora PostgreSQL version, e.g. <c>15.4</c>; the parameter group family follows its major version.</param>
/// <param name="DatabaseName">Initial database created in the cluster.</param>
/// <param name="MasterUsername">Master user; its password is generated into Secrets Manager, never written in config or template.</param>
/// <param name="BackupRetentionDays">Automated backup retention of each cluster, 1-35 days.</param>
/// <param name="RpoCapSeconds">
/// When set, <c>rds.global_db_rpo</c>: the writer blocks commits when no secondary is within this many seconds
/// (at least 20). Null: no cap, replication lag is typically under 1 s but unbounded.
/// </param>
/// <param name="PasswordRotationDays">Rotate the master password every this many days (hosted rotation Lambda); null: no rotation.</param>
/// <param name="ClusterParameters">Extra DB cluster parameters (the TLS-only and RPO parameters are set by the program).</param>
/// <param name="InstanceParameters">Extra DB instance parameters.</param>
public sealed record DatabaseConfig(
    string EngineVersion,
    string DatabaseName,
    string MasterUsername = "postgres",
    int BackupRetentionDays = 30,
    int? RpoCapSeconds = null,
    int? PasswordRotationDays = null,
    IReadOnlyDictionary<string, string>? ClusterParameters = null,
    IReadOnlyDictionary<string, string>? InstanceParameters = null)
{
    /// <summary>The smallest value AWS accepts for <c>rds.global_db_rpo</c>.</summary>
    public const int MinRpoCapSeconds = 20;

    public string MajorVersion => EngineVersion.Split('.')[0];

    /// <summary>DB (cluster) parameter group family, e.g. <c>aurora-postgresql15</c>.</summary>
    public string ParameterGroupFamily => $"aurora-postgresql{MajorVersion}";
}
