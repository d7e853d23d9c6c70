using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace LocalDynamoDb.Tests;

/// <summary>
/// Resource-based policies on a table and on its stream (PutResourcePolicy, GetResourcePolicy, DeleteResourcePolicy,
/// CreateTable's ResourcePolicy), per the DynamoDB API reference: kept and returned as written, not enforced.
/// </summary>
[TestClass]
public sealed class ResourcePolicyTests
{
    private const string Policy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::000000000000:root"},"Action":"dynamodb:GetItem","Resource":"*"}]}""";

    [TestMethod]
    public async Task A_policy_is_put_read_back_as_written_with_a_new_revision_each_time_and_deleted()
    {
        using var client = Server.Local.CreateClient();
        var arn = await ArnAsync(client, await Tables.CreateAsync(client));
        await Assert.ThrowsExactlyAsync<PolicyNotFoundException>(() => client.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = arn }));

        var first = await client.PutResourcePolicyAsync(new PutResourcePolicyRequest { ResourceArn = arn, Policy = Policy });
        var read = await client.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = arn });
        Assert.AreEqual((Policy, first.RevisionId), (read.Policy, read.RevisionId));

        var second = await client.PutResourcePolicyAsync(new PutResourcePolicyRequest { ResourceArn = arn, Policy = Policy.Replace("GetItem", "Query", StringComparison.Ordinal), ExpectedRevisionId = first.RevisionId });
        Assert.AreNotEqual(first.RevisionId, second.RevisionId);
        await Assert.ThrowsExactlyAsync<PolicyNotFoundException>(() => client.PutResourcePolicyAsync(new PutResourcePolicyRequest { ResourceArn = arn, Policy = Policy, ExpectedRevisionId = first.RevisionId }), "a stale revision is refused");

        await client.DeleteResourcePolicyAsync(new DeleteResourcePolicyRequest { ResourceArn = arn });
        await Assert.ThrowsExactlyAsync<PolicyNotFoundException>(() => client.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = arn }));
        await Assert.ThrowsExactlyAsync<PolicyNotFoundException>(() => client.DeleteResourcePolicyAsync(new DeleteResourcePolicyRequest { ResourceArn = arn }));
    }

    [TestMethod]
    public async Task CreateTable_keeps_the_policy_it_is_given_and_a_stream_has_its_own()
    {
        using var client = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(client, r =>
        {
            r.ResourcePolicy = Policy;
            r.StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.KEYS_ONLY };
        });
        var description = (await client.DescribeTableAsync(table)).Table;

        Assert.AreEqual(Policy, (await client.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = description.TableArn })).Policy);
        await Assert.ThrowsExactlyAsync<PolicyNotFoundException>(() => client.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = description.LatestStreamArn }));
        await client.PutResourcePolicyAsync(new PutResourcePolicyRequest { ResourceArn = description.LatestStreamArn, Policy = Policy });
        Assert.AreEqual(Policy, (await client.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = description.LatestStreamArn })).Policy);

        // A stream turned off and on again is a new stream, with a new ARN and no policy.
        await client.UpdateTableAsync(new UpdateTableRequest { TableName = table, StreamSpecification = new StreamSpecification { StreamEnabled = false } });
        await Tables.WaitAsync(client, table, t => t.TableStatus == TableStatus.ACTIVE);
        await client.UpdateTableAsync(new UpdateTableRequest { TableName = table, StreamSpecification = new StreamSpecification { StreamEnabled = true, StreamViewType = StreamViewType.NEW_IMAGE } });
        var replaced = await Tables.WaitAsync(client, table, t => t.TableStatus == TableStatus.ACTIVE);
        Assert.AreNotEqual(description.LatestStreamArn, replaced.LatestStreamArn);
        await Assert.ThrowsExactlyAsync<PolicyNotFoundException>(() => client.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = replaced.LatestStreamArn }));
    }

    [TestMethod]
    public async Task A_policy_over_20_KB_or_not_a_policy_or_for_a_missing_table_is_refused()
    {
        using var client = Server.Local.CreateClient();
        var arn = await ArnAsync(client, await Tables.CreateAsync(client));
        var large = Policy.Replace("\"Resource\":\"*\"", $"\"Resource\":\"*\",\"Sid\":\"{new string('x', 20 * 1024)}\"", StringComparison.Ordinal);

        StringAssert.Contains((await Assert.ThrowsExactlyAsync<AmazonDynamoDBException>(() => client.PutResourcePolicyAsync(new PutResourcePolicyRequest { ResourceArn = arn, Policy = large }))).Message, "exceeds the maximum allowed size of 20480 bytes");
        await Assert.ThrowsExactlyAsync<AmazonDynamoDBException>(() => client.PutResourcePolicyAsync(new PutResourcePolicyRequest { ResourceArn = arn, Policy = "not json" }));
        await Assert.ThrowsExactlyAsync<ResourceNotFoundException>(() => client.PutResourcePolicyAsync(new PutResourcePolicyRequest { ResourceArn = arn + "-missing", Policy = Policy }));
    }

    private static async Task<string> ArnAsync(AmazonDynamoDBClient client, string table) => (await client.DescribeTableAsync(table)).Table.TableArn;
}
