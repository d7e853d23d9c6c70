using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Seeding;

/// <summary>
/// Each seed row as the seed files held it when a sync last wrote or checked it, by endpoint, table and key, so that
/// a later sync with <see cref="SeedMode.OnCreate"/> puts the rows a seed file changed since (and only those): rows
/// edited in the table are never overwritten for an edit the file did not make.
/// </summary>
internal sealed class SeedState
{
    private readonly string path;
    private readonly string endpoint;
    private readonly Dictionary<string, Dictionary<string, Dictionary<string, string>>> rows;

    private SeedState(string path, string endpoint, Dictionary<string, Dictionary<string, Dictionary<string, string>>> rows) =>
        (this.path, this.endpoint, this.rows) = (path, endpoint, rows);

    /// <summary>The state kept in <paramref name="path"/>; empty when the file is missing or unreadable (nothing is put then).</summary>
    public static SeedState Load(string path, string endpoint)
    {
        try
        {
            var read = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, Dictionary<string, string>>>>(File.ReadAllBytes(path));
            return new SeedState(path, endpoint, read ?? []);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return new SeedState(path, endpoint, []);
        }
    }

    /// <summary>
    /// The rows of <paramref name="items"/> that the seed files added or changed since the state was recorded; none for a
    /// table the state has never seen (a clone's first build of an existing table: nothing says what changed).
    /// </summary>
    public IReadOnlyList<SeedItem> Changed(Table table, IReadOnlyList<SeedItem> items)
    {
        lock (rows)
        {
            if (rows.GetValueOrDefault(endpoint)?.GetValueOrDefault(table.TableName) is not { } known)
            {
                return [];
            }

            return items.Where(item => known.GetValueOrDefault(Key(table, item)) != Hash(item.Attributes)).ToList();
        }
    }

    /// <summary>Records <paramref name="items"/> as the table's seed rows now (rows no longer in the files are forgotten).</summary>
    public void Record(Table table, IReadOnlyList<SeedItem> items)
    {
        lock (rows)
        {
            var tables = rows.TryGetValue(endpoint, out var found) ? found : rows[endpoint] = [];
            tables[table.TableName] = items.GroupBy(item => Key(table, item)).ToDictionary(g => g.Key, g => Hash(g.Last().Attributes), StringComparer.Ordinal);
        }
    }

    public void Save()
    {
        lock (rows)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(rows));
        }
    }

    /// <summary>The row's key, as text: what the seed file's row is, whatever else of it changes.</summary>
    public static string Key(Table table, SeedItem item) =>
        Canonical(new Dictionary<string, AttributeValue>(table.KeySchema.Attributes.Select(k => KeyValuePair.Create(k.AttributeName, item.Attributes[k.AttributeName]))));

    private static string Hash(Dictionary<string, AttributeValue> attributes) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(attributes))))[..32];

    // One text for one value: map keys and set members sorted, so that the file's order never reads as a change.
    private static string Canonical(Dictionary<string, AttributeValue> attributes)
    {
        var text = new StringBuilder();
        Write(new AttributeValue { M = attributes }, text);
        return text.ToString();
    }

    private static void Write(AttributeValue value, StringBuilder text)
    {
        if (value.S is not null)
        {
            text.Append("S:").Append(JsonSerializer.Serialize(value.S));
        }
        else if (value.N is not null)
        {
            text.Append("N:").Append(value.N);
        }
        else if (value.B is not null)
        {
            text.Append("B:").Append(Convert.ToBase64String(value.B.ToArray()));
        }
        else if (value.BOOL is { } flag)
        {
            text.Append(flag ? "BOOL:true" : "BOOL:false");
        }
        else if (value.NULL is true)
        {
            text.Append("NULL");
        }
        else if (value.SS is { Count: > 0 } strings)
        {
            text.Append("SS:").Append(JsonSerializer.Serialize(strings.Order(StringComparer.Ordinal)));
        }
        else if (value.NS is { Count: > 0 } numbers)
        {
            text.Append("NS:").Append(JsonSerializer.Serialize(numbers.Order(StringComparer.Ordinal)));
        }
        else if (value.BS is { Count: > 0 } binaries)
        {
            text.Append("BS:").Append(JsonSerializer.Serialize(binaries.Select(b => Convert.ToBase64String(b.ToArray())).Order(StringComparer.Ordinal)));
        }
        else if (value.L is { } list)
        {
            text.Append("L:[");
            foreach (var item in list)
            {
                Write(item, text);
                text.Append(',');
            }

            text.Append(']');
        }
        else if (value.M is { } map)
        {
            text.Append("M:{");
            foreach (var (name, item) in map.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                text.Append(JsonSerializer.Serialize(name)).Append('=');
                Write(item, text);
                text.Append(',');
            }

            text.Append('}');
        }
    }
}
