using Dynatus.Testing;

namespace Dynatus.Build.Tests.FirstDay;

[TestClass]
public sealed class YamlReuseTests
{
    [TestMethod]
    public async Task Tables_share_a_block_through_a_merge_key_and_an_alias_into_another_document_is_an_error_at_the_alias()
    {
        var (users, orders) = (Names.Unique("users"), Names.Unique("orders"));
        var consumer = Consumer.Create().WithTable("tables.yaml", $"""
            x-defaults: &defaults
              KeySchema:
                - AttributeName: id
                  KeyType: HASH
              AttributeDefinitions:
                - AttributeName: id
                  AttributeType: S
              BillingMode: PAY_PER_REQUEST
              Tags:
                - Key: team
                  Value: core
            TableName: {users}
            <<: *defaults
            Tags:
              - Key: team
                Value: identity
            """);

        var first = await consumer.BuildAsync();
        Assert.AreEqual(0, first.ExitCode, first.Output);
        using var client = Package.Server.CreateClient();
        var table = (await client.DescribeTableAsync(users)).Table;
        Assert.AreEqual("PAY_PER_REQUEST", table.BillingModeSummary.BillingMode.Value);
        Assert.AreEqual("identity", (await client.ListTagsOfResourceAsync(new() { ResourceArn = table.TableArn })).Tags.Single().Value, "the table's own field wins over the merged one");

        consumer.WithTable("more.yaml", $"""
            x-defaults: &more
              BillingMode: PAY_PER_REQUEST
            TableName: {orders}
            KeySchema:
              - AttributeName: id
                KeyType: HASH
            AttributeDefinitions:
              - AttributeName: id
                AttributeType: S
            <<: *more
            ---
            TableName: {orders}-2
            <<: *more
            """);
        var second = await consumer.BuildAsync();
        Assert.AreNotEqual(0, second.ExitCode);
        StringAssert.Contains(second.Output, Path.Combine(consumer.Folder, "dynamo", "more.yaml") + "(13,5): error DYN100: Invalid YAML: the alias *more refers to an anchor in an earlier document; anchors do not cross documents (---).");
        await Assert.ThrowsExactlyAsync<Amazon.DynamoDBv2.Model.ResourceNotFoundException>(() => client.DescribeTableAsync(orders));
    }
}
