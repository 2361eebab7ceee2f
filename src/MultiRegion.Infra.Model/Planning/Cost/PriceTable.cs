using System.Text.Json;

namespace MultiRegion.Infra.Model.Planning.Cost;

/// <summary>One list price with where it comes from: like an <c>AwsFact</c>, plus region and date.</summary>
/// <param name="Service">Price table service key (<c>ec2</c>, <c>aurora</c>, ...).</param>
/// <param name="Item">What is priced within the service (an instance type, <c>gateway-hour</c>, a storage class).</param>
/// <param name="Region">AWS region, <c>*</c> for the same price everywhere, <c>global</c> for global services.</param>
/// <param name="Unit">What one <paramref name="Value"/> buys (<c>instance-hour</c>, <c>GB-month</c>, ...).</param>
/// <param name="Seen">The date the number was seen at its source (ISO date).</param>
/// <param name="Basis"><c>stored-copy</c>, <c>recalled</c>, <c>derived</c>, <c>assumption</c> or <c>price-list-api</c> (see prices.json's <c>about</c>).</param>
public sealed record Price(string Service, string Item, string Region, string Unit, decimal Value, string Source, string Seen, string Basis, string? Note = null)
{
    /// <summary>How plan.md cites it: source, how it was read and when.</summary>
    public string Citation => $"{Source} [{Basis}, seen {Seen}]";
}

/// <summary>
/// The price table (<c>pricing/prices.json</c>, embedded in this assembly). Data, not code: <c>pricing/refresh</c>
/// rewrites it from the AWS Price List API. A lookup falls back from the region to <c>*</c>; anything else is
/// missing, and the estimate lists it as unpriced rather than guessing.
/// </summary>
public sealed class PriceTable
{
    private static readonly Lazy<PriceTable> Embedded = new(() =>
    {
        using var stream = typeof(PriceTable).Assembly.GetManifestResourceStream("prices.json")
            ?? throw new InvalidOperationException("prices.json is not embedded in MultiRegion.Infra.Model");
        return Parse(stream);
    });

    private readonly Dictionary<(string, string, string), Price> _prices;

    private PriceTable(IReadOnlyList<Price> prices, int hoursPerMonth)
    {
        Prices = prices;
        HoursPerMonth = hoursPerMonth;
        _prices = prices.ToDictionary(p => (p.Service, p.Item, p.Region));
    }

    /// <summary>The table shipped with the program.</summary>
    public static PriceTable Shipped => Embedded.Value;

    public IReadOnlyList<Price> Prices { get; }

    /// <summary>Hours in the estimate's month: 730 (365 x 24 / 12), as AWS's pricing calculator uses.</summary>
    public int HoursPerMonth { get; }

    public static PriceTable Parse(Stream json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var rows = root.GetProperty("prices").EnumerateArray().Select(r => new Price(
            r.GetProperty("service").GetString()!,
            r.GetProperty("item").GetString()!,
            r.GetProperty("region").GetString()!,
            r.GetProperty("unit").GetString()!,
            r.GetProperty("price").GetDecimal(),
            r.GetProperty("source").GetString()!,
            r.GetProperty("seen").GetString()!,
            r.GetProperty("basis").GetString()!,
            r.TryGetProperty("note", out var note) ? note.GetString() : null)).ToList();
        return new PriceTable(rows, root.GetProperty("hoursPerMonth").GetInt32());
    }

    /// <summary>The price of <paramref name="item"/> in <paramref name="region"/>, else the all-regions price, else null.</summary>
    public Price? Find(string service, string item, string region) =>
        _prices.GetValueOrDefault((service, item, region)) ?? _prices.GetValueOrDefault((service, item, "*"));
}
