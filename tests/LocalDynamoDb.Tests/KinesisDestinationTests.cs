using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace LocalDynamoDb.Tests;

/// <summary>
/// A table's Kinesis Data Streams destination (Enable-, Update-, Disable- and DescribeKinesisStreamingDestination), per
/// the DynamoDB API reference: kept and described with its states; no Kinesis here, so no record is sent.
/// </summary>
[TestClass]
public sealed class KinesisDestinationTests
{
    private const string Stream = "arn:aws:kinesis:us-east-1:000000000000:stream/orders-changes";

    [TestMethod]
    public async Task A_destination_is_ENABLING_then_ACTIVE_its_precision_UPDATING_then_ACTIVE_and_DISABLING_then_DISABLED()
    {
        await using var local = await Dynatus.Testing.LocalDynamoDb.StartAsync("--update-ms", "300");
        using var client = local.CreateClient();
        var table = await Tables.CreateAsync(client);

        var enabling = await client.EnableKinesisStreamingDestinationAsync(new() { TableName = table, StreamArn = Stream });
        Assert.AreEqual((DestinationStatus.ENABLING, ApproximateCreationDateTimePrecision.MILLISECOND), (enabling.DestinationStatus, enabling.EnableKinesisStreamingConfiguration.ApproximateCreationDateTimePrecision));
        await UntilAsync(client, table, DestinationStatus.ACTIVE);

        var updating = await client.UpdateKinesisStreamingDestinationAsync(new() { TableName = table, StreamArn = Stream, UpdateKinesisStreamingConfiguration = new() { ApproximateCreationDateTimePrecision = ApproximateCreationDateTimePrecision.MICROSECOND } });
        Assert.AreEqual(DestinationStatus.UPDATING, updating.DestinationStatus);
        Assert.AreEqual(ApproximateCreationDateTimePrecision.MICROSECOND, (await UntilAsync(client, table, DestinationStatus.ACTIVE)).ApproximateCreationDateTimePrecision);

        Assert.AreEqual(DestinationStatus.DISABLING, (await client.DisableKinesisStreamingDestinationAsync(new() { TableName = table, StreamArn = Stream })).DestinationStatus);
        await UntilAsync(client, table, DestinationStatus.DISABLED);
    }

    [TestMethod]
    public async Task A_destination_that_is_not_a_Kinesis_stream_or_on_a_missing_table_is_refused()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client);

        await Assert.ThrowsExactlyAsync<AmazonDynamoDBException>(() => client.EnableKinesisStreamingDestinationAsync(new() { TableName = table, StreamArn = "arn:aws:sqs:us-east-1:000000000000:queue" }));
        await Assert.ThrowsExactlyAsync<ResourceNotFoundException>(() => client.EnableKinesisStreamingDestinationAsync(new() { TableName = table + "-missing", StreamArn = Stream }));
        Assert.IsEmpty((await client.DescribeKinesisStreamingDestinationAsync(new() { TableName = table })).KinesisDataStreamDestinations);
    }

    private static async Task<KinesisDataStreamDestination> UntilAsync(AmazonDynamoDBClient client, string table, DestinationStatus status)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var destination = (await client.DescribeKinesisStreamingDestinationAsync(new() { TableName = table })).KinesisDataStreamDestinations.Single();
            if (destination.DestinationStatus == status || DateTime.UtcNow > deadline)
            {
                Assert.AreEqual(status, destination.DestinationStatus);
                return destination;
            }

            await Task.Delay(25);
        }
    }
}
