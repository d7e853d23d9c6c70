using System.Text.Json.Nodes;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Planning;
using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Integration;

/// <summary>A table's resource-based policy, synced, read back with the SDK, changed, exported and planned again.</summary>
[LocalServerOnly("a policy naming another account's principal: AWS checks that the principal exists")]
[TestClass]
public sealed class ResourcePolicySyncTests
{
    private const string Policy = "ResourcePolicy:\n  PolicyDocument:\n    Version: \"2012-10-17\"\n    Statement:\n      - Sid: ReadOnly\n        Effect: Allow\n        Principal: { AWS: \"arn:aws:iam::111122223333:root\" }\n        Action: dynamodb:GetItem\n        Resource: \"*\"";

    [TestMethod]
    public async Task A_new_table_gets_its_policy_a_change_is_put_and_an_export_plans_noop()
    {
        var name = Names.Unique("policy");
        using var client = Server.Local.CreateClient();
        var folder = Definitions.Folder(Definitions.OnDemand(name, Policy));

        var created = await TableSync.SyncAsync(client, folder);
        Assert.IsTrue(created.Succeeded, created.Error + string.Join("\n", created.Problems));
        var arn = (await client.DescribeTableAsync(name)).Table.TableArn;
        Assert.AreEqual("ReadOnly", Live(await client.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = arn }))["Statement"]![0]!["Sid"]!.GetValue<string>());
        Assert.AreEqual(TableAction.Noop, (await TableSync.SyncAsync(client, folder)).Tables.Single().Action);

        var changed = await TableSync.SyncAsync(client, Definitions.Rewrite(folder, 0, Definitions.OnDemand(name, Policy.Replace("dynamodb:GetItem", "[dynamodb:GetItem, dynamodb:Query]", StringComparison.Ordinal))));
        Assert.AreEqual(TableAction.Update, changed.Tables.Single().Action, changed.Tables.Single().Error?.Message);
        Assert.HasCount(2, Live(await client.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = arn }))["Statement"]![0]!["Action"]!.AsArray());

        await ExportCheck.PlansNoopAsync(client, name);
    }

    [TestMethod]
    public async Task A_streams_policy_is_put_once_the_stream_exists_again_on_a_replaced_stream_and_an_export_plans_noop()
    {
        var name = Names.Unique("streampolicy");
        using var client = Server.Local.CreateClient();
        var stream = "StreamSpecification:\n  StreamEnabled: true\n  StreamViewType: NEW_IMAGE\n  " + Policy.Replace("\n", "\n  ", StringComparison.Ordinal).Replace("dynamodb:GetItem", "dynamodb:GetRecords", StringComparison.Ordinal);
        var folder = Definitions.Folder(Definitions.OnDemand(name, stream));

        var created = await TableSync.SyncAsync(client, folder);
        Assert.IsTrue(created.Succeeded, created.Error + string.Join("\n", created.Problems));
        var first = (await client.DescribeTableAsync(name)).Table.LatestStreamArn;
        Assert.AreEqual("ReadOnly", Live(await client.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = first }))["Statement"]![0]!["Sid"]!.GetValue<string>());
        Assert.AreEqual(TableAction.Noop, (await TableSync.SyncAsync(client, folder)).Tables.Single().Action);

        var replaced = await TableSync.SyncAsync(client, Definitions.Rewrite(folder, 0, Definitions.OnDemand(name, stream.Replace("NEW_IMAGE", "KEYS_ONLY", StringComparison.Ordinal))));
        Assert.IsTrue(replaced.Succeeded, replaced.Error?.ToString());
        var second = (await client.DescribeTableAsync(name)).Table.LatestStreamArn;
        Assert.AreNotEqual(first, second, "a new view type is a new stream");
        Assert.AreEqual("ReadOnly", Live(await client.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = second }))["Statement"]![0]!["Sid"]!.GetValue<string>());

        await ExportCheck.PlansNoopAsync(client, name, "  ResourcePolicy:\n    PolicyDocument: '{");
    }

    private static JsonNode Live(GetResourcePolicyResponse response) => JsonNode.Parse(response.Policy)!;
}
