using System.Text.RegularExpressions;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Loading;
using MultiRegion.Infra.Model.Planning;

namespace MultiRegion.Infra.Model.Validation;

/// <summary>Rules of the <c>data</c> section: what Aurora Global, Global Datastore, S3 replication and AWS Backup allow.</summary>
internal static partial class DataRules
{
    /// <summary>Aurora Global Database secondary regions (stored AWS docs; AWS announced 10 in 2025).</summary>
    public const int MaxDatabaseSecondaries = 5;

    /// <summary>A Global Datastore has at most two secondary regions.</summary>
    public const int MaxCacheSecondaries = 2;

    /// <summary>
    /// Node families a Global Datastore accepts, each in size large and up; burstable (t2/t3/t4g) and older
    /// generations (m4/r4/m3/r3) are refused when the datastore is created.
    /// https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Redis-Global-Datastores-Getting-Started.html
    /// (prerequisites: "R5, R6g, R6gd, M5 or M6g", later M7g, R7g and C7gn; checked 2026-11-22).
    /// </summary>
    public static readonly IReadOnlyList<string> GlobalDatastoreNodeFamilies = ["m5", "m6g", "m7g", "r5", "r6g", "r6gd", "r7g", "c7gn"];

    [GeneratedRegex(@"^cache\.([a-z0-9]+)\.([0-9]*x?large)$")]
    private static partial Regex CacheNodeType();

    [GeneratedRegex("^[a-z][a-z0-9-]{0,19}$")]
    private static partial Regex StoreName();

    [GeneratedRegex(@"^[0-9]+\.[0-9]+(\.[0-9]+)?$")]
    private static partial Regex Version();

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9_]{0,62}$")]
    private static partial Regex PostgresIdentifier();

    [GeneratedRegex(@"^(cron|rate)\(.+\)$")]
    private static partial Regex BackupSchedule();

    public static void Validate(StackConfig c, ProblemSink sink)
    {
        if (c.Data is not { } data) return;
        ValidateMemberRegions(c, data, sink);
        if (data.Database is { } db) ValidateDatabase(c, db, sink);
        foreach (var (name, cache) in data.EffectiveCaches) ValidateCache(c, name, cache, sink);
        ValidateCacheSizing(c, data, sink);
        foreach (var (name, bucket) in data.EffectiveBuckets) ValidateBucket(c, name, bucket, sink);
        if (data.Backup is { } backup) ValidateBackup(c, data, backup, sink);
    }

    /// <summary><c>data.regions</c>: known regions, each once, the primary among them.</summary>
    private static void ValidateMemberRegions(StackConfig c, DataConfig data, ProblemSink sink)
    {
        if (data.Regions is not { } listed) return;
        var names = c.Regions.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < listed.Count; i++)
            if (!names.Contains(listed[i]))
                sink.Add($"data.regions[{i}]", $"'{listed[i]}' is not a region of this config{DidYouMean.Hint(listed[i], names)}");
            else if (listed.Take(i).Contains(listed[i]))
                sink.Add($"data.regions[{i}]", $"'{listed[i]}' is listed twice");
        if (c.Regions.FirstOrDefault(r => r.Role == RegionRole.Primary) is { } primary)
            sink.Require(listed.Contains(primary.Name), "data.regions",
                $"the primary region '{primary.Name}' is missing: it holds the writers (Aurora primary, Global Datastore primary)");
    }

    private static void ValidateDatabase(StackConfig c, DatabaseConfig db, ProblemSink sink)
    {
        const string at = "data.database";
        sink.Require(Version().IsMatch(db.EngineVersion), $"{at}.engineVersion",
            $"'{db.EngineVersion}' is not an Aurora PostgreSQL version such as 15.4");
        sink.Require(PostgresIdentifier().IsMatch(db.DatabaseName), $"{at}.databaseName",
            $"'{db.DatabaseName}' must start with a letter and hold only letters, digits and '_' (at most 63)");
        sink.Require(PostgresIdentifier().IsMatch(db.MasterUsername) && db.MasterUsername.Length <= 16 && db.MasterUsername is not ("rdsadmin" or "admin"),
            $"{at}.masterUsername", $"'{db.MasterUsername}' must be 1-16 letters, digits or '_', start with a letter and not be a reserved name");
        sink.Require(db.BackupRetentionDays is >= 1 and <= 35, $"{at}.backupRetentionDays",
            $"{db.BackupRetentionDays} is outside 1..35 (Aurora automated backup retention)");
        if (db.RpoCapSeconds is { } rpo)
            sink.Require(rpo >= DatabaseConfig.MinRpoCapSeconds, $"{at}.rpoCapSeconds",
                $"{rpo} s is below {DatabaseConfig.MinRpoCapSeconds} s, the smallest rds.global_db_rpo Aurora PostgreSQL accepts (typical lag under 1 s is not a bound)");
        if (db.PasswordRotationDays is { } days)
            sink.Require(days is >= 1 and <= 1000, $"{at}.passwordRotationDays",
                $"{days} is outside 1..1000 (Secrets Manager rotation schedule)");
        var members = c.Data!.MemberRegions(c.Regions);
        var secondaries = members.Count - 1;
        sink.Require(secondaries <= MaxDatabaseSecondaries, c.Data.Regions is null ? $"{at}" : "data.regions",
            $"{secondaries} secondary regions; an Aurora Global Database has at most {MaxDatabaseSecondaries} (name the data regions in data.regions; the others run compute only)");
        foreach (var users in members.GroupBy(r => r.SizingTier))
            if (c.Sizing.TryGetValue(users.Key, out var tier) && tier.Database is null)
                sink.Add($"sizing.{users.Key}.database",
                    $"missing: data.database is set, so every region's sizing tier needs database.instanceClass and readReplicas ({string.Join(", ", users.Select(r => r.Name))} use '{users.Key}')");
        foreach (var tierName in members.Select(r => r.SizingTier).Distinct())
            if (c.Sizing.TryGetValue(tierName, out var tier) && tier.Database is { } sizing)
                sink.Require(sizing.InstanceClass.StartsWith("db.", StringComparison.Ordinal), $"sizing.{tierName}.database.instanceClass",
                    $"'{sizing.InstanceClass}' is not an RDS instance class such as db.r5.xlarge");
    }

    private static void ValidateCache(StackConfig c, string name, CacheConfig cache, ProblemSink sink)
    {
        var at = $"data.caches.{name}";
        sink.Require(StoreName().IsMatch(name), at, $"cache name '{name}' must be 1-20 lower-case letters, digits or '-', starting with a letter");
        var groupId = DataNames.ReplicationGroup(c, name);
        sink.Require(groupId.Length <= 40 && !groupId.Contains("--", StringComparison.Ordinal) && !groupId.EndsWith('-'), at,
            $"replication group id '{groupId}' (app-environment-name) must be at most 40 characters without '--'");
        sink.Require(Version().IsMatch(cache.EngineVersion), $"{at}.engineVersion",
            $"'{cache.EngineVersion}' is not an engine version such as 7.1");
        if (cache.Engine == CacheEngine.Valkey && Version().IsMatch(cache.EngineVersion))
            sink.Require(Version(cache.EngineVersion) >= new Version(7, 2), $"{at}.engineVersion",
                $"valkey {cache.EngineVersion}: ElastiCache offers Valkey from 7.2");
        if (cache.Engine == CacheEngine.Redis && Version().IsMatch(cache.EngineVersion))
            sink.Require(Version(cache.EngineVersion) >= new Version(5, 0, 6), $"{at}.engineVersion",
                $"redis {cache.EngineVersion}: Global Datastores need Redis OSS 5.0.6 or later");
        sink.Require(CacheConfig.EvictionPolicies.Contains(cache.EvictionPolicy), $"{at}.evictionPolicy",
            $"'{cache.EvictionPolicy}' is not a maxmemory-policy ({string.Join(", ", CacheConfig.EvictionPolicies)}){DidYouMean.Hint(cache.EvictionPolicy, CacheConfig.EvictionPolicies)}");
        sink.Require(cache.SnapshotRetentionDays is >= 0 and <= 35, $"{at}.snapshotRetentionDays",
            $"{cache.SnapshotRetentionDays} is outside 0..35 (ElastiCache snapshot retention)");
        sink.Require(cache.AuthTokenRotationDays is >= 1 and <= 1000, $"{at}.authTokenRotationDays",
            $"{cache.AuthTokenRotationDays} is outside 1..1000 (Secrets Manager rotation schedule)");
        if (cache.CreatedWith is { } created) ValidateCreatedWith(c, at, cache, created, sink);
        if (cache.Parameters is { } p && p.ContainsKey("maxmemory-policy"))
            sink.Add($"{at}.parameters.maxmemory-policy", "set it with evictionPolicy, not as a raw parameter");
        var members = c.Data!.MemberRegions(c.Regions);
        var secondaries = members.Count - 1;
        sink.Require(secondaries <= MaxCacheSecondaries, c.Data.Regions is null ? at : "data.regions",
            $"{secondaries} secondary regions ({string.Join(", ", members.Where(r => r.Role != RegionRole.Primary).Select(r => r.Name))}) for cache '{name}'; an ElastiCache Global Datastore allows at most {MaxCacheSecondaries}: name at most 3 data regions in data.regions (the others run compute only)");
    }

    /// <summary>
    /// <c>createdWith</c> pins what the primary member was created with; the Global Datastore resource carries the
    /// current values and CloudFormation applies the difference with ModifyGlobalReplicationGroup. A value that
    /// ElastiCache could not apply (a downgrade, an unknown policy) is an error; the rollout itself is a warning,
    /// because the same config would create a new environment at the old values (CloudFormation ignores the
    /// Global Datastore's settings at create).
    /// </summary>
    private static void ValidateCreatedWith(StackConfig c, string at, CacheConfig cache, CacheCreatedWith created, ProblemSink sink)
    {
        at += ".createdWith";
        var changes = new List<string>();
        if (created.NodeType is { } nodeType)
        {
            ValidateGlobalDatastoreNodeType($"{at}.nodeType", nodeType, sink);
            var primaryTier = c.Regions.FirstOrDefault(r => r.Role == RegionRole.Primary)?.SizingTier;
            var current = primaryTier is not null && c.Sizing.TryGetValue(primaryTier, out var tier) ? tier.Cache?.NodeType : null;
            if (current is not null && current != nodeType) changes.Add($"node type {nodeType} -> {current}");
        }
        if (created.EngineVersion is { } version)
        {
            if (!sink.Require(Version().IsMatch(version), $"{at}.engineVersion", $"'{version}' is not an engine version such as 7.1"))
                return;
            if (Version().IsMatch(cache.EngineVersion) && Version(version) > Version(cache.EngineVersion))
                sink.Add($"{at}.engineVersion",
                    $"created with {version}, configured {cache.EngineVersion}: ElastiCache upgrades a Global Datastore's engine but never downgrades it");
            else if (version != cache.EngineVersion) changes.Add($"engine {version} -> {cache.EngineVersion}");
        }
        if (created.EvictionPolicy is { } policy)
        {
            if (!sink.Require(CacheConfig.EvictionPolicies.Contains(policy), $"{at}.evictionPolicy",
                    $"'{policy}' is not a maxmemory-policy ({string.Join(", ", CacheConfig.EvictionPolicies)})"))
                return;
            if (policy != cache.EvictionPolicy) changes.Add($"eviction {policy} -> {cache.EvictionPolicy}");
        }
        if (created.Parameters is not null) changes.Add("parameters");
        if (changes.Count > 0)
            sink.Warn(at,
                $"the primary member keeps what it was created with and the Global Datastore is moved by ModifyGlobalReplicationGroup ({string.Join(", ", changes)}); " +
                "a NEW environment deployed from this config would be created with the old values and stay there: remove createdWith for a new environment (README: Changing a Global Datastore)");
    }

    /// <summary>Every member of a Global Datastore must have the same node type and shard count (a secondary can be promoted).</summary>
    private static void ValidateCacheSizing(StackConfig c, DataConfig data, ProblemSink sink)
    {
        if (data.EffectiveCaches.Count == 0) return;
        var tiers = data.MemberRegions(c.Regions).Select(r => r.SizingTier).Distinct().Where(c.Sizing.ContainsKey).ToList();
        foreach (var t in tiers.Where(t => c.Sizing[t].Cache is null))
            sink.Add($"sizing.{t}.cache", $"missing: data.caches is set, so every region's sizing tier needs cache.nodeType and replicasPerShard");
        var sized = tiers.Where(t => c.Sizing[t].Cache is not null).Select(t => (Tier: t, Cache: c.Sizing[t].Cache!)).ToList();
        if (sized.Count == 0) return;
        // Compare with the primary region's tier: the message then names what the others should match.
        var primaryTier = c.Regions.FirstOrDefault(r => r.Role == RegionRole.Primary)?.SizingTier;
        var reference = sized.FirstOrDefault(s => s.Tier == primaryTier);
        if (reference.Cache is null) reference = sized[0];
        foreach (var (tier, cache) in sized)
        {
            var at = $"sizing.{tier}.cache";
            if (sink.Require(cache.NodeType.StartsWith("cache.", StringComparison.Ordinal), $"{at}.nodeType",
                    $"'{cache.NodeType}' is not an ElastiCache node type such as cache.r6g.large"))
                ValidateGlobalDatastoreNodeType($"{at}.nodeType", cache.NodeType, sink);
            if (tier != reference.Tier && cache.NodeType != reference.Cache.NodeType)
                sink.Add($"{at}.nodeType",
                    $"'{cache.NodeType}' differs from '{reference.Cache.NodeType}' (sizing.{reference.Tier}): every member of an ElastiCache Global Datastore must use the same node type, because any secondary can be promoted to primary; use '{reference.Cache.NodeType}' here or give every tier the same type");
            sink.Require(cache.Shards is >= 1 and <= 500, $"{at}.shards", $"{cache.Shards} is outside 1..500");
            if (tier != reference.Tier && cache.Shards != reference.Cache.Shards)
                sink.Add($"{at}.shards",
                    $"{cache.Shards} shard(s) differs from {reference.Cache.Shards} (sizing.{reference.Tier}): every member of an ElastiCache Global Datastore must have the same number of shards");
            sink.Require(cache.ReplicasPerShard >= 1, $"{at}.replicasPerShard",
                $"{cache.ReplicasPerShard}: Multi-AZ with automatic failover needs at least 1 replica per shard");
        }
    }

    /// <summary>Global Datastores accept only some node families, in size large and up (see <see cref="GlobalDatastoreNodeFamilies"/>).</summary>
    private static void ValidateGlobalDatastoreNodeType(string at, string nodeType, ProblemSink sink)
    {
        var match = CacheNodeType().Match(nodeType);
        if (match.Success && GlobalDatastoreNodeFamilies.Contains(match.Groups[1].Value)) return;
        sink.Add(at,
            $"'{nodeType}' cannot be a Global Datastore member: AWS accepts only the {string.Join(", ", GlobalDatastoreNodeFamilies.Select(f => f.ToUpperInvariant()))} families in size large and up " +
            "(no burstable t-types, no older generations); the smallest allowed is cache.m6g.large");
    }

    private static void ValidateBucket(StackConfig c, string name, BucketConfig bucket, ProblemSink sink)
    {
        var at = $"data.buckets.{name}";
        if (!sink.Require(StoreName().IsMatch(name), at, $"bucket name '{name}' must be 1-20 lower-case letters, digits or '-', starting with a letter"))
            return;
        var primary = c.Regions.FirstOrDefault(r => r.Role == RegionRole.Primary)?.Name;
        var regions = new[] { primary ?? "" }.Concat(bucket.EffectiveReplicas.Select(r => r.Region));
        foreach (var region in regions.Where(r => r.Length > 0))
        {
            var physical = DataNames.Bucket(c, name, region);
            if (physical.Length > 63)
            {
                sink.Add(at, $"bucket name '{physical}' (app-environment-name-region-account) is longer than S3's 63 characters; shorten the name");
                break;
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < bucket.EffectiveReplicas.Count; i++)
        {
            var replica = bucket.EffectiveReplicas[i];
            var rp = $"{at}.replicas[{i}]";
            if (!AwsRegions.All.Contains(replica.Region))
                sink.Add($"{rp}.region", $"unknown AWS region '{replica.Region}'{DidYouMean.Hint(replica.Region, AwsRegions.All)}");
            else if (replica.Region == primary)
                sink.Add($"{rp}.region", $"'{replica.Region}' is the primary region, where the bucket itself lives; a replica must be in another region");
            if (!seen.Add(replica.Region))
                sink.Add($"{rp}.region", $"'{replica.Region}' is listed twice");
            sink.Require(S3StorageClasses.Replication.Contains(replica.StorageClass), $"{rp}.storageClass",
                $"'{replica.StorageClass}' is not a replication storage class ({string.Join(", ", S3StorageClasses.Replication)}){DidYouMean.Hint(replica.StorageClass, S3StorageClasses.Replication)}");
        }

        if (bucket.RpoMinutes is { } rpo)
        {
            if (bucket.EffectiveReplicas.Count == 0)
                sink.Add($"{at}.rpoMinutes", "an RPO needs replicas: this bucket has none");
            sink.Require(rpo >= BucketConfig.ReplicationTimeControlMinutes, $"{at}.rpoMinutes",
                $"{rpo} min cannot be promised: S3 Replication Time Control replicates 99.99% of objects within {BucketConfig.ReplicationTimeControlMinutes} minutes, and nothing faster; use {BucketConfig.ReplicationTimeControlMinutes} or more");
        }

        var lifecycle = bucket.EffectiveLifecycle;
        for (var i = 0; i < lifecycle.Count; i++)
        {
            var t = lifecycle[i];
            var lp = $"{at}.lifecycle[{i}]";
            if (!S3StorageClasses.Transitions.Contains(t.StorageClass))
            {
                sink.Add($"{lp}.storageClass",
                    $"'{t.StorageClass}' is not a lifecycle transition class ({string.Join(", ", S3StorageClasses.Transitions)}){DidYouMean.Hint(t.StorageClass, S3StorageClasses.Transitions)}");
                continue;
            }
            sink.Require(t.AfterDays >= 0, $"{lp}.afterDays", $"{t.AfterDays} must not be negative");
            if (S3StorageClasses.IsInfrequentAccess(t.StorageClass))
                sink.Require(t.AfterDays >= S3StorageClasses.MinDaysBeforeInfrequentAccess, $"{lp}.afterDays",
                    $"{t.AfterDays} days: S3 moves objects to {t.StorageClass} only after at least {S3StorageClasses.MinDaysBeforeInfrequentAccess} days");
            if (i > 0 && S3StorageClasses.Transitions.Contains(lifecycle[i - 1].StorageClass))
            {
                var prev = lifecycle[i - 1];
                sink.Require(t.AfterDays > prev.AfterDays, $"{lp}.afterDays",
                    $"{t.AfterDays} days is not after the previous transition ({prev.AfterDays} days to {prev.StorageClass})");
                sink.Require(S3StorageClasses.Rank(t.StorageClass) > S3StorageClasses.Rank(prev.StorageClass), $"{lp}.storageClass",
                    $"{t.StorageClass} after {prev.StorageClass} goes against S3's transition order ({string.Join(" > ", S3StorageClasses.Transitions)})");
            }
        }
        if (bucket.NoncurrentVersionExpirationDays is { } nc)
            sink.Require(nc >= 1, $"{at}.noncurrentVersionExpirationDays", $"{nc} must be at least 1");
    }

    private static void ValidateBackup(StackConfig c, DataConfig data, BackupConfig backup, ProblemSink sink)
    {
        const string at = "data.backup";
        var primary = c.Regions.FirstOrDefault(r => r.Role == RegionRole.Primary)?.Name;
        if (!AwsRegions.All.Contains(backup.Region))
            sink.Add($"{at}.region", $"unknown AWS region '{backup.Region}'{DidYouMean.Hint(backup.Region, AwsRegions.All)}");
        else if (backup.Region == primary)
            sink.Add($"{at}.region", $"'{backup.Region}' is the primary region; a copy in the same region does not survive a regional outage");
        sink.Require(backup.RetentionDays >= 1, $"{at}.retentionDays", $"{backup.RetentionDays} must be at least 1");
        sink.Require(backup.CopyRetentionDays >= 1, $"{at}.copyRetentionDays", $"{backup.CopyRetentionDays} must be at least 1");
        sink.Require(BackupSchedule().IsMatch(backup.Schedule), $"{at}.schedule",
            $"'{backup.Schedule}' is not an AWS Backup schedule such as cron(0 5 * * ? *)");
        sink.Require(data.Database is not null || data.EffectiveBuckets.Count > 0, at,
            "nothing to back up: AWS Backup covers the database and buckets, and this config has neither (cache snapshots are set per cache)");
        if (c.ProtectData)
            sink.Require(backup.VaultLock != VaultLockMode.None, $"{at}.vaultLock",
                "'none' is not allowed when protectData is true: use governance or compliance so copies cannot be deleted early");
    }

    private static Version Version(string text)
    {
        var parts = text.Split('.').Select(p => int.TryParse(p, out var n) ? n : int.MaxValue).ToArray(); // no overflow on huge parts
        return parts.Length == 2 ? new Version(parts[0], parts[1]) : new Version(parts[0], parts[1], parts[2]);
    }
}
