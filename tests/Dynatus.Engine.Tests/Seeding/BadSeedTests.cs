using Dynatus.Engine.Seeding;
using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Seeding;

[LocalServerOnly("its own local server and test controls (request counts, injected faults, delays)")]
[TestClass]
public sealed class BadSeedTests
{
    [TestMethod]
    public async Task Every_bad_seed_file_gives_its_exact_problem_at_its_position_and_nothing_reaches_DynamoDB()
    {
        // Relies on the local server's request counts (a test control, not AWS behaviour).
        await using var local = await LocalDynamoDb.StartAsync();
        var folder = Path.Combine(Path.GetTempPath(), "dynatus-tests", Names.Unique("badseed"));
        var seeds = BadSeedCorpus.CopyTo(folder, Path.Combine(folder, "seed"));
        using var client = local.CreateClient();

        var result = await TableSync.SyncAsync(client, folder, new SyncOptions { Seed = SeedMode.Always });

        Assert.IsFalse(result.Succeeded);
        var actual = result.Problems.Select(p => (Path.GetFileName(p.Location.File), p.Code, p.Location.Line, p.Location.Column)).Order().ToList();
        var expected = BadSeedCorpus.Expected.Order().ToList();
        CollectionAssert.AreEqual(expected, actual, string.Join(Environment.NewLine, result.Problems));
        Assert.HasCount(seeds.Count, expected.Select(e => e.File).Distinct(), "one problem a file");
        Assert.IsEmpty(await local.RequestCountsAsync());
    }
}
