namespace Dynatus.Engine.Seeding;

/// <summary>
/// A file of seed items: <c>.json</c> (an array of items) or <c>.jsonl</c> (one item a line). Items are plain JSON,
/// marshalled as the AWS SDK's document model does, unless the name ends in <c>.dynamodb.json</c> or
/// <c>.dynamodb.jsonl</c>: then DynamoDB JSON (<c>{"id": {"S": "1"}}</c>). The name decides, never the content.
/// </summary>
/// <param name="Path">The file.</param>
public sealed record SeedSource(string Path)
{
    private const string DynamoDbSuffix = ".dynamodb";

    /// <summary>The table, before any prefix; by default the file name without its extensions.</summary>
    public string? Table { get; init; }

    /// <summary>True for one JSON object a line.</summary>
    internal bool IsLines => System.IO.Path.GetExtension(Path).Equals(".jsonl", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for DynamoDB JSON, by the file's name.</summary>
    internal bool IsDynamoDbJson => System.IO.Path.GetFileNameWithoutExtension(Path).EndsWith(DynamoDbSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The table the items go into, before any prefix.</summary>
    internal string TableName
    {
        get
        {
            if (Table is { Length: > 0 } table)
            {
                return table;
            }

            var name = System.IO.Path.GetFileNameWithoutExtension(Path);
            return IsDynamoDbJson ? name[..^DynamoDbSuffix.Length] : name;
        }
    }

    /// <summary>The <c>.json</c> and <c>.jsonl</c> files below a folder, in a stable order.</summary>
    /// <param name="folder">The folder; none there means no seed.</param>
    public static IReadOnlyList<SeedSource> FindIn(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .Select(f => new SeedSource(f))
                .ToList()
            : [];
}
