using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.DynamoDBv2.Model.Internal.MarshallTransformations;
using Dynatus.Engine.Model;
using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Connecting;

/// <summary>
/// Runs, once and without sending anything, the code a sync's first request and plan run: endpoint rules, request
/// marshalling, the planner. A front end calls it on another core while the definitions load, so that a build's sync
/// does not wait for the JIT compiler after the load (measured: about 30 ms of a cold 20-table sync).
/// </summary>
internal static class ClientWarmUp
{
    public static void Run(AmazonDynamoDBClient client)
    {
        var request = new DescribeTableRequest { TableName = "dynatus-warm-up" };
        client.DetermineServiceOperationEndpoint(request);
        DescribeTableRequestMarshaller.Instance.Marshall(request);
        var table = new Table("dynatus-warm-up", new TableKey(new KeyElement("id", "S")));
        var create = Requests.CreateTable(table);
        TablePlanner.Plan(table, new LiveTable(new TableDescription
        {
            TableName = table.TableName,
            TableStatus = TableStatus.ACTIVE,
            KeySchema = create.KeySchema,
            AttributeDefinitions = create.AttributeDefinitions,
            ProvisionedThroughput = new ProvisionedThroughputDescription(),
        }));
    }
}
