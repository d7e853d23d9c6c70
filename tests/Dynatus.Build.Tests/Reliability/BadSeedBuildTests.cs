using Dynatus.Testing;

namespace Dynatus.Build.Tests.Reliability;

[LocalServerOnly("its own local server and test controls (request counts, injected faults, delays)")]
[TestClass]
public sealed class BadSeedBuildTests
{
    [TestMethod]
    public async Task Every_bad_seed_file_fails_the_build_at_its_line_and_column_and_nothing_reaches_DynamoDB()
    {
        // Relies on the local server's request counts (a test control, not AWS behaviour).
        await using var local = await LocalDynamoDb.StartAsync();
        var consumer = Consumer.Create(endpoint: local.Endpoint);
        var seeds = Path.Combine(consumer.Folder, "dynamo", "seed");
        BadSeedCorpus.CopyTo(Path.Combine(consumer.Folder, "dynamo"), seeds);

        var result = await consumer.BuildAsync();
        Assert.AreNotEqual(0, result.ExitCode);
        foreach (var (file, code, line, column) in BadSeedCorpus.Expected)
        {
            StringAssert.Contains(result.Output, $"{Path.Combine(seeds, file)}({line},{column}): error {code}:");
        }

        StringAssert.Matches(result.Output, new System.Text.RegularExpressions.Regex(@"Dynatus: nothing was sent to DynamoDB: \d+ problem\(s\) in the seed files\."));
        Assert.IsEmpty(await local.RequestCountsAsync());
    }
}
