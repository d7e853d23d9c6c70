using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Planning;

/// <summary>
/// Collects the in-place changes of one table, each with what applies it, and orders their calls as AWS requires:
/// GSI deletes, table class, one combined UpdateTable, stream view type, GSI creates, then SSE, TTL, PITR and tags.
/// </summary>
internal sealed class UpdatePlan(Table desired)
{
    private readonly List<TableChange> changes = [];
    private readonly List<string> notes = [];
    private readonly SortedSet<string> autoScalingQuestions = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, IReadOnlyList<string>> autoScalingQuestionsInRegions = new(StringComparer.Ordinal);
    private readonly HashSet<string> createdIndexes = new(StringComparer.Ordinal);
    private readonly List<string> removedReplicas = [];
    private string? blocker;

    public string TableName { get; } = desired.TableName;

    public void Block(string reason) => blocker ??= reason;

    /// <summary>A global index this plan creates, anew or again: its own settings start from AWS's defaults.</summary>
    public void CreateIndex(string indexName) => createdIndexes.Add(indexName);

    /// <summary>True when this plan creates the index.</summary>
    public bool CreatesIndex(string indexName) => createdIndexes.Contains(indexName);

    /// <summary>True when a change planned so far adds a replica.</summary>
    public bool AddsReplica => changes.SelectMany(c => c.Steps).Any(s => s.Step is ReplicaStep replica && replica.Request.ReplicaUpdates.Any(u => u.Create is not null));

    /// <summary>A replica this plan removes, with that region's items.</summary>
    public void RemoveReplica(string regionName) => removedReplicas.Add(regionName);

    /// <summary>Something in sync for a reason the user should know, such as a capacity left to auto scaling.</summary>
    public void Note(string text) => notes.Add(text);

    /// <summary>A provisioned capacity differs, and whether Application Auto Scaling scales it is not known yet.</summary>
    public void AskAutoScaling(string resourceId) => autoScalingQuestions.Add(resourceId);

    /// <summary>A change the one combined UpdateTable makes.</summary>
    public void Combine(string text, Action<UpdateTableRequest> combine) => changes.Add(new TableChange(text) { Combine = combine });

    /// <summary>A change made by calls of its own: one at least, so that no change goes without what applies it.</summary>
    public void Add(string text, (Stage Stage, PlanStep Step) first, params (Stage Stage, PlanStep Step)[] more) =>
        changes.Add(new TableChange(text) { Steps = [first, .. more] });

    /// <summary>
    /// The plan of a replica's table in its region (<see cref="ReplicaSetting.InRegion"/>): one change naming the region,
    /// whose calls are made there after the replicas are added.
    /// </summary>
    public void AddInRegion(string regionName, TablePlan regional)
    {
        if (regional.AutoScalingQuestions.Count > 0)
        {
            autoScalingQuestionsInRegions[regionName] = regional.AutoScalingQuestions;
        }

        if (regional.Changes.Count > 0)
        {
            changes.Add(new TableChange($"Replicas {regionName}: {string.Join("; ", regional.Changes)}")
            {
                Steps = regional.Steps.Select(s => (Stage.ReplicaSetting, (PlanStep)new RegionalStep(regionName, s))).ToList(),
            });
        }
    }

    public TablePlan Build()
    {
        var steps = changes.SelectMany(c => c.Steps).ToList();
        var combined = changes.Where(c => c.Combine is not null).ToList();
        if (combined.Count > 0)
        {
            var request = new UpdateTableRequest { TableName = TableName };
            combined.ForEach(c => c.Combine!(request));
            steps.Add((Stage.Combined, new UpdateTableStep(string.Join("; ", combined.Select(c => c.Text)), request)));
        }

        // Stable: within a stage, calls run in the order the changes were planned.
        var ordered = steps.OrderBy(s => s.Stage).Select(s => s.Step).ToList();
        var action = ordered.Count == 0 && blocker is null ? TableAction.Noop : TableAction.Update;
        return new TablePlan(TableName, action, changes.Select(c => c.Text).ToList(), ordered)
        {
            Blocker = blocker,
            Notes = notes,
            RemovedReplicas = removedReplicas,
            AutoScalingQuestions = [.. autoScalingQuestions],
            AutoScalingQuestionsInRegions = autoScalingQuestionsInRegions,
        };
    }
}
