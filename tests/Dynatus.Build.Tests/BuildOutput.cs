using System.Text.RegularExpressions;

namespace Dynatus.Build.Tests;

/// <summary>What a build printed, read as a person reads it.</summary>
internal static partial class BuildOutput
{
    /// <summary>The terminal logger colours codes and links them: the screen without the escapes.</summary>
    public static string Screen(string output) => Escapes().Replace(output, string.Empty);

    /// <summary>The lines above the console logger's closing summary (which repeats every warning and error) that contain the text.</summary>
    public static IReadOnlyList<string> LinesWith(string output, string text)
    {
        var end = output.LastIndexOf("Build FAILED.", StringComparison.Ordinal) is var failed and >= 0
            ? failed
            : output.LastIndexOf("Build succeeded.", StringComparison.Ordinal);
        return (end >= 0 ? output[..end] : output).Split('\n').Where(l => l.Contains(text, StringComparison.Ordinal)).ToList();
    }

    /// <summary>The seconds the sync took, from its summary line: the task's own measure, without the build's start-up.</summary>
    public static double SyncSeconds(string output) =>
        double.Parse(SummaryTime().Match(output).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\x1B\[[0-9;?]*[A-Za-z]|\x1B\][^\x1B]*\x1B\\")]
    private static partial Regex Escapes();

    [GeneratedRegex(@"Dynatus: (?:synced|planned) .* table\(s\) against .*\((\d+\.\d) s\)")]
    private static partial Regex SummaryTime();
}
