using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Planning;
using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Integration;

/// <summary>A table's Kinesis destination, synced and waited for, read back with the SDK, changed, exported and planned.</summary>
[LocalServerOnly("a Kinesis data stream that exists only as an ARN: AWS needs the stream itself")]
[TestClass]
public sealed class KinesisDestinationSyncTests
{
    private const string Stream = "arn:aws:kinesis:us-east-1:000000000000:stream/changes";

    [TestMethod]
    public async Task A_new_table_streams_once_ACTIVE_a_new_precision_is_applied_and_an_export_plans_noop()
    {
        await using var local = await Dynatus.Testing.LocalDynamoDb.StartAsync("--update-ms", "300");
        using var client = local.CreateClient();
        var name = Names.Unique("kinesis");
        var folder = Definitions.Folder(Definitions.OnDemand(name, $"KinesisStreamSpecification:\n  StreamArn: {Stream}"));

        var created = await TableSync.SyncAsync(client, folder);
        Assert.IsTrue(created.Succeeded, created.Error + string.Join("\n", created.Problems));
        Assert.AreEqual(DestinationStatus.ACTIVE, await StatusAsync(client, name), "the sync waits until the destination is ACTIVE");
        Assert.AreEqual(TableAction.Noop, (await TableSync.SyncAsync(client, folder)).Tables.Single().Action);

        var micro = await TableSync.SyncAsync(client, Definitions.Rewrite(folder, 0, Definitions.OnDemand(name, $"KinesisStreamSpecification:\n  StreamArn: {Stream}\n  ApproximateCreationDateTimePrecision: MICROSECOND")));
        Assert.IsTrue(micro.Succeeded, micro.Error);
        var destination = (await client.DescribeKinesisStreamingDestinationAsync(new() { TableName = name })).KinesisDataStreamDestinations.Single();
        Assert.AreEqual((DestinationStatus.ACTIVE, ApproximateCreationDateTimePrecision.MICROSECOND), (destination.DestinationStatus, destination.ApproximateCreationDateTimePrecision));

        await ExportCheck.PlansNoopAsync(client, name, $"KinesisStreamSpecification:\n  StreamArn: \"{Stream}\"\n  ApproximateCreationDateTimePrecision: MICROSECOND\n");
    }

    private static async Task<DestinationStatus> StatusAsync(AmazonDynamoDBClient client, string table) =>
        (await client.DescribeKinesisStreamingDestinationAsync(new() { TableName = table })).KinesisDataStreamDestinations.Single().DestinationStatus;
}
