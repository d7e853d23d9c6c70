using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Planning;

/// <summary>The calls of in-place changes that cannot share the combined UpdateTable.</summary>
internal static class UpdateSteps
{
    public static (Stage, PlanStep) DeleteIndex(string table, string indexName) => (Stage.IndexDelete, new UpdateTableStep(
        $"delete GSI {indexName}",
        new UpdateTableRequest { TableName = table, GlobalSecondaryIndexUpdates = [new() { Delete = new DeleteGlobalSecondaryIndexAction { IndexName = indexName } }] }));

    public static (Stage, PlanStep) CreateIndex(string table, SecondaryIndex index, List<AttributeDefinition> attributes)
    {
        var create = Requests.GlobalIndex(index);
        return (Stage.IndexCreate, new UpdateTableStep($"create GSI {index.IndexName}", new UpdateTableRequest
        {
            TableName = table,
            AttributeDefinitions = attributes,
            GlobalSecondaryIndexUpdates =
            [
                new()
                {
                    Create = new CreateGlobalSecondaryIndexAction
                    {
                        IndexName = create.IndexName,
                        KeySchema = create.KeySchema,
                        Projection = create.Projection,
                        ProvisionedThroughput = create.ProvisionedThroughput,
                        OnDemandThroughput = create.OnDemandThroughput,
                        WarmThroughput = create.WarmThroughput,
                    },
                },
            ],
        }));
    }

    public static (Stage, PlanStep) TableClass(string table, TableClass value) =>
        (Stage.TableClass, new UpdateTableStep($"TableClass {value}", new UpdateTableRequest { TableName = table, TableClass = value }));

    public static (Stage, PlanStep) DisableStream(string table) =>
        (Stage.StreamViewType, new UpdateTableStep("disable stream", new UpdateTableRequest { TableName = table, StreamSpecification = new StreamSpecification { StreamEnabled = false } }));

    public static (Stage, PlanStep) EnableStream(string table, StreamViewType viewType) => (Stage.StreamViewType, new UpdateTableStep($"enable stream {viewType}", new UpdateTableRequest
    {
        TableName = table,
        StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = viewType },
    }));

    public static (Stage, PlanStep) Setting(PlanStep step) => (Stage.Setting, step);

    /// <summary>A GSI's throughput fields on the combined UpdateTable: one Update action an index, whatever fields change.</summary>
    public static void UpdateIndex(UpdateTableRequest request, UpdateGlobalSecondaryIndexAction action)
    {
        request.GlobalSecondaryIndexUpdates ??= [];
        if (request.GlobalSecondaryIndexUpdates.FirstOrDefault(u => u.Update.IndexName == action.IndexName)?.Update is { } existing)
        {
            existing.ProvisionedThroughput ??= action.ProvisionedThroughput;
            existing.OnDemandThroughput ??= action.OnDemandThroughput;
            existing.WarmThroughput ??= action.WarmThroughput;
        }
        else
        {
            request.GlobalSecondaryIndexUpdates.Add(new GlobalSecondaryIndexUpdate { Update = action });
        }
    }
}
