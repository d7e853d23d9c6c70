namespace Dynatus.Testing;

/// <summary>
/// tests/BadSeeds: tables.yaml declares one table a case, and seed/ holds one bad seed file a table, with the problem
/// each must give in expected.txt; plus an item over 400 KB, made on demand.
/// </summary>
public static class BadSeedCorpus
{
    public const string TooLarge = "seed-too-large.json";

    public static string Folder { get; } = Path.Combine(RepositoryRoot.Path, "tests", "BadSeeds");

    /// <summary>The expected problems as (file name, code, line, column).</summary>
    public static IReadOnlyList<(string File, string Code, int Line, int Column)> Expected { get; } =
        ExpectedProblems.Read(Path.Combine(Folder, "expected.txt"))
            .Concat([(TooLarge, "DYN135", 1, 2)])
            .ToList();

    /// <summary>Copies tables.yaml into <paramref name="tables"/> and the seed files into <paramref name="seeds"/>; returns the seed files.</summary>
    public static IReadOnlyList<string> CopyTo(string tables, string seeds)
    {
        Directory.CreateDirectory(tables);
        Directory.CreateDirectory(seeds);
        File.Copy(Path.Combine(Folder, "tables.yaml"), Path.Combine(tables, "tables.yaml"), overwrite: true);
        foreach (var file in Directory.GetFiles(Path.Combine(Folder, "seed")))
        {
            File.Copy(file, Path.Combine(seeds, Path.GetFileName(file)), overwrite: true);
        }

        File.WriteAllText(Path.Combine(seeds, TooLarge), $$"""[{"id": "a", "n": 1, "text": "{{new string('x', 410_000)}}"}]""" + "\n");
        return Directory.GetFiles(seeds).Order(StringComparer.Ordinal).ToList();
    }
}
