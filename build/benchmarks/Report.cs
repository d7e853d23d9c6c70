using System.Globalization;
using System.Text;

namespace Dynatus.Benchmarks;

/// <summary>The markdown report: one table a case, each figure beside its baseline from the same run, and the goal's verdict.</summary>
internal sealed class Report
{
    private readonly StringBuilder text = new();

    public void Section(string title, string description, params string[] columns)
    {
        text.AppendLine().AppendLine("### " + title).AppendLine().AppendLine(description).AppendLine();
        text.AppendLine("| " + string.Join(" | ", columns) + " |");
        text.AppendLine("|" + string.Concat(columns.Select(_ => "---|")));
    }

    public void Row(params object[] cells) => text.AppendLine("| " + string.Join(" | ", cells) + " |");

    public void Goal(string goal, bool met, string measured)
    {
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"Goal: {goal}. Measured: {measured}. **{(met ? "Met" : "Missed")}.**");
        Console.WriteLine($"  {(met ? "met" : "MISSED")}: {goal} ({measured})");
    }

    public void Note(string note) => text.AppendLine().AppendLine(note);

    public override string ToString() => text.ToString();
}
