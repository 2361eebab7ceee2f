using MultiRegion.Infra.Model.Config;

namespace MultiRegion.Infra.Model.Planning;

/// <summary>Names the audit constructs use, derived from the config like <see cref="DataNames"/>.</summary>
public static class AuditNames
{
    /// <summary>The multi-region trail (one per account is enough; its home is the primary region).</summary>
    public static string Trail(StackConfig c) => $"{c.Prefix}-audit";

    /// <summary>KMS alias of the key that encrypts the trail's log and digest files.</summary>
    public static string TrailKeyAlias(StackConfig c) => $"alias/{c.Prefix}/audit";

    /// <summary>
    /// Every data-tier bucket whose object reads and writes the trail records: each configured bucket in the
    /// primary region and each of its replicas (a multi-region trail records data events in every region).
    /// </summary>
    public static IReadOnlyList<string> DataEventBuckets(StackConfig c)
    {
        if (c.Data is not { } data) return [];
        var primary = c.PrimaryRegion.Name;
        return data.EffectiveBuckets
            .SelectMany(kv => new[] { DataNames.Bucket(c, kv.Key, primary) }
                .Concat(kv.Value.EffectiveReplicas.Select(r => DataNames.Bucket(c, kv.Key, r.Region))))
            .ToList();
    }
}
