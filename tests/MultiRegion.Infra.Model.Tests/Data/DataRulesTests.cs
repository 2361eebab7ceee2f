using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Loading;

namespace MultiRegion.Infra.Model.Tests.Data;

public sealed class DataRulesTests
{
    private const string Valid = """
        database: { engineVersion: "16.4", databaseName: shop }
        caches:
          sessions: { engineVersion: "7.1", evictionPolicy: volatile-ttl }
        buckets:
          media:
            rpoMinutes: 15
            replicas: [ { region: us-east-1, storageClass: STANDARD_IA } ]
            lifecycle: [ { afterDays: 30, storageClass: STANDARD_IA }, { afterDays: 90, storageClass: GLACIER } ]
        backup: { region: us-east-2, retentionDays: 7, copyRetentionDays: 30, vaultLock: governance }
        """;

    private static ConfigProblem Single(IReadOnlyList<ConfigProblem> problems, string path)
    {
        var matching = problems.Where(p => p.Path == path).ToList();
        Assert.True(matching.Count == 1, $"expected one problem at {path}, got: {string.Join(" | ", problems)}");
        return matching[0];
    }

    [Fact]
    public void A_valid_data_section_loads()
    {
        var c = DataYaml.Load(DataYaml.TwoRegions(Valid));
        Assert.Equal("16.4", c.Data!.Database!.EngineVersion);
        Assert.Equal("aurora-postgresql16", c.Data.Database.ParameterGroupFamily);
        Assert.Equal("redis7", c.Data.EffectiveCaches["sessions"].ParameterGroupFamily);
        Assert.True(c.Data.EffectiveBuckets["media"].ReplicationTimeControl);
        Assert.Equal(["us-east-1"], c.Data.ReplicaRegions);
    }

    [Fact]
    public void The_seeds_differing_cache_node_types_are_rejected_with_a_clear_message()
    {
        // The seed asks for cache.r6g.4xlarge / 2xlarge / large; the shipped config corrected it.
        var seed = DataYaml.Shipped("prod")
            .ReplaceOnce("cache: { nodeType: cache.r6g.4xlarge, replicasPerShard: 2 }", "cache: { nodeType: cache.r6g.2xlarge, replicasPerShard: 2 }")
            .ReplaceOnce("cache: { nodeType: cache.r6g.4xlarge, replicasPerShard: 1 }", "cache: { nodeType: cache.r6g.large, replicasPerShard: 1 }");
        var problems = DataYaml.Problems(seed);
        var secondary = Single(problems, "sizing.secondary.cache.nodeType");
        Assert.Contains("'cache.r6g.2xlarge' differs from 'cache.r6g.4xlarge' (sizing.primary)", secondary.Message);
        Assert.Contains("same node type", secondary.Message);
        Assert.NotNull(secondary.Line);
        Assert.Contains("'cache.r6g.large'", Single(problems, "sizing.tertiary.cache.nodeType").Message);
    }

    [Theory]
    [InlineData("cache.t4g.small")]   // burstable: dev.yaml shipped this and AWS refuses it
    [InlineData("cache.t3.medium")]
    [InlineData("cache.r4.large")]    // older generation
    [InlineData("cache.m6g.medium")]  // allowed family, below large
    public void Global_datastore_members_on_a_node_type_aws_refuses_are_rejected(string nodeType)
    {
        var problems = DataYaml.Problems(DataYaml.TwoRegions(Valid, cache: $"{{ nodeType: {nodeType}, replicasPerShard: 1 }}"));
        // The instance-family table may refuse the type too (an unknown family or size); this rule names the families.
        var problem = Assert.Single(problems, p => p.Path == "sizing.primary.cache.nodeType" && p.Message.Contains("Global Datastore member"));
        Assert.Contains($"'{nodeType}' cannot be a Global Datastore member", problem.Message);
        Assert.Contains("M5, M6G, M7G, R5, R6G, R6GD, R7G, C7GN", problem.Message);
        Assert.Contains("cache.m6g.large", problem.Message);
    }

    [Theory]
    [InlineData("cache.m6g.large")]
    [InlineData("cache.r6gd.xlarge")]
    [InlineData("cache.r7g.16xlarge")]
    [InlineData("cache.c7gn.large")]
    public void Global_datastore_members_on_an_allowed_family_of_size_large_and_up_load(string nodeType) =>
        Assert.Equal(nodeType, DataYaml.Load(DataYaml.TwoRegions(Valid, cache: $"{{ nodeType: {nodeType}, replicasPerShard: 1 }}")).Sizing["primary"].Cache!.NodeType);

    [Fact]
    public void Cache_auth_tokens_rotate_every_30_days_unless_configured()
    {
        Assert.Equal(30, DataYaml.Load(DataYaml.TwoRegions(Valid)).Data!.EffectiveCaches["sessions"].AuthTokenRotationDays);
        var yaml = DataYaml.TwoRegions(Valid).ReplaceOnce("evictionPolicy: volatile-ttl }", "evictionPolicy: volatile-ttl, authTokenRotationDays: 0 }");
        Assert.Contains("outside 1..1000", Single(DataYaml.Problems(yaml), "data.caches.sessions.authTokenRotationDays").Message);
    }

    [Fact]
    public void A_global_datastore_change_through_created_with_loads_with_a_rollout_warning()
    {
        var yaml = DataYaml.TwoRegions(Valid.Replace("""sessions: { engineVersion: "7.1", evictionPolicy: volatile-ttl }""",
            """sessions: { engineVersion: "7.1", evictionPolicy: volatile-ttl, createdWith: { nodeType: cache.r6g.xlarge, engineVersion: "6.2", evictionPolicy: allkeys-lru } }""",
            StringComparison.Ordinal));
        var c = DataYaml.Load(yaml);
        var warning = Assert.Single(c.Warnings, w => w.Path == "data.caches.sessions.createdWith");
        Assert.Contains("node type cache.r6g.xlarge -> cache.r6g.large, engine 6.2 -> 7.1, eviction allkeys-lru -> volatile-ttl", warning.Message);
        Assert.Contains("ModifyGlobalReplicationGroup", warning.Message);
        Assert.Contains("NEW environment", warning.Message);
        Assert.Equal("6.2", c.Data!.EffectiveCaches["sessions"].CreatedEngineVersion);
        Assert.Equal("redis6", c.Data.EffectiveCaches["sessions"].CreatedParameterGroupFamily);
    }

    [Fact]
    public void A_global_datastore_cannot_be_downgraded_through_created_with()
    {
        var yaml = DataYaml.TwoRegions(Valid).ReplaceOnce("evictionPolicy: volatile-ttl }", """evictionPolicy: volatile-ttl, createdWith: { engineVersion: "7.2" } }""");
        Assert.Contains("never downgrades", Single(DataYaml.Problems(yaml), "data.caches.sessions.createdWith.engineVersion").Message);
    }

    [Fact]
    public void A_shipped_config_without_created_with_has_no_rollout_warning() =>
        Assert.DoesNotContain(DataYaml.Load(DataYaml.Shipped("prod")).Warnings, w => w.Path.Contains("createdWith", StringComparison.Ordinal));

    [Fact]
    public void Differing_shard_counts_are_rejected()
    {
        var yaml = DataYaml.TwoRegions(Valid).ReplaceOnce(
            "    cache: { nodeType: cache.r6g.large, replicasPerShard: 1 }\n  secondary:",
            "    cache: { nodeType: cache.r6g.large, replicasPerShard: 1, shards: 3 }\n  secondary:");
        Assert.Contains("same number of shards", Single(DataYaml.Problems(yaml), "sizing.secondary.cache.shards").Message);
    }

    [Fact]
    public void A_global_datastore_with_more_than_two_secondary_regions_is_rejected()
    {
        var yaml = DataYaml.Shipped("videochat").ReplaceOnce(
            "    vpcCidr: 10.60.0.0/16",
            "    vpcCidr: 10.60.0.0/16\n  - name: eu-central-1\n    role: tertiary\n    sizing: secondary\n    trafficWeight: 0\n    availabilityZones: [eu-central-1a, eu-central-1b]\n    vpcCidr: 10.70.0.0/16");
        var problem = Single(DataYaml.Problems(yaml), "data.caches.state");
        Assert.Contains("3 secondary regions", problem.Message);
        Assert.Contains("at most 2", problem.Message);
    }

    [Fact]
    public void A_cache_member_without_a_replica_cannot_be_multi_az()
    {
        var yaml = DataYaml.TwoRegions(Valid, cache: "{ nodeType: cache.r6g.large, replicasPerShard: 0 }");
        Assert.Contains("Multi-AZ", Single(DataYaml.Problems(yaml), "sizing.primary.cache.replicasPerShard").Message);
    }

    [Fact]
    public void Unknown_eviction_policies_are_rejected_with_a_suggestion()
    {
        var yaml = DataYaml.TwoRegions(Valid.ReplaceOnce("volatile-ttl", "allkeys-lur"));
        Assert.Contains("did you mean 'allkeys-lru'", Single(DataYaml.Problems(yaml), "data.caches.sessions.evictionPolicy").Message);
    }

    [Fact]
    public void An_rpo_cap_below_what_aurora_accepts_is_rejected()
    {
        var yaml = DataYaml.TwoRegions(Valid.ReplaceOnce("databaseName: shop", "databaseName: shop, rpoCapSeconds: 1"));
        Assert.Contains("rds.global_db_rpo", Single(DataYaml.Problems(yaml), "data.database.rpoCapSeconds").Message);
    }

    [Fact]
    public void A_database_needs_database_sizing_in_every_region()
    {
        var yaml = DataYaml.TwoRegions(Valid).ReplaceOnce(
            "    database: { instanceClass: db.r5.large, readReplicas: 1 }\n    cache: { nodeType: cache.r6g.large, replicasPerShard: 1 }\n  secondary:",
            "    cache: { nodeType: cache.r6g.large, replicasPerShard: 1 }\n  secondary:");
        Assert.Contains("us-west-2", Single(DataYaml.Problems(yaml), "sizing.primary.database").Message);
    }

    [Fact]
    public void A_bucket_rpo_faster_than_replication_time_control_is_rejected()
    {
        var yaml = DataYaml.TwoRegions(Valid.ReplaceOnce("rpoMinutes: 15", "rpoMinutes: 1"));
        Assert.Contains("99.99% of objects within 15 minutes", Single(DataYaml.Problems(yaml), "data.buckets.media.rpoMinutes").Message);
    }

    [Fact]
    public void A_bucket_rpo_without_replicas_is_rejected()
    {
        var yaml = DataYaml.TwoRegions(Valid.ReplaceOnce("replicas: [ { region: us-east-1, storageClass: STANDARD_IA } ]", "replicas: []"));
        Assert.Contains("needs replicas", Single(DataYaml.Problems(yaml), "data.buckets.media.rpoMinutes").Message);
    }

    [Fact]
    public void Replicas_must_go_to_another_region_with_a_real_storage_class()
    {
        var yaml = DataYaml.TwoRegions(Valid.ReplaceOnce("{ region: us-east-1, storageClass: STANDARD_IA }", "{ region: us-west-2, storageClass: STANDARD_AI }"));
        var problems = DataYaml.Problems(yaml);
        Assert.Contains("primary region", Single(problems, "data.buckets.media.replicas[0].region").Message);
        Assert.Contains("did you mean 'STANDARD_IA'", Single(problems, "data.buckets.media.replicas[0].storageClass").Message);
    }

    [Fact]
    public void Infrequent_access_transitions_before_30_days_are_rejected()
    {
        var yaml = DataYaml.TwoRegions(Valid.ReplaceOnce("{ afterDays: 30, storageClass: STANDARD_IA }", "{ afterDays: 10, storageClass: STANDARD_IA }"));
        Assert.Contains("at least 30 days", Single(DataYaml.Problems(yaml), "data.buckets.media.lifecycle[0].afterDays").Message);
    }

    [Fact]
    public void Lifecycle_transitions_must_go_colder_and_later()
    {
        var yaml = DataYaml.TwoRegions(Valid.ReplaceOnce(
            "[ { afterDays: 30, storageClass: STANDARD_IA }, { afterDays: 90, storageClass: GLACIER } ]",
            "[ { afterDays: 90, storageClass: GLACIER }, { afterDays: 60, storageClass: STANDARD_IA } ]"));
        var problems = DataYaml.Problems(yaml);
        Assert.Contains("not after the previous transition", Single(problems, "data.buckets.media.lifecycle[1].afterDays").Message);
        Assert.Contains("transition order", Single(problems, "data.buckets.media.lifecycle[1].storageClass").Message);
    }

    [Fact]
    public void Bucket_names_that_exceed_s3s_limit_are_rejected()
    {
        var yaml = DataYaml.TwoRegions(Valid.ReplaceOnce("  media:", "  media-and-more-media:"))
            .ReplaceOnce("environment: test", "environment: integration-testing");
        var problem = Single(DataYaml.Problems(yaml), "data.buckets.media-and-more-media");
        Assert.Contains("shop-integration-testing-media-and-more-media-us-west-2-123456789012", problem.Message);
        Assert.Contains("63 characters", problem.Message);
    }

    [Fact]
    public void A_backup_copy_in_the_primary_region_is_rejected()
    {
        var yaml = DataYaml.TwoRegions(Valid.ReplaceOnce("region: us-east-2", "region: us-west-2"));
        Assert.Contains("regional outage", Single(DataYaml.Problems(yaml), "data.backup.region").Message);
    }

    [Fact]
    public void Protected_data_needs_a_vault_lock()
    {
        var yaml = DataYaml.TwoRegions(Valid.ReplaceOnce("vaultLock: governance", "vaultLock: none"));
        Assert.Contains("protectData", Single(DataYaml.Problems(yaml), "data.backup.vaultLock").Message);
        DataYaml.Load(DataYaml.TwoRegions(Valid.ReplaceOnce("vaultLock: governance", "vaultLock: none"), protectData: false));
    }

    [Fact]
    public void A_backup_with_nothing_to_back_up_is_rejected()
    {
        var yaml = DataYaml.TwoRegions("""
            caches:
              sessions: { engineVersion: "7.1", evictionPolicy: volatile-ttl }
            backup: { region: us-east-2, retentionDays: 7, copyRetentionDays: 30, vaultLock: governance }
            """);
        Assert.Contains("nothing to back up", Single(DataYaml.Problems(yaml), "data.backup").Message);
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("videochat")]
    [InlineData("dev")]
    public void Shipped_configs_pass_the_data_rules(string name)
    {
        var c = DataYaml.Load(DataYaml.Shipped(name));
        Assert.NotNull(c.Data);
    }

    [Fact]
    public void Prod_carries_the_seeds_data_numbers()
    {
        var d = DataYaml.Load(DataYaml.Shipped("prod")).Data!;
        Assert.Equal(30, d.Database!.BackupRetentionDays);
        Assert.Equal(20, d.Database.RpoCapSeconds);
        Assert.Equal("allkeys-lru", d.EffectiveCaches["models"].EvictionPolicy);
        Assert.Equal("allkeys-lfu", d.EffectiveCaches["features"].EvictionPolicy);
        Assert.Equal(["data", "models", "artifacts"], d.EffectiveBuckets.Keys.ToList());
        Assert.Equal([("us-east-1", "STANDARD_IA"), ("eu-west-1", "GLACIER")], d.EffectiveBuckets["data"].EffectiveReplicas.Select(r => (r.Region, r.StorageClass)));
        Assert.Equal([("us-east-1", "STANDARD")], d.EffectiveBuckets["artifacts"].EffectiveReplicas.Select(r => (r.Region, r.StorageClass)));
        Assert.Equal([(30, "STANDARD_IA"), (90, "GLACIER"), (365, "DEEP_ARCHIVE")], d.EffectiveBuckets["data"].EffectiveLifecycle.Select(t => (t.AfterDays, t.StorageClass)));
        Assert.Equal(("us-east-2", 90), (d.Backup!.Region, d.Backup.CopyRetentionDays));
        Assert.Null(DataYaml.Load(DataYaml.Shipped("videochat")).Data!.Database);
    }
}
