using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dynatus.Testing;

namespace LocalDynamoDb.Tests;

/// <summary>
/// The README's table of what the local DynamoDB and plain dynalite support is what they answer: each operation a row
/// names is sent to both, and an operation is known unless the answer is UnknownOperationException.
/// </summary>
[TestClass]
public sealed partial class SupportTableTests
{
    [TestMethod]
    public async Task The_README_table_says_what_each_server_answers()
    {
        using var dynalite = await PlainDynalite.StartAsync();
        var rows = File.ReadLines(Path.Combine(RepositoryRoot.Path, "README.md"))
            .SkipWhile(line => !line.StartsWith("| what | operations | dynatus local | dynalite", StringComparison.Ordinal))
            .Skip(2)
            .TakeWhile(line => line.StartsWith('|'))
            .Select(line => line.Split('|', StringSplitOptions.TrimEntries))
            .ToList();
        Assert.IsNotEmpty(rows, "the README's support table");

        foreach (var row in rows)
        {
            var operations = Operation().Matches(row[2]).Select(m => m.Groups[1].Value).ToList();
            Assert.AreEqual(row[3], await SupportAsync(Server.Local.Endpoint, operations), $"dynatus local, {row[1]}");
            Assert.AreEqual(row[4], await SupportAsync(dynalite.Endpoint, operations), $"dynalite, {row[1]}");
        }
    }

    private static async Task<string> SupportAsync(string endpoint, List<string> operations)
    {
        var known = 0;
        foreach (var operation in operations)
        {
            var service = operation is "ListStreams" or "DescribeStream" or "GetShardIterator" or "GetRecords" ? "DynamoDBStreams_20120810" : "DynamoDB_20120810";
            using var client = new JsonProtocolClient(endpoint, service);
            using var response = await client.SendAsync(operation, new { });
            var body = await response.Content.ReadAsStringAsync();
            var type = response.IsSuccessStatusCode ? null : JsonNode.Parse(body)?["__type"]?.GetValue<string>();
            known += type?.EndsWith("UnknownOperationException", StringComparison.Ordinal) == true ? 0 : 1;
        }

        return known == operations.Count ? "yes" : known == 0 ? "no" : "partly";
    }

    [GeneratedRegex("`([A-Za-z]+)`")]
    private static partial Regex Operation();
}
