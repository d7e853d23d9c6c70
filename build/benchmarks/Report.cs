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

    /// <summary>
    /// <paramref name="existing"/> with each of its <c>### Bn: ...</c> sections that <paramref name="added"/> has replaced
    /// by the new one (under a line from <paramref name="measured"/>), new cases appended, the rest kept as they are.
    /// </summary>
    public static string Merge(string existing, string added, Func<string, string> measured)
    {
        var (header, sections) = Split(existing);
        foreach (var (id, section) in Split(added).Sections)
        {
            var heading = section[..section.IndexOf('\n', StringComparison.Ordinal)];
            sections[id] = $"{heading}\n\n{measured(id)}{section[heading.Length..]}";
        }

        return header + string.Concat(sections.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Value));
    }

    // The text before the first section, and each section (from its "### " line to the next) by its case id.
    private static (string Header, SortedDictionary<string, string> Sections) Split(string markdown)
    {
        var starts = new List<int>();
        for (var at = markdown.IndexOf("### B", StringComparison.Ordinal); at >= 0; at = markdown.IndexOf("\n### B", at + 1, StringComparison.Ordinal))
        {
            starts.Add(markdown[at] == '\n' ? at + 1 : at);
        }

        var sections = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < starts.Count; i++)
        {
            var section = markdown[starts[i]..(i + 1 < starts.Count ? starts[i + 1] : markdown.Length)];
            sections[section[4..section.IndexOf(':', StringComparison.Ordinal)]] = section;
        }

        return (starts.Count == 0 ? markdown : markdown[..starts[0]], sections);
    }
}
