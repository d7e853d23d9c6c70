using Dynatus.Engine;
using Dynatus.Engine.Connecting;
using Dynatus.Engine.Reporting;

namespace Dynatus.Build;

/// <summary>
/// A plan or a sync as files a CI job can show (<see cref="SyncReport"/>): Markdown, also appended to GitHub's step
/// summary, and the JSON beside it.
/// </summary>
internal static class PlanReport
{
    /// <summary>Writes <paramref name="markdownFile"/> (when given) and the JSON beside it, and appends to the step summary (when set).</summary>
    public static void Write(string? markdownFile, string? stepSummary, SyncResult result, SyncTarget target, bool dryRun)
    {
        var markdown = SyncReport.Markdown(result, target, dryRun);
        if (!string.IsNullOrWhiteSpace(markdownFile))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(markdownFile))!);
            File.WriteAllText(markdownFile, markdown);
            File.WriteAllText(Path.ChangeExtension(markdownFile, ".json"), SyncReport.Json(result, target, dryRun));
        }

        if (!string.IsNullOrWhiteSpace(stepSummary))
        {
            File.AppendAllText(stepSummary, markdown + Environment.NewLine);
        }
    }
}
