using Amazon.DynamoDBv2.Model;

namespace Dynatus.Engine.Planning;

/// <summary>
/// When a call of an in-place update runs: the order AWS requires (the order Terraform proved). A replica is removed
/// before, and added after, everything else: the stream cannot change while the table has replicas, and a new replica
/// copies the table as it then is. What a replica's region keeps for itself is set there last, once the replica exists.
/// </summary>
internal enum Stage
{
    ReplicaDelete,
    IndexDelete,
    TableClass,
    Combined,
    StreamViewType,
    IndexCreate,
    Setting,
    ReplicaCreate,
    ReplicaSetting,
}

/// <summary>
/// One difference of an in-place update, with what applies it, so that its text and its requests cannot drift:
/// either its part of the table's one combined UpdateTable, or calls of its own, each in its stage.
/// </summary>
/// <param name="Text">The property, its old and its new value.</param>
internal sealed record TableChange(string Text)
{
    /// <summary>Sets its fields on the combined UpdateTable (billing, throughput, protection, stream on or off, GSI throughput).</summary>
    public Action<UpdateTableRequest>? Combine { get; init; }

    /// <summary>Its own calls.</summary>
    public IReadOnlyList<(Stage Stage, PlanStep Step)> Steps { get; init; } = [];
}
