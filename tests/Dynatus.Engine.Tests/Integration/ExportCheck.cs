using Amazon.DynamoDBv2;
using Dynatus.Engine.Exporting;
using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Tests.Integration;

/// <summary>What a user checks after adopting a table: its export writes the setting, and planning the export changes nothing.</summary>
internal static class ExportCheck
{
    /// <summary>Exports the table, asserts its file holds each of <paramref name="written"/>, and that its plan is noop.</summary>
    public static async Task PlansNoopAsync(IAmazonDynamoDB client, string table, params string[] written)
    {
        var exported = Path.Combine(Path.GetTempPath(), "dynatus-tests", Guid.NewGuid().ToString("N"));
        var export = await TableExport.ExportAsync(client, exported, new ExportOptions { TableNames = [table] });
        Assert.IsNull(export.Error, export.Error?.ToString());
        foreach (var setting in written)
        {
            StringAssert.Contains(File.ReadAllText(export.Files.Single().Path), setting);
        }

        var plan = await TableSync.SyncAsync(client, exported, new SyncOptions { DryRun = true });
        Assert.AreEqual(TableAction.Noop, plan.Tables.Single().Action, string.Join("; ", plan.Tables.Single().Changes));
    }
}
