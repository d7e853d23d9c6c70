using Amazon.DynamoDBv2.Model;

namespace Dynatus.Engine.Planning;

/// <summary>One request of a plan. After each table-changing step, the table and its indexes are waited on.</summary>
/// <param name="Description">What the step does, for logs.</param>
internal abstract record PlanStep(string Description);

/// <summary>CreateTable, then wait until the table and its indexes are ACTIVE.</summary>
/// <param name="Request">The request.</param>
internal sealed record CreateTableStep(CreateTableRequest Request) : PlanStep("CreateTable");

/// <summary>CreateBackup, then wait until the backup is AVAILABLE: before a recreate deletes the table, when asked.</summary>
/// <param name="TableName">The table.</param>
internal sealed record BackupTableStep(string TableName) : PlanStep("CreateBackup (before the table is deleted)");

/// <summary>DeleteTable, then wait until the table is gone. Only in a recreate, which must be allowed.</summary>
/// <param name="TableName">The table.</param>
internal sealed record DeleteTableStep(string TableName) : PlanStep("DeleteTable (deletes every item)");

/// <summary>UpdateTable, then wait until the table and every index are ACTIVE again.</summary>
/// <param name="Description">What the call changes.</param>
/// <param name="Request">The request.</param>
internal sealed record UpdateTableStep(string Description, UpdateTableRequest Request) : PlanStep(Description);

/// <summary>
/// UpdateTable with ReplicaUpdates: one action alone in its request (AWS takes one a call), or a multi-Region strongly
/// consistent table's replicas and witness all at once; done once each replica and the witness are ACTIVE, or gone, and
/// the table ACTIVE.
/// </summary>
/// <param name="Description">What the call does.</param>
/// <param name="RegionNames">The replicas' regions.</param>
/// <param name="Adds">True when the replicas are there afterwards (added or changed), false when they are removed with their items.</param>
/// <param name="Request">The request.</param>
/// <param name="WitnessRegionName">The witness added or removed with them; null: none.</param>
internal sealed record ReplicaStep(string Description, IReadOnlyList<string> RegionNames, bool Adds, UpdateTableRequest Request, string? WitnessRegionName = null) : PlanStep(Description);

/// <summary>A step on a replica's table in its own region, for a setting each region keeps for itself.</summary>
/// <param name="RegionName">The replica's region.</param>
/// <param name="Step">What is done there, as it would be done to any table.</param>
internal sealed record RegionalStep(string RegionName, PlanStep Step) : PlanStep($"{Step.Description} in {RegionName}");

/// <summary>UpdateTimeToLive.</summary>
/// <param name="Description">What the call changes.</param>
/// <param name="Request">The request.</param>
internal sealed record UpdateTimeToLiveStep(string Description, UpdateTimeToLiveRequest Request) : PlanStep(Description);

/// <summary>UpdateContinuousBackups; retried while DynamoDB says backups are not yet available on a new table.</summary>
/// <param name="Description">What the call changes.</param>
/// <param name="Request">The request.</param>
internal sealed record UpdateContinuousBackupsStep(string Description, UpdateContinuousBackupsRequest Request) : PlanStep(Description);

/// <summary>UpdateContributorInsights on the table or one of its global indexes.</summary>
/// <param name="Description">What the call does.</param>
/// <param name="Request">The request.</param>
internal sealed record UpdateContributorInsightsStep(string Description, UpdateContributorInsightsRequest Request) : PlanStep(Description);

/// <summary>PutResourcePolicy on the table.</summary>
/// <param name="Request">The request.</param>
internal sealed record PutResourcePolicyStep(PutResourcePolicyRequest Request) : PlanStep($"PutResourcePolicy {ResourcePolicyChanges.Describe(Request.Policy)}");

/// <summary>EnableKinesisStreamingDestination; done once the destination is ACTIVE.</summary>
/// <param name="Request">The request.</param>
internal sealed record EnableKinesisStreamingStep(EnableKinesisStreamingDestinationRequest Request) : PlanStep($"EnableKinesisStreamingDestination {Request.StreamArn}");

/// <summary>UpdateKinesisStreamingDestination (the creation time's precision); done once the destination is ACTIVE again.</summary>
/// <param name="Request">The request.</param>
internal sealed record UpdateKinesisStreamingStep(UpdateKinesisStreamingDestinationRequest Request) : PlanStep($"UpdateKinesisStreamingDestination {Request.StreamArn}");

/// <summary>DisableKinesisStreamingDestination; done once the destination is DISABLED.</summary>
/// <param name="Request">The request.</param>
internal sealed record DisableKinesisStreamingStep(DisableKinesisStreamingDestinationRequest Request) : PlanStep($"DisableKinesisStreamingDestination {Request.StreamArn}");

/// <summary>
/// PutResourcePolicy, or DeleteResourcePolicy when the policy is null, on the table's stream, whose ARN is read when the
/// call is made: a stream enabled in the same sync has a new one.
/// </summary>
/// <param name="Policy">The policy as JSON; null: none.</param>
internal sealed record StreamResourcePolicyStep(string? Policy) : PlanStep(Policy is null ? "DeleteResourcePolicy (stream)" : $"PutResourcePolicy (stream) {ResourcePolicyChanges.Describe(Policy)}");

/// <summary>DeleteResourcePolicy on the table.</summary>
/// <param name="Request">The request.</param>
internal sealed record DeleteResourcePolicyStep(DeleteResourcePolicyRequest Request) : PlanStep("DeleteResourcePolicy");

/// <summary>TagResource; on a table made in the same sync, its ARN (null in the plan) is read when the call is made.</summary>
/// <param name="Request">The request.</param>
internal sealed record TagResourceStep(TagResourceRequest Request) : PlanStep("TagResource");

/// <summary>UntagResource; its ARN as <see cref="TagResourceStep"/>'s.</summary>
/// <param name="Request">The request.</param>
internal sealed record UntagResourceStep(UntagResourceRequest Request) : PlanStep("UntagResource");

/// <summary>
/// RegisterScalableTarget with the bounds, then PutScalingPolicy with the target tracking policy, in Application Auto
/// Scaling, for one capacity of the table or of a global index.
/// </summary>
/// <param name="Label">How a plan line names the table (empty) or index (<c>GSI name </c>).</param>
/// <param name="Resource">The table or index.</param>
/// <param name="Read">True for the read capacity, false for the write capacity.</param>
/// <param name="Setting">The bounds and the policy.</param>
/// <param name="PolicyName">The policy's name: the existing policy's, else the one the AWS console gives.</param>
internal sealed record AutoScalingStep(string Label, ScalableResource Resource, bool Read, Model.CapacityAutoScaling Setting, string PolicyName)
    : PlanStep($"register {AutoScalingChanges.SettingName(Label, Read)} {AutoScalingChanges.Describe(Setting)}");
