namespace Dynatus.Testing;

/// <summary>
/// tests/BadInput: one broken definition a file, with the problems each must give in expected.txt,
/// plus two files too large to keep in git, made on demand: 10 MB, and 100,000 levels deep.
/// </summary>
public static class BadInputCorpus
{
    public const string TenMegabytes = "ten-megabytes.yaml";
    public const string DeeplyNested = "deeply-nested.yaml";

    public static string Folder { get; } = Path.Combine(RepositoryRoot.Path, "tests", "BadInput");

    /// <summary>The expected problems as (file name, code, line, column).</summary>
    public static IReadOnlyList<(string File, string Code, int Line, int Column)> Expected { get; } =
        ExpectedProblems.Read(Path.Combine(Folder, "expected.txt"))
            .Concat([(TenMegabytes, "DYN117", 1, 1), (DeeplyNested, "DYN120", 1, 43)])
            .ToList();

    /// <summary>Copies the corpus into <paramref name="target"/> with the generated files, and returns every file.</summary>
    public static IReadOnlyList<string> CopyTo(string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Folder).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        File.WriteAllText(Path.Combine(target, TenMegabytes), "TableName: big\n# " + new string('x', 10 * 1024 * 1024) + "\n");
        File.WriteAllText(Path.Combine(target, DeeplyNested), "TableName: " + new string('[', 100_000) + new string(']', 100_000) + "\n");
        return Directory.GetFiles(target).Order(StringComparer.Ordinal).ToList();
    }
}
