using System.Globalization;
using Dynatus.Engine;

namespace Dynatus.Build;

/// <summary>
/// Reads the task's text parameters. Each is the property <c>Dynatus</c> + its name in the package's targets, so a
/// value outside the accepted ones is a coded error naming both and what is accepted, never a silent default.
/// </summary>
internal sealed class ParameterReader
{
    private readonly List<SyncError> problems = [];

    public IReadOnlyList<SyncError> Problems => problems;

    /// <summary><c>true</c> or <c>false</c> (any case); empty gives <paramref name="fallback"/>.</summary>
    public bool Flag(string? value, string parameter, bool fallback) => OptionalFlag(value, parameter) ?? fallback;

    /// <summary><c>true</c>, <c>false</c> (any case), or empty (null).</summary>
    public bool? OptionalFlag(string? value, string parameter) =>
        ReadFlag(value, () => Refuse(parameter, value!, "true or false"));

    /// <summary>One of <paramref name="choices"/> (any case), as written there; empty gives <paramref name="fallback"/>.</summary>
    public string Choice(string? value, string parameter, string[] choices, string fallback)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (choices.FirstOrDefault(c => c.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase)) is { } choice)
        {
            return choice;
        }

        Refuse(parameter, value, string.Join(", ", choices[..^1]) + " or " + choices[^1]);
        return fallback;
    }

    /// <summary>A whole number from <paramref name="minimum"/> to <paramref name="maximum"/>; empty gives <paramref name="fallback"/>.</summary>
    public int Number(string? value, string parameter, int minimum, int maximum, int fallback)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum && number <= maximum)
        {
            return number;
        }

        Refuse(parameter, value, $"a whole number from {minimum} to {maximum}");
        return fallback;
    }

    /// <summary>An item's metadata that is <c>true</c> or <c>false</c> (any case); empty is false.</summary>
    public bool MetadataFlag(string? value, string item, string metadata) =>
        ReadFlag(value, () => problems.Add(new SyncError(FrontEndCodes.InvalidParameter, $"The DynamoTable item '{item}' has {metadata}=\"{value}\": use true or false."))) ?? false;

    /// <summary>An item's <c>Name=value;Name=value</c> metadata, as a dictionary.</summary>
    public Dictionary<string, string> MetadataPairs(string? value, string item, string metadata)
    {
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in (value ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var cut = pair.IndexOf('=', StringComparison.Ordinal);
            if (cut <= 0)
            {
                problems.Add(new SyncError(FrontEndCodes.InvalidParameter, $"The DynamoTable item '{item}' has {metadata} entry '{pair}': write Name=value, entries separated by ';'."));
                continue;
            }

            pairs[pair[..cut].Trim()] = pair[(cut + 1)..].Trim();
        }

        return pairs;
    }

    // true or false (any case); empty is null; anything else is refused, and null.
    private static bool? ReadFlag(string? value, Action refuse)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (bool.TryParse(value.Trim(), out var flag))
        {
            return flag;
        }

        refuse();
        return null;
    }

    private void Refuse(string parameter, string value, string accepted) =>
        problems.Add(new SyncError(FrontEndCodes.InvalidParameter, $"Dynatus{parameter} (task parameter {parameter}) is '{value}': use {accepted}."));
}
