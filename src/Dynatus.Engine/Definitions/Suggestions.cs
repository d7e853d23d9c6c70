namespace Dynatus.Engine.Definitions;

/// <summary>Finds the known name a misspelt one was probably meant to be.</summary>
internal static class Suggestions
{
    /// <summary>" Did you mean 'x'?" naming the closest known name, or nothing when none is close.</summary>
    public static string DidYouMean(string name, IEnumerable<string> known) =>
        ClosestTo(name, known) is { } suggestion ? $" Did you mean '{suggestion}'?" : string.Empty;

    public static string? ClosestTo(string name, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = string.Equals(name, candidate, StringComparison.OrdinalIgnoreCase)
                ? 0
                : Distance(name.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        // Beyond about a third of the name, the "match" is a different word.
        return bestDistance <= Math.Max(2, name.Length / 3) ? best : null;
    }

    // Levenshtein distance, one row at a time.
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
