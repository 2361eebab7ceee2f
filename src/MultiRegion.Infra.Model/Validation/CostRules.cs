using System.Text.RegularExpressions;
using MultiRegion.Infra.Model.Config;
using MultiRegion.Infra.Model.Loading;

namespace MultiRegion.Infra.Model.Validation;

/// <summary>Shape rules of the <c>cost</c> section and the budget objectives. Whether a budget holds is checked after, by <c>BudgetObjective</c>.</summary>
internal static partial class CostRules
{
    public static void Validate(StackConfig c, ProblemSink sink)
    {
        var regions = c.Regions.Select(r => r.Name).ToList();
        if (c.Objectives is { } o)
        {
            if (o.MonthlyBudgetUsd is { } budget)
                sink.Require(budget > 0, "objectives.monthlyBudgetUsd", $"{budget} must be a positive number of US dollars");
            foreach (var (region, amount) in o.RegionMonthlyBudgetUsd ?? new Dictionary<string, decimal>())
            {
                if (!regions.Contains(region))
                    sink.Add($"objectives.regionMonthlyBudgetUsd.{region}", $"'{region}' is not a region of this config{DidYouMean.Hint(region, regions)}");
                sink.Require(amount > 0, $"objectives.regionMonthlyBudgetUsd.{region}", $"{amount} must be a positive number of US dollars");
            }
            if (o.MonthlyBudgetPerUserUsd is { } perUser)
            {
                sink.Require(perUser > 0, "objectives.monthlyBudgetPerUserUsd", $"{perUser} must be a positive number of US dollars");
                sink.Require(c.Cost?.Assumptions?.ActiveUsers is > 0, "objectives.monthlyBudgetPerUserUsd",
                    "a cost per user needs the number of users: set cost.assumptions.activeUsers");
            }
        }
        if (c.Cost is not { } cost) return;

        sink.Require(cost.AnomalyThresholdUsd > 0, "cost.anomalyThresholdUsd", $"{cost.AnomalyThresholdUsd} must be a positive number of US dollars");

        if (cost.Assumptions is { } a)
        {
            const string at = "cost.assumptions";
            foreach (var (name, value) in new (string, decimal)[]
                     {
                         ("cdnGbPerMonth", a.CdnGbPerMonth), ("cdnRequestsMillions", a.CdnRequestsMillions), ("wafRequestsMillions", a.WafRequestsMillions),
                         ("natGbPerMonth", a.NatGbPerMonth), ("albLcuPerRegion", a.AlbLcuPerRegion), ("databaseStorageGb", a.DatabaseStorageGb),
                         ("databaseIoMillions", a.DatabaseIoMillions), ("databaseWriteIoMillions", a.DatabaseWriteIoMillions),
                         ("acceleratorGbPerMonth", a.AcceleratorGbPerMonth), ("logsGbPerRegion", a.LogsGbPerRegion), ("backupGb", a.BackupGb),
                     })
                sink.Require(value >= 0, $"{at}.{name}", $"{value} must not be negative");
            sink.Require(a.DatabaseWriteIoMillions <= a.DatabaseIoMillions, $"{at}.databaseWriteIoMillions",
                $"{a.DatabaseWriteIoMillions} M writes is more than databaseIoMillions ({a.DatabaseIoMillions} M), which includes them");
            sink.Require(a.BucketChangePercent is >= 0 and <= 100, $"{at}.bucketChangePercent", $"{a.BucketChangePercent} is not a percentage between 0 and 100");
            sink.Require(a.NodeDiskGb > 0, $"{at}.nodeDiskGb", $"{a.NodeDiskGb} must be positive");
            if (a.ActiveUsers is { } users)
                sink.Require(users > 0, $"{at}.activeUsers", $"{users} must be positive");
            var buckets = c.Data?.EffectiveBuckets.Keys.ToList() ?? [];
            foreach (var (bucket, gb) in a.EffectiveBucketGb)
            {
                if (!buckets.Contains(bucket))
                    sink.Add($"{at}.bucketGb.{bucket}", $"'{bucket}' is not a bucket of data.buckets{DidYouMean.Hint(bucket, buckets)}");
                sink.Require(gb >= 0, $"{at}.bucketGb.{bucket}", $"{gb} must not be negative");
            }
        }

        if (cost.Reference is { } seed)
        {
            sink.Require(!string.IsNullOrWhiteSpace(seed.Source), "cost.reference.source", "name the document the figures come from");
            Range(sink, "cost.reference.total", seed.Total);
            if (seed.Global is { } g) Range(sink, "cost.reference.global", g);
            foreach (var (region, range) in seed.Regions ?? new Dictionary<string, UsdRange>())
            {
                if (!regions.Contains(region))
                    sink.Add($"cost.reference.regions.{region}", $"'{region}' is not a region of this config{DidYouMean.Hint(region, regions)}");
                Range(sink, $"cost.reference.regions.{region}", range);
            }
            var services = Planning.Cost.CostPlanner.ServiceNames;
            foreach (var (service, range) in seed.Services ?? new Dictionary<string, UsdRange>())
            {
                if (!services.Contains(service))
                    sink.Add($"cost.reference.services.{service}", $"'{service}' is not a service of the estimate ({string.Join(", ", services)}){DidYouMean.Hint(service, services)}");
                Range(sink, $"cost.reference.services.{service}", range);
            }
        }
    }

    private static void Range(ProblemSink sink, string path, UsdRange r) =>
        sink.Require(r.Low >= 0 && r.Low <= r.High, path, $"low {r.Low} and high {r.High} must satisfy 0 <= low <= high");
}
