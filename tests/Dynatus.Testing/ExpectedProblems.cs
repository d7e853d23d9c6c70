using System.Globalization;

namespace Dynatus.Testing;

/// <summary>A corpus's expected.txt: one problem a line, "file code line column"; '#' starts a comment.</summary>
public static class ExpectedProblems
{
    public static IReadOnlyList<(string File, string Code, int Line, int Column)> Read(string file) =>
        File.ReadAllLines(file)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' '))
            .Select(p => (p[0], p[1], int.Parse(p[2], CultureInfo.InvariantCulture), int.Parse(p[3], CultureInfo.InvariantCulture)))
            .ToList();
}
