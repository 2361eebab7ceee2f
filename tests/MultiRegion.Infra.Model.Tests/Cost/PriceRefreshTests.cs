using System.Diagnostics;
using System.Text.Json;

namespace MultiRegion.Infra.Model.Tests.Cost;

/// <summary>
/// pricing/refresh against a small offer file in the Price List API's bulk format (Fixtures/, trimmed by hand, not a
/// download): no network. Needs python3 on the PATH, like the CI image.
/// </summary>
public sealed class PriceRefreshTests : IDisposable
{
    private static readonly string Root = FindRoot();
    private static readonly string Offer = Path.Combine(Root, "tests", "MultiRegion.Infra.Model.Tests", "Cost", "Fixtures", "AmazonEC2-us-east-1.offer.json");
    private readonly string _table = Path.Combine(Path.GetTempPath(), $"prices-{Guid.NewGuid():N}.json");

    public PriceRefreshTests() => File.Copy(Path.Combine(Root, "pricing", "prices.json"), _table);

    public void Dispose() => File.Delete(_table);

    private (int Code, string Output) Refresh(params string[] extra)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Root };
        foreach (var a in new[] { Path.Combine(Root, "pricing", "refresh"), "--offer", Offer, "--table", _table, "--date", "2026-11-23" }.Concat(extra))
            start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output);
    }

    private JsonElement Row(string item, string region) =>
        JsonDocument.Parse(File.ReadAllText(_table)).RootElement.GetProperty("prices").EnumerateArray()
            .Single(r => r.GetProperty("service").GetString() == "ec2" && r.GetProperty("item").GetString() == item && r.GetProperty("region").GetString() == region);

    [Fact]
    public void Matching_rows_take_the_offer_price_and_name_it_as_their_source()
    {
        var (code, output) = Refresh();
        Assert.True(code == 0, output);
        Assert.Contains("changed: ec2 p3.2xlarge us-east-1: 3.06 -> 3.1", output);

        var p3 = Row("p3.2xlarge", "us-east-1");
        Assert.Equal(3.1m, p3.GetProperty("price").GetDecimal());
        Assert.Equal("price-list-api", p3.GetProperty("basis").GetString());
        Assert.Equal("2026-11-23", p3.GetProperty("seen").GetString());
        Assert.StartsWith("https://pricing.us-east-1.amazonaws.com/offers/v1.0/aws/AmazonEC2/current/us-east-1/index.json", p3.GetProperty("source").GetString());

        // Linux, shared tenancy, no pre-installed software, used capacity: the Windows and SQL SKUs are not taken.
        Assert.Equal(0.34m, Row("c5.2xlarge", "us-east-1").GetProperty("price").GetDecimal());
        Assert.Contains("SKUC52XLLINUX0001", Row("c5.2xlarge", "us-east-1").GetProperty("source").GetString());
    }

    [Fact]
    public void Rows_the_offer_does_not_cover_are_left_alone_and_listed()
    {
        var (code, output) = Refresh();
        Assert.True(code == 0, output);
        var west = Row("c5.2xlarge", "us-west-2");
        Assert.NotEqual("price-list-api", west.GetProperty("basis").GetString());
        Assert.Equal("2026-11-22", west.GetProperty("seen").GetString());
        Assert.Contains("not refreshed: ec2 m5.4xlarge us-east-1: no SKU matches", output);
        Assert.Contains("not refreshed: ec2 c5.2xlarge us-west-2: no AmazonEC2 offer file for us-west-2", output);
    }

    [Fact]
    public void Check_mode_writes_nothing_and_fails_when_a_price_would_change()
    {
        var before = File.ReadAllText(_table);
        var (code, output) = Refresh("--check");
        Assert.Equal(1, code);
        Assert.Contains("changed: ec2 p3.2xlarge us-east-1", output);
        Assert.Equal(before, File.ReadAllText(_table));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MultiRegion.Infra.sln")))
                return dir.FullName;
        throw new InvalidOperationException("repository root not found");
    }
}
