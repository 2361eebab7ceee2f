using System.Text;
using MultiRegion.Infra.Model.Planning;

namespace MultiRegion.Infra.Model.Tests.Planning;

public sealed class MarkdownTableTests
{
    [Fact]
    public void Writes_header_alignment_rows_and_a_blank_line()
    {
        var md = new StringBuilder();
        MarkdownTable.Write(md, ["Region", "Weight:"], [["us-west-2", "60%"], ["eu-west-1", "10%"]]);
        Assert.Equal("| Region | Weight |\n|---|---:|\n| us-west-2 | 60% |\n| eu-west-1 | 10% |\n\n", md.ToString().Replace("\r\n", "\n"));
    }

    [Fact]
    public void A_pipe_or_a_line_break_in_a_cell_cannot_split_the_row()
    {
        var md = new StringBuilder();
        MarkdownTable.Write(md, ["Metric", "Query"], [["rps", "`sum(rate(x[1m])) | on(pod)`\nsecond line"]]);
        var row = md.ToString().Replace("\r\n", "\n").Split('\n')[2];
        Assert.Equal("| rps | `sum(rate(x[1m])) \\| on(pod)`<br>second line |", row);
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_cells_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => MarkdownTable.Write(new StringBuilder(), ["A", "B"], [["only one"]]));
        Assert.Contains("a row of 1 cells in a table of 2 columns", e.Message);
    }
}
