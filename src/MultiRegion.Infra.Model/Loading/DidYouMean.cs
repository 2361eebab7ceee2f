namespace MultiRegion.Infra.Model.Loading;

/// <summary>Suggests the closest known name for a misspelt one (edit distance).</summary>
public static class DidYouMean
{
    public static string? Suggest(string given, IEnumerable<string> known)
    {
        // Far longer than every name: not a typo, and the edit distance would cost length x length.
        var names = known.ToList();
        if (names.Count == 0 || given.Length > 2 * names.Max(n => n.Length) + 8) return null;
        var best = names
            .Select(k => (Name: k, Distance: Distance(given.ToLowerInvariant(), k.ToLowerInvariant())))
            .OrderBy(x => x.Distance)
            .FirstOrDefault();
        // Accept up to a third of the word wrong: catches typos, not unrelated names.
        return best.Name is not null && best.Distance <= Math.Max(2, given.Length / 3) ? best.Name : null;
    }

    public static string Hint(string given, IEnumerable<string> known) =>
        Suggest(given, known) is { } s ? $" (did you mean '{s}'?)" : "";

    internal static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
