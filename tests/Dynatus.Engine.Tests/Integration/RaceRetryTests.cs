using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Integration;

[LocalServerOnly("its own local server and test controls (request counts, injected faults, delays)")]
[TestClass]
public sealed class RaceRetryTests
{
    [TestMethod]
    [DataRow("ResourceInUseException", "Attempt to change a resource which is still in use", true)]
    [DataRow("ValidationException", "One or more parameter values were invalid: Index with name by-email already exists", true)]
    [DataRow("ValidationException", "One or more parameter values were invalid: some other problem", false)]
    public async Task Only_a_conflict_with_another_sync_is_retried(string error, string message, bool retried)
    {
        // Relies on the local server's fault injection: a server of its own.
        await using var local = await LocalDynamoDb.StartAsync();
        using var client = local.CreateClient(maxErrorRetry: 0);
        var name = Names.Unique("race");
        var folder = Definitions.Folder(Definitions.OnDemand(name));
        Assert.IsTrue((await TableSync.SyncAsync(client, folder)).Succeeded);
        Definitions.Rewrite(folder, 0, Definitions.OnDemand(name, "TableClass: STANDARD_INFREQUENT_ACCESS"));
        await local.InjectFaultAsync("UpdateTable", error, message: message);
        await local.ResetRequestCountsAsync();

        var result = await TableSync.SyncAsync(client, folder);

        Assert.AreEqual(retried, result.Succeeded, result.Error);
        Assert.AreEqual(retried ? 2 : 1, (await local.RequestCountsAsync())["UpdateTable"]);
    }
}
