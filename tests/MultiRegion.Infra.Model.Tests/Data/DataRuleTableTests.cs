namespace MultiRegion.Infra.Model.Tests.Data;

/// <summary>One row per remaining data rule: a one-line change to a valid config, where it is reported and what the message says.</summary>
public sealed class DataRuleTableTests
{
    private const string Valid = """
        database: { engineVersion: "16.4", databaseName: shop, passwordRotationDays: 30 }
        caches:
          sessions: { engineVersion: "7.1", evictionPolicy: volatile-ttl }
        buckets:
          media:
            replicas: [ { region: us-east-1, storageClass: STANDARD_IA }, { region: eu-west-1 } ]
            lifecycle: [ { afterDays: 30, storageClass: STANDARD_IA } ]
            noncurrentVersionExpirationDays: 30
        backup: { region: us-east-2, retentionDays: 7, copyRetentionDays: 30, vaultLock: governance }
        """;

    [Theory]
    [InlineData("engineVersion: \"16.4\"", "engineVersion: \"sixteen\"", "data.database.engineVersion", "not an Aurora PostgreSQL version")]
    [InlineData("databaseName: shop", "databaseName: 1shop", "data.database.databaseName", "must start with a letter")]
    [InlineData("databaseName: shop", "databaseName: shop, masterUsername: rdsadmin", "data.database.masterUsername", "reserved")]
    [InlineData("databaseName: shop", "databaseName: shop, backupRetentionDays: 90", "data.database.backupRetentionDays", "outside 1..35")]
    [InlineData("passwordRotationDays: 30", "passwordRotationDays: 0", "data.database.passwordRotationDays", "outside 1..1000")]
    [InlineData("  sessions: {", "  Sessions: {", "data.caches.Sessions", "lower-case")]
    [InlineData("engineVersion: \"7.1\"", "engineVersion: \"4.0\"", "data.caches.sessions.engineVersion", "5.0.6 or later")]
    [InlineData("engineVersion: \"7.1\", evictionPolicy", "engine: valkey, engineVersion: \"7.0\", evictionPolicy", "data.caches.sessions.engineVersion", "Valkey from 7.2")]
    [InlineData("evictionPolicy: volatile-ttl", "evictionPolicy: volatile-ttl, snapshotRetentionDays: 40", "data.caches.sessions.snapshotRetentionDays", "outside 0..35")]
    [InlineData("evictionPolicy: volatile-ttl", "evictionPolicy: volatile-ttl, parameters: { maxmemory-policy: noeviction }", "data.caches.sessions.parameters.maxmemory-policy", "evictionPolicy")]
    [InlineData("{ region: eu-west-1 }", "{ region: eu-wset-1 }", "data.buckets.media.replicas[1].region", "did you mean 'eu-west-1'")]
    [InlineData("{ region: eu-west-1 }", "{ region: us-east-1 }", "data.buckets.media.replicas[1].region", "listed twice")]
    [InlineData("{ afterDays: 30, storageClass: STANDARD_IA }", "{ afterDays: 30, storageClass: STANDARD }", "data.buckets.media.lifecycle[0].storageClass", "not a lifecycle transition class")]
    [InlineData("noncurrentVersionExpirationDays: 30", "noncurrentVersionExpirationDays: 0", "data.buckets.media.noncurrentVersionExpirationDays", "at least 1")]
    [InlineData("region: us-east-2", "region: us-east-9", "data.backup.region", "unknown AWS region")]
    [InlineData("retentionDays: 7, copy", "retentionDays: 0, copy", "data.backup.retentionDays", "at least 1")]
    [InlineData("copyRetentionDays: 30", "copyRetentionDays: 0", "data.backup.copyRetentionDays", "at least 1")]
    [InlineData("vaultLock: governance", "vaultLock: governance, schedule: daily", "data.backup.schedule", "not an AWS Backup schedule")]
    public void Data_rule_violations_are_reported_where_they_are(string from, string to, string path, string message)
    {
        var problems = DataYaml.Problems(DataYaml.TwoRegions(Valid.ReplaceOnce(from, to)));
        Assert.Contains(problems, p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("db.r5.large, readReplicas: 1 }\n    cache: { nodeType: cache.r6g.large, replicasPerShard: 1 }\n  secondary:", "r5.large, readReplicas: 1 }\n    cache: { nodeType: cache.r6g.large, replicasPerShard: 1 }\n  secondary:", "sizing.primary.database.instanceClass", "not an RDS instance class")]
    [InlineData("cache: { nodeType: cache.r6g.large, replicasPerShard: 1 }\n  secondary:", "cache: { nodeType: r6g.large, replicasPerShard: 1 }\n  secondary:", "sizing.primary.cache.nodeType", "not an ElastiCache node type")]
    [InlineData("replicasPerShard: 1 }\n  secondary:", "replicasPerShard: 1, shards: 0 }\n  secondary:", "sizing.primary.cache.shards", "outside 1..500")]
    [InlineData("    cache: { nodeType: cache.r6g.large, replicasPerShard: 1 }\n  secondary:", "  secondary:", "sizing.primary.cache", "needs cache.nodeType")]
    public void Sizing_needed_by_the_data_tier_is_checked(string from, string to, string path, string message)
    {
        var problems = DataYaml.Problems(DataYaml.TwoRegions(Valid).ReplaceOnce(from, to));
        Assert.Contains(problems, p => p.Path == path && p.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_global_database_with_more_than_five_secondaries_is_rejected()
    {
        var regions = string.Join("\n", new[] { "eu-west-1", "eu-west-2", "eu-west-3", "eu-central-1", "ap-southeast-1" }.Select((r, i) =>
            $"  - {{ name: {r}, role: tertiary, sizing: secondary, trafficWeight: 0, availabilityZones: [{r}a, {r}b], vpcCidr: 10.{10 + i}.0.0/16 }}"));
        var yaml = DataYaml.TwoRegions("database: { engineVersion: \"16.4\", databaseName: shop }")
            .ReplaceOnce("vpcCidr: 10.2.0.0/16 }", "vpcCidr: 10.2.0.0/16 }\n" + regions);
        Assert.Contains(DataYaml.Problems(yaml), p => p.Path == "data.database" && p.Message.Contains("at most 5", StringComparison.Ordinal));
    }
}
