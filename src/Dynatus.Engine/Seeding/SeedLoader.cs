using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Definitions;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Seeding;

/// <summary>
/// Reads every seed file and checks each item against its table's definition as DynamoDB would (key attributes
/// present and of their type, not empty; at most 400 KB), so that nothing is sent while any item would be refused.
/// </summary>
internal static class SeedLoader
{
    // DynamoDB's item size limit, in its own units (UTF-8 bytes of names and values).
    private const int MaxItemBytes = 400 * 1024;

    /// <summary>The items of each table, by its full name; problems go into <paramref name="problems"/>.</summary>
    public static Dictionary<string, List<SeedItem>> Load(IEnumerable<SeedSource> sources, IReadOnlyList<Table> definitions, string? prefix, List<DefinitionProblem> problems)
    {
        var tables = definitions.ToDictionary(d => d.TableName, StringComparer.Ordinal);
        var seeds = new Dictionary<string, List<SeedItem>>(StringComparer.Ordinal);
        var keys = new Dictionary<(string Table, string Key), SourceLocation>();
        foreach (var source in sources)
        {
            var items = SeedFileReader.Read(source, problems);
            var name = prefix + source.TableName;
            if (!tables.TryGetValue(name, out var table))
            {
                problems.Add(new DefinitionProblem(ProblemCodes.SeedUnknownTable, $"The seed file is for table '{name}', which no definition declares. Name the file after its table, or give it Table metadata.", new SourceLocation(source.Path, 1, 1)));
                continue;
            }

            foreach (var item in items.Where(i => !i.Reported && IsValid(i, table, problems)))
            {
                var key = string.Join(", ", table.KeySchema.Attributes.Select(k => $"{k.AttributeName} = {Describe(item.Attributes[k.AttributeName])}"));
                if (keys.TryGetValue((name, key), out var first))
                {
                    problems.Add(new DefinitionProblem(ProblemCodes.SeedDuplicateKey, $"An item with the same key ({key}) is already at {first}; one would overwrite the other.", item.Location));
                    continue;
                }

                keys.Add((name, key), item.Location);
                (seeds.TryGetValue(name, out var list) ? list : seeds[name] = []).Add(item);
            }
        }

        return seeds;
    }

    private static bool IsValid(SeedItem item, Table table, List<DefinitionProblem> problems)
    {
        var reported = problems.Count;
        foreach (var (key, keyType) in table.KeySchema.Attributes.Zip(["HASH", "RANGE"]))
        {
            if (!item.Attributes.ContainsKey(key.AttributeName))
            {
                problems.Add(new DefinitionProblem(ProblemCodes.SeedMissingKey, $"The item has no '{key.AttributeName}', the {keyType} key attribute of table '{table.TableName}' ({key.AttributeType}).", item.Location));
            }
        }

        var indexKeys = (table.GlobalSecondaryIndexes ?? []).Concat(table.LocalSecondaryIndexes ?? [])
            .Select(i => (Owner: $"index '{i.IndexName}'", i.KeySchema))
            .Prepend((Owner: $"table '{table.TableName}'", table.KeySchema))
            .SelectMany(k => k.KeySchema.Attributes.Select(attribute => (k.Owner, Attribute: attribute)));
        foreach (var (owner, attribute) in indexKeys.DistinctBy(k => k.Attribute.AttributeName))
        {
            if (item.Attributes.TryGetValue(attribute.AttributeName, out var value) && KeyProblem(value, attribute.AttributeType) is { } problem)
            {
                problems.Add(new DefinitionProblem(ProblemCodes.SeedWrongKeyType, $"'{attribute.AttributeName}' is a key attribute of {owner}, of type {attribute.AttributeType}: {problem}", item.AttributeLocations[attribute.AttributeName]));
            }
        }

        var size = item.Attributes.Sum(a => Size(a.Key, a.Value));
        if (size > MaxItemBytes)
        {
            problems.Add(new DefinitionProblem(ProblemCodes.SeedItemTooLarge, $"The item is {size:N0} bytes; DynamoDB's limit is 400 KB ({MaxItemBytes:N0} bytes).", item.Location));
        }

        return problems.Count == reported;
    }

    private static string? KeyProblem(AttributeValue value, ScalarAttributeType type) => (type.Value, value) switch
    {
        ("S", { S: "" }) or ("B", { B.Length: 0 }) => "DynamoDB refuses an empty value in a key attribute.",
        ("S", { S: not null }) or ("N", { N: not null }) or ("B", { B: not null }) => null,
        _ => $"this item gives it {TypeOf(value)}.",
    };

    private static string TypeOf(AttributeValue value) =>
        value.S is not null ? "a string (S)" : value.N is not null ? "a number (N)" : value.B is not null ? "binary (B)"
        : value.BOOL is not null ? "a boolean (BOOL)" : value.NULL is true ? "null (NULL)" : value.L is not null ? "a list (L)"
        : value.M is not null ? "a map (M)" : "a set";

    private static string Describe(AttributeValue value) =>
        value.S is not null ? $"\"{value.S}\"" : value.N ?? Convert.ToBase64String(value.B!.ToArray());

    // DynamoDB's item size: names and values in UTF-8 bytes, numbers about a byte per two significant digits,
    // lists and maps 3 bytes plus a byte an element.
    private static int Size(string name, AttributeValue value) => Encoding.UTF8.GetByteCount(name) + Size(value);

    private static int Size(AttributeValue value) =>
        value.S is not null ? Encoding.UTF8.GetByteCount(value.S)
        : value.N is not null ? NumberSize(value.N)
        : value.B is not null ? (int)value.B.Length
        : value.SS is { Count: > 0 } ss ? ss.Sum(Encoding.UTF8.GetByteCount)
        : value.NS is { Count: > 0 } ns ? ns.Sum(NumberSize)
        : value.BS is { Count: > 0 } bs ? bs.Sum(b => (int)b.Length)
        : value.L is not null ? 3 + value.L.Sum(v => 1 + Size(v))
        : value.M is not null ? 3 + value.M.Sum(e => 1 + Size(e.Key, e.Value))
        : 1;

    private static int NumberSize(string number)
    {
        var digits = number.Split('e', 'E')[0].Where(char.IsAsciiDigit).SkipWhile(c => c == '0').Reverse().SkipWhile(c => c == '0').Count();
        return (digits + 1) / 2 + 1;
    }
}
