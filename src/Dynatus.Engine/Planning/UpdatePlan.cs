using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Definitions;

namespace Dynatus.Engine.Planning;

/// <summary>
/// Collects the in-place changes of one table and orders them as AWS requires
/// (the order Terraform proved): GSI deletes, table class, one combined UpdateTable,
/// stream view type, GSI creates, then SSE, TTL, PITR and tags.
/// </summary>
internal sealed class UpdatePlan(TableDefinition desired)
{
    private readonly List<string> changes = [];
    private readonly List<PlanStep> indexDeletes = [];
    private readonly List<PlanStep> tableClass = [];
    private readonly List<PlanStep> streamViewType = [];
    private readonly List<PlanStep> indexCreates = [];
    private readonly List<PlanStep> settings = [];
    private readonly List<string> combinedChanges = [];
    private string? blocker;

    public string TableName { get; } = desired.TableName!;

    /// <summary>The one UpdateTable call of step 3, built up field by field.</summary>
    public UpdateTableRequest Combined { get; } = new() { TableName = desired.TableName };

    public void Change(string change) => changes.Add(change);

    public void Block(string reason) => blocker ??= reason;

    public void AddToCombined(string change)
    {
        changes.Add(change);
        combinedChanges.Add(change);
    }

    public void UpdateIndex(UpdateGlobalSecondaryIndexAction action, string change)
    {
        Combined.GlobalSecondaryIndexUpdates ??= [];
        var existing = Combined.GlobalSecondaryIndexUpdates.FirstOrDefault(u => u.Update.IndexName == action.IndexName)?.Update;
        if (existing is null)
        {
            Combined.GlobalSecondaryIndexUpdates.Add(new GlobalSecondaryIndexUpdate { Update = action });
        }
        else
        {
            existing.ProvisionedThroughput ??= action.ProvisionedThroughput;
            existing.OnDemandThroughput ??= action.OnDemandThroughput;
            existing.WarmThroughput ??= action.WarmThroughput;
        }

        AddToCombined(change);
    }

    public void DeleteIndex(string indexName) => indexDeletes.Add(new UpdateTableStep(
        $"delete GSI {indexName}",
        new UpdateTableRequest { TableName = TableName, GlobalSecondaryIndexUpdates = [new() { Delete = new DeleteGlobalSecondaryIndexAction { IndexName = indexName } }] }));

    public void CreateIndex(GlobalSecondaryIndexDefinition index, List<AttributeDefinition> attributes)
    {
        var create = Requests.GlobalIndex(index);
        indexCreates.Add(new UpdateTableStep($"create GSI {index.IndexName}", new UpdateTableRequest
        {
            TableName = TableName,
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

    public void ChangeTableClass(string value) =>
        tableClass.Add(new UpdateTableStep($"TableClass {value}", new UpdateTableRequest { TableName = TableName, TableClass = new Amazon.DynamoDBv2.TableClass(value) }));

    public void ChangeStreamViewType(string viewType)
    {
        streamViewType.Add(new UpdateTableStep("disable stream", new UpdateTableRequest { TableName = TableName, StreamSpecification = new StreamSpecification { StreamEnabled = false } }));
        streamViewType.Add(new UpdateTableStep($"enable stream {viewType}", new UpdateTableRequest
        {
            TableName = TableName,
            StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = new Amazon.DynamoDBv2.StreamViewType(viewType) },
        }));
    }

    public void AddSetting(PlanStep step) => settings.Add(step);

    public TablePlan Build()
    {
        var combined = combinedChanges.Count > 0 ? [new UpdateTableStep(string.Join("; ", combinedChanges), Combined)] : new List<PlanStep>();
        List<PlanStep> steps = [.. indexDeletes, .. tableClass, .. combined, .. streamViewType, .. indexCreates, .. settings];
        var action = steps.Count == 0 && blocker is null ? TableAction.Noop : TableAction.Update;
        return new TablePlan(TableName, action, changes, steps) { Blocker = blocker };
    }
}
