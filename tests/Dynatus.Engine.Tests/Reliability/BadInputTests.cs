using Dynatus.Engine.Definitions;
using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Reliability;

[LocalServerOnly("its own local server and test controls (request counts, injected faults, delays)")]
[TestClass]
public sealed class BadInputTests
{
    [TestMethod]
    public void Every_bad_file_gives_exactly_its_expected_codes_at_their_lines_and_columns()
    {
        var files = BadInputCorpus.CopyTo(Path.Combine(Path.GetTempPath(), "dynatus-tests", Guid.NewGuid().ToString("N")));
        Assert.IsGreaterThanOrEqualTo(30, files.Count);

        var problems = TableDefinitionLoader.Load(files).Problems
            .Select(p => (Path.GetFileName(p.Location.File), p.Code, p.Location.Line, p.Location.Column))
            .Order()
            .ToList();

        CollectionAssert.AreEqual(BadInputCorpus.Expected.Order().ToList(), problems, string.Join("\n", problems));
    }

    [TestMethod]
    public async Task A_sync_over_the_bad_files_and_a_good_one_sends_nothing_to_DynamoDB()
    {
        await using var local = await LocalDynamoDb.StartAsync();
        using var client = local.CreateClient();
        var folder = Path.Combine(Path.GetTempPath(), "dynatus-tests", Guid.NewGuid().ToString("N"));
        var files = BadInputCorpus.CopyTo(folder).Append(Yaml.WriteFile("TableName: good-table\nKeySchema:\n  - AttributeName: id\n    KeyType: HASH\nAttributeDefinitions:\n  - AttributeName: id\n    AttributeType: S\nBillingMode: PAY_PER_REQUEST\n"));

        var result = await TableSync.SyncFilesAsync(client, files);
        Assert.IsFalse(result.Succeeded);
        Assert.HasCount(BadInputCorpus.Expected.Count, result.Problems);
        Assert.IsEmpty(await local.RequestCountsAsync());
    }
}
