using Dynatus.Testing;

namespace Dynatus.Build.Tests.Seeding;

[TestClass]
public sealed class SeedsWithoutTablesTests
{
    [TestMethod]
    public async Task Seed_files_without_any_table_are_a_warning_at_the_file_not_silence()
    {
        var consumer = Consumer.Create().WithSeed("users.json", """[{ "id": "u1" }]""");

        var result = await consumer.BuildAsync();

        Assert.AreEqual(0, result.ExitCode, result.Output);
        StringAssert.Contains(result.Output, $"{Path.Combine(consumer.Folder, "dynamo", "seed", "users.json")}(1,1): warning DYN015: 1 seed file(s) but no DynamoTable item, so no table gets their rows.");
    }
}
