using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Planning;

/// <summary>
/// Plans the table's and its stream's resource-based policies: compared as JSON, so that formatting and key order are
/// never drift; put or deleted in a call of their own (a new table gets its own in its CreateTable). A stream enabled
/// or replaced in the same sync is a new stream, without a policy.
/// </summary>
internal static class ResourcePolicyChanges
{
    public static void Add(Table desired, Table currentTable, LiveTable live, UpdatePlan plan)
    {
        if (desired.ResourcePolicy is not { } wanted)
        {
            return;
        }

        var current = currentTable.ResourcePolicy?.PolicyDocument;
        if (Same(current, wanted.PolicyDocument))
        {
            return;
        }

        var arn = live.Table.TableArn;
        var text = $"ResourcePolicy: {Describe(current)} -> {Describe(wanted.PolicyDocument)}";
        plan.Add(text, UpdateSteps.Setting(wanted.PolicyDocument is { } policy
            ? new PutResourcePolicyStep(new PutResourcePolicyRequest { ResourceArn = arn, Policy = policy })
            : new DeleteResourcePolicyStep(new DeleteResourcePolicyRequest { ResourceArn = arn })));
    }

    public static void AddStream(Table desired, Table currentTable, UpdatePlan plan)
    {
        if (desired.StreamSpecification is not { ResourcePolicy: { } wanted } stream)
        {
            return;
        }

        var current = currentTable.StreamSpecification is { } live && live.StreamViewType == stream.StreamViewType ? live.ResourcePolicy?.PolicyDocument : null;
        if (stream.StreamViewType is not null && !Same(current, wanted.PolicyDocument))
        {
            plan.Add($"StreamSpecification.ResourcePolicy: {Describe(current)} -> {Describe(wanted.PolicyDocument)}", UpdateSteps.Setting(new StreamResourcePolicyStep(wanted.PolicyDocument)));
        }
    }

    /// <summary>What a new table's creation is followed by: its stream's policy, if it declares one.</summary>
    public static IEnumerable<StreamResourcePolicyStep> AfterCreate(Table desired) =>
        desired.StreamSpecification is { StreamViewType: not null, ResourcePolicy.PolicyDocument: { } policy } ? [new StreamResourcePolicyStep(policy)] : [];

    private static bool Same(string? live, string? wanted) =>
        live is null || wanted is null ? live == wanted : JsonNode.DeepEquals(JsonNode.Parse(live), JsonNode.Parse(wanted));

    // A policy is too long for a plan line: its statements' ids (Sid) or their count say which one it is.
    public static string Describe(string? policy)
    {
        if (policy is null)
        {
            return "none";
        }

        var statements = JsonNode.Parse(policy)?["Statement"] switch
        {
            JsonArray list => list.ToList(),
            JsonNode one => [one],
            null => [],
        };
        var ids = statements.Select(s => (s as JsonObject)?["Sid"]?.GetValue<string>()).OfType<string>().ToList();
        return ids.Count == statements.Count && ids.Count > 0 ? $"[{string.Join(", ", ids)}]" : $"{statements.Count} statement(s)";
    }
}
