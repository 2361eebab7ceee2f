using System.Text;

namespace MultiRegion.Infra.Model.Planning;

/// <summary>
/// A table in plan.md: the header, the alignment row, the rows and the blank line after it, written one way. Every
/// cell is escaped here, so a value holding <c>|</c> (a PromQL query, a shell pipe) cannot split a row into more
/// cells than the header has, whichever section it comes from.
/// </summary>
public static class MarkdownTable
{
    /// <param name="md">The document.</param>
    /// <param name="columns">Column titles; a title ending in <c>:</c> is right-aligned (as in markdown's
    /// <c>---:</c>), the <c>:</c> is not shown.</param>
    /// <param name="rows">The cells of each row, as many as there are columns.</param>
    /// <param name="indent">Spaces before every line, for a table inside a numbered list item.</param>
    /// <exception cref="ArgumentException">A row with a different number of cells.</exception>
    public static void Write(StringBuilder md, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows, string indent = "")
    {
        md.Append(indent).Append("| ").AppendJoin(" | ", columns.Select(c => c.TrimEnd(':'))).AppendLine(" |");
        md.Append(indent).Append('|').AppendJoin("", columns.Select(c => c.EndsWith(':') ? "---:|" : "---|")).AppendLine();
        foreach (var row in rows)
        {
            if (row.Count != columns.Count)
                throw new ArgumentException($"a row of {row.Count} cells in a table of {columns.Count} columns ({string.Join(", ", columns)})", nameof(rows));
            md.Append(indent).Append("| ").AppendJoin(" | ", row.Select(Cell)).AppendLine(" |");
        }
        md.AppendLine();
    }

    /// <summary>A cell's text with <c>|</c> escaped (also inside code spans, where GFM tables need it too) and line
    /// breaks as <c>&lt;br&gt;</c>, which a table row cannot hold otherwise.</summary>
    public static string Cell(string text) =>
        text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\r\n", "<br>", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);
}
