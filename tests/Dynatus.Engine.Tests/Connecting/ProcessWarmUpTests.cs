using Dynatus.Engine.Connecting;
using Dynatus.Engine.Definitions;
using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Tests.Connecting;

[TestClass]
public sealed class ProcessWarmUpTests
{
    [TestMethod]
    public async Task The_warm_up_syncs_its_table_from_an_answer_held_in_memory()
    {
        // The client's endpoint never resolves: a noop, without error, means the DescribeTable went through the SDK and
        // the HTTP stack to the answer held in memory. An SDK update that stopped reading that answer would fail here,
        // instead of leaving every build to compile the code the warm-up is for.
        var folder = Integration.Definitions.Folder(Integration.Definitions.OnDemand("warmed"));

        var result = await ProcessWarmUp.RunAsync(TableDefinitionLoader.FindFiles(folder));

        Assert.IsTrue(result.Succeeded, result.Error);
        var outcome = result.Tables.Single();
        Assert.AreEqual("dynatus-warm-up", outcome.Table);
        Assert.AreEqual(TableAction.Noop, outcome.Action, string.Join("; ", outcome.Changes));
    }

    [TestMethod]
    public void A_client_to_a_local_DynamoDB_keeps_a_few_connections()
    {
        Assert.IsTrue(DynamoClient.TryCreate("http://localhost:8000", null, null, allowInsecure: false, new ClientSettingNames("e", "r", "p", "allow", "stop"), out var client, out _, out _));
        using (client)
        {
            Assert.AreEqual(4, client.Config.MaxConnectionsPerServer);
        }
    }
}
