using System.Text.RegularExpressions;
using MultiRegion.Infra.Model.Schema;

namespace MultiRegion.Infra.Model.Tests.Schema;

/// <summary>
/// The XML doc comments of the config records (<c>summary</c> and <c>param</c>), read from their source files,
/// as the schema's descriptions: the project builds without documentation files, and the records' comments are
/// where each setting is explained.
/// </summary>
internal static partial class RecordDocs
{
    public static StackConfigSchema.Describe From(string configSourceDirectory)
    {
        var docs = new Dictionary<(string Record, string? Parameter), string>();
        foreach (var file in Directory.GetFiles(configSourceDirectory, "*.cs"))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (Record().Match(lines[i]) is not { Success: true } m) continue;
                var start = i;
                while (start > 0 && lines[start - 1].TrimStart().StartsWith("///", StringComparison.Ordinal)) start--;
                var comment = string.Join(" ", lines[start..i].Select(l => l.TrimStart()[3..].Trim()));
                var name = m.Groups[1].Value;
                if (Summary().Match(comment) is { Success: true } s) docs[(name, null)] = Plain(s.Groups[1].Value);
                foreach (Match p in Param().Matches(comment)) docs[(name, p.Groups[1].Value)] = Plain(p.Groups[2].Value);
            }
        }
        return (record, parameter) => docs.GetValueOrDefault((record.Name, parameter));
    }

    private static string Plain(string xml) =>
        Space().Replace(Cref().Replace(Tag().Replace(xml, ""), m => m.Groups[1].Value.Split('.')[^1]), " ").Trim();

    [GeneratedRegex(@"^\s*public sealed record (\w+)\s*\(")]
    private static partial Regex Record();

    [GeneratedRegex("<summary>(.*?)</summary>")]
    private static partial Regex Summary();

    [GeneratedRegex("<param name=\"(\\w+)\">(.*?)</param>")]
    private static partial Regex Param();

    [GeneratedRegex("<see cref=\"([^\"]+)\"\\s*/>")]
    private static partial Regex Cref();

    [GeneratedRegex("</?(c|para|b|i|code)>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
}
