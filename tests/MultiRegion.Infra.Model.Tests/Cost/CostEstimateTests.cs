using System.Text.Json;
using MultiRegion.Infra.Model.Planning.Cost;
using MultiRegion.Infra.Model.Tests.Edge;

namespace MultiRegion.Infra.Model.Tests.Cost;

public sealed class CostEstimateTests
{
    private static PlanCost Plan(string name) => CostSection.Of(ShippedConfigs.Load(name));

    [Theory]
    [InlineData("prod")]
    [InlineData("videochat")]
    [InlineData("dev")]
    public void Lines_add_up_to_the_region_service_and_plan_totals_at_every_size(string name)
    {
        var plan = Plan(name);
        Assert.NotEmpty(plan.Lines);
        foreach (var size in new Func<PlanCostRange, decimal>[] { r => r.Min, r => r.Desired, r => r.Max })
        {
            Assert.Equal(size(plan.Total), plan.Lines.Sum(l => size(l.Monthly)));
            Assert.Equal(size(plan.Total), plan.Regions.Sum(r => size(r.Monthly)));
            Assert.Equal(size(plan.Total), plan.Services.Sum(s => size(s.Monthly)));
            foreach (var r in plan.Regions)
                Assert.Equal(size(r.Monthly), plan.Lines.Where(l => l.Region == r.Region).Sum(l => size(l.Monthly)));
            foreach (var s in plan.Services)
                Assert.Equal(size(s.Monthly), plan.Lines.Where(l => l.Service == s.Service).Sum(l => size(l.Monthly)));
        }
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("videochat")]
    [InlineData("dev")]
    public void Every_price_a_shipped_config_needs_is_in_the_table_with_its_source(string name)
    {
        var plan = Plan(name);
        Assert.Empty(plan.Unpriced);
        Assert.All(plan.Lines, l => Assert.Matches(@"\[(stored-copy|recalled|derived|assumption|price-list-api)(; .*)?, seen \d{4}-\d{2}-\d{2}\]", l.Source));
    }

    [Theory]
    [InlineData("prod")]
    [InlineData("videochat")]
    public void Only_node_groups_change_between_min_desired_and_max(string name)
    {
        foreach (var l in Plan(name).Lines)
        {
            Assert.True(l.Monthly.Min <= l.Monthly.Desired && l.Monthly.Desired <= l.Monthly.Max, $"{l.Item}: {l.Monthly}");
            if (l.Service is not ("EC2" or "EBS"))
                Assert.True(l.Monthly.Min == l.Monthly.Max, $"{l.Service} {l.Item} changes with node counts");
        }
    }

    [Fact]
    public void A_spot_group_is_priced_at_its_first_type_less_the_assumed_discount()
    {
        var lines = Plan("prod").Lines.Where(l => l.Region == "us-west-2" && l.Item.StartsWith("cpu ", StringComparison.Ordinal)).ToList();
        var onDemand = Assert.Single(lines, l => l.Item == "cpu on-demand c5.2xlarge");
        var spot = Assert.Single(lines, l => l.Item.StartsWith("cpu spot", StringComparison.Ordinal));
        var discount = PriceTable.Shipped.Find("ec2", "spot-discount", "us-west-2")!.Value;
        Assert.Equal(Math.Round(onDemand.UnitPrice * (1 - discount), 4), spot.UnitPrice);
        // 50% spot of 10 desired nodes: 5 each, at 730 h.
        Assert.Equal(5 * 730 * onDemand.UnitPrice, onDemand.Monthly.Desired);
        Assert.Equal(5 * 730 * spot.UnitPrice, spot.Monthly.Desired);
    }

    [Fact]
    public void Usage_lines_come_from_the_stated_assumptions()
    {
        var plan = Plan("prod");
        var cdn = Assert.Single(plan.Lines, l => l.Service == "CloudFront" && l.Item == "data out");
        Assert.True(cdn.Usage);
        Assert.Equal(6000 * cdn.UnitPrice, cdn.Monthly.Desired);
        Assert.Contains(plan.Assumptions, a => a.Setting == "cost.assumptions.cdnGbPerMonth" && a.Value == "6000 GB");
    }

    [Fact]
    public void The_plan_shows_the_seeds_figures_beside_the_estimate()
    {
        var plan = Plan("prod");
        Assert.Equal(new(21000, 33000), plan.SeedTotal);
        Assert.Equal(new(12000, 18000), Assert.Single(plan.Regions, r => r.Region == "us-west-2").Seed);
        Assert.Equal(new(1000, 2000), Assert.Single(plan.Regions, r => r.Region == "global").Seed);
        Assert.Equal(new(500, 1000), Assert.Single(plan.Services, s => s.Service == "CloudFront").Seed);
        Assert.All(plan.Lines, l => Assert.Contains(l.Service, CostPlanner.ServiceNames));
    }

    [Fact]
    public void The_cost_per_user_is_the_desired_total_over_the_stated_users()
    {
        var plan = Plan("videochat");
        Assert.Equal(500, plan.ActiveUsers);
        Assert.Equal(Math.Round(plan.Total.Desired / 500, 2), plan.PerUserDesired);
        Assert.Null(Plan("prod").PerUserDesired);
    }

    [Fact]
    public void Every_row_of_the_price_table_names_its_source_date_and_basis()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot(), "pricing", "prices.json")));
        var keys = new HashSet<string>();
        foreach (var row in doc.RootElement.GetProperty("prices").EnumerateArray())
        {
            var key = $"{row.GetProperty("service")}/{row.GetProperty("item")}/{row.GetProperty("region")}";
            Assert.True(keys.Add(key), $"{key} is listed twice");
            Assert.False(string.IsNullOrWhiteSpace(row.GetProperty("source").GetString()), key);
            Assert.True(DateOnly.TryParseExact(row.GetProperty("seen").GetString(), "yyyy-MM-dd", out _), $"{key}: seen is not a date");
            Assert.Contains(row.GetProperty("basis").GetString(), new[] { "stored-copy", "recalled", "derived", "assumption", "price-list-api" });
            Assert.True(row.GetProperty("price").GetDecimal() >= 0, key);
        }
        Assert.Equal(keys.Count, PriceTable.Shipped.Prices.Count);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MultiRegion.Infra.sln")))
                return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
