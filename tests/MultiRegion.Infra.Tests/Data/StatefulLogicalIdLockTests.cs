using MultiRegion.Infra.Tests.Support;

namespace MultiRegion.Infra.Tests.Data;

/// <summary>
/// Stateful resources keep their logical ids: the committed lock lists them per shipped config and stack, and any
/// difference fails here. Set UPDATE_STATEFUL_LOCK=1 to rewrite the lock deliberately.
/// </summary>
public sealed class StatefulLogicalIdLockTests
{
    [Fact]
    public void Stateful_logical_ids_match_the_committed_lock()
    {
        var current = StatefulLock.Configs.ToDictionary(c => c, c => StatefulLock.Current(SynthesizedPlatform.Shipped(c)), StringComparer.Ordinal);
        if (Environment.GetEnvironmentVariable(StatefulLock.UpdateVariable) == "1")
        {
            StatefulLock.Write(current);
            return;
        }

        var locked = StatefulLock.Read();
        Assert.True(locked.Count > 0, $"{StatefulLock.FileName} is missing or empty. {StatefulLock.HowToUpdate}");
        var problems = StatefulLock.Configs
            .SelectMany(c => StatefulLock.Compare(c, locked.GetValueOrDefault(c) ?? new(), current[c]))
            .ToList();
        Assert.True(problems.Count == 0,
            $"Stateful logical ids differ from {StatefulLock.FileName}:\n  {string.Join("\n  ", problems)}\n{StatefulLock.HowToUpdate}");
    }

    [Fact]
    public void The_lock_covers_every_data_store_of_prod()
    {
        var prod = StatefulLock.Read()["prod"];
        var all = prod.Values.SelectMany(ids => ids.Values).ToList();
        Assert.Equal(1, all.Count(t => t == "AWS::RDS::GlobalCluster"));
        Assert.Equal(3, all.Count(t => t == "AWS::RDS::DBCluster"));
        Assert.Equal(2, all.Count(t => t == "AWS::ElastiCache::GlobalReplicationGroup"));
        Assert.Equal(6, all.Count(t => t == "AWS::ElastiCache::ReplicationGroup"));
        // 3 primary buckets + 5 replicas, the global stack's CloudFront access-log bucket,
        // the audit trail's bucket and an access-log bucket per region.
        Assert.Equal(13, all.Count(t => t == "AWS::S3::Bucket"));
        // A backup vault per region (every region backs up its own members) and the us-east-2 copy vault.
        Assert.Equal(4, all.Count(t => t == "AWS::Backup::BackupVault"));
    }

    [Fact]
    public void A_renamed_stateful_construct_fails_the_check_in_both_directions()
    {
        var current = StatefulLock.Current(SynthesizedPlatform.Shipped("prod"));
        var stack = "mlops-prod-us-west-2";
        var cluster = current[stack].First(kv => kv.Value == "AWS::RDS::DBCluster").Key;

        // A refactor that moves the cluster under another construct gives it a new logical id.
        var renamed = current.ToDictionary(kv => kv.Key, kv => new SortedDictionary<string, string>(kv.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        renamed[stack].Remove(cluster);
        renamed[stack]["DataAuroraClusterABCD1234"] = "AWS::RDS::DBCluster";

        var problems = StatefulLock.Compare("prod", current, renamed);
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.Contains($"'{cluster}' is locked but no longer in the template", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'DataAuroraClusterABCD1234' is new and not in the lock", StringComparison.Ordinal));
        Assert.Empty(StatefulLock.Compare("prod", current, current));
        Assert.Contains("UPDATE_STATEFUL_LOCK=1", StatefulLock.HowToUpdate);
    }
}
