using System.Text.RegularExpressions;
using Amazon.DynamoDBv2.Model;
using Dynatus.Testing;

namespace Dynatus.Build.Tests;

/// <summary>
/// What DynamoDB added lately, declared in a project and synced by its build through the packed package: a global
/// secondary index keyed by several attributes, contributor insights on the table and on that index, a resource-based
/// policy, a Kinesis destination and a replica in a second region, with the recovery, tags and destination that region
/// keeps for itself; and a multi-Region strongly consistent table with its replica and witness.
/// </summary>
[TestClass]
public sealed class NewerSettingsBuildTests
{
    [LocalServerOnly("a Kinesis stream that exists only as an ARN, another account's principal, and a second region: AWS needs the first two to exist, and an AWS run keeps to one region")]
    [TestMethod]
    public async Task Build_creates_the_index_with_its_key_in_order_the_insights_policy_destination_and_replica_the_application_uses_them_the_next_build_is_noop_and_a_dropped_replica_goes()
    {
        var name = Names.Unique("matches");
        var yaml = Yaml.Table(name, extra: """
            GlobalSecondaryIndexes:
              - IndexName: bracket-index
                KeySchema:
                  - AttributeName: tournamentId
                    KeyType: HASH
                  - AttributeName: regionId
                    KeyType: HASH
                  - AttributeName: roundNumber
                    KeyType: RANGE
                Projection:
                  ProjectionType: ALL
                ContributorInsightsSpecification:
                  Enabled: true
                  Mode: THROTTLED_KEYS
            ContributorInsightsSpecification:
              Enabled: true
            ResourcePolicy:
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Sid: ReadOnly
                    Effect: Allow
                    Principal: { AWS: "arn:aws:iam::111122223333:root" }
                    Action: dynamodb:Query
                    Resource: "*"
            KinesisStreamSpecification:
              StreamArn: arn:aws:kinesis:us-east-1:000000000000:stream/matches
            Replicas:
              - RegionName: eu-west-1
                PointInTimeRecoverySpecification:
                  PointInTimeRecoveryEnabled: true
                Tags:
                  - Key: region-team
                    Value: emea
                KinesisStreamSpecification:
                  StreamArn: arn:aws:kinesis:eu-west-1:000000000000:stream/matches-emea
            """).Replace("AttributeType: S\n", "AttributeType: S\n  - AttributeName: tournamentId\n    AttributeType: S\n  - AttributeName: regionId\n    AttributeType: S\n  - AttributeName: roundNumber\n    AttributeType: N\n", StringComparison.Ordinal);
        var consumer = Consumer.Create().WithTable("matches.yaml", yaml);

        var first = await consumer.BuildAsync();
        Assert.AreEqual(0, first.ExitCode, first.Output);
        StringAssert.DoesNotMatch(first.Output, new Regex(@"(warning|error) DYN1\d\d"), "no definition problem, nor a property left unsynced (DYN121)");
        StringAssert.Contains(first.Output, $"warning DYN010: {name}: create");

        using var client = Package.Server.CreateClient();
        var index = (await client.DescribeTableAsync(name)).Table.GlobalSecondaryIndexes.Single();
        CollectionAssert.AreEqual(new[] { "tournamentId HASH", "regionId HASH", "roundNumber RANGE" }, index.KeySchema.Select(k => $"{k.AttributeName} {k.KeyType.Value}").ToList());
        var insights = await client.DescribeContributorInsightsAsync(new DescribeContributorInsightsRequest { TableName = name, IndexName = "bracket-index" });
        Assert.AreEqual("THROTTLED_KEYS", insights.ContributorInsightsMode.Value);
        Assert.AreNotEqual("DISABLED", (await client.DescribeContributorInsightsAsync(new DescribeContributorInsightsRequest { TableName = name })).ContributorInsightsStatus.Value);
        var arn = (await client.DescribeTableAsync(name)).Table.TableArn;
        StringAssert.Contains((await client.GetResourcePolicyAsync(new GetResourcePolicyRequest { ResourceArn = arn })).Policy, "\"Sid\":\"ReadOnly\"");
        Assert.AreEqual("ACTIVE", (await client.DescribeKinesisStreamingDestinationAsync(new DescribeKinesisStreamingDestinationRequest { TableName = name })).KinesisDataStreamDestinations.Single().DestinationStatus.Value);
        foreach (var (id, region, round) in new[] { ("a", "NA", "2"), ("b", "NA", "1"), ("c", "EU", "1") })
        {
            await client.PutItemAsync(name, new() { ["id"] = new(id), ["tournamentId"] = new("WINTER"), ["regionId"] = new(region), ["roundNumber"] = new() { N = round } });
        }

        var matches = await client.QueryAsync(new QueryRequest
        {
            TableName = name,
            IndexName = "bracket-index",
            KeyConditionExpression = "tournamentId = :t AND regionId = :r",
            ExpressionAttributeValues = new() { [":t"] = new("WINTER"), [":r"] = new("NA") },
        });
        CollectionAssert.AreEqual(new[] { "b", "a" }, matches.Items.Select(i => i["id"].S).ToList());

        using var europe = Package.Server.CreateClient(region: "eu-west-1");
        var replica = (await europe.DescribeTableAsync(name)).Table;
        Assert.AreEqual(("ACTIVE", "us-east-1", "bracket-index"), (replica.TableStatus.Value, replica.Replicas.Single().RegionName, replica.GlobalSecondaryIndexes.Single().IndexName));
        var recovery = (await europe.DescribeContinuousBackupsAsync(new DescribeContinuousBackupsRequest { TableName = name })).ContinuousBackupsDescription.PointInTimeRecoveryDescription;
        Assert.AreEqual("ENABLED", recovery.PointInTimeRecoveryStatus.Value, "the replica's own recovery, in its region");
        Assert.AreEqual("region-team=emea", string.Join(",", (await europe.ListTagsOfResourceAsync(new ListTagsOfResourceRequest { ResourceArn = replica.TableArn })).Tags.Select(t => $"{t.Key}={t.Value}")));
        var emea = (await europe.DescribeKinesisStreamingDestinationAsync(new DescribeKinesisStreamingDestinationRequest { TableName = name })).KinesisDataStreamDestinations.Single();
        Assert.AreEqual(("arn:aws:kinesis:eu-west-1:000000000000:stream/matches-emea", "ACTIVE"), (emea.StreamArn, emea.DestinationStatus.Value), "the replica's own destination, in its region");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await europe.GetItemAsync(name, new() { ["id"] = new("c") })).Item is not { Count: > 0 })
        {
            Assert.IsLessThan(deadline, DateTime.UtcNow, "an item written in us-east-1 is read in eu-west-1");
            await Task.Delay(50);
        }

        var second = await consumer.BuildAsync();
        Assert.AreEqual(0, second.ExitCode, second.Output);
        StringAssert.Contains(second.Output, $"Dynatus: {name}: noop");

        var regional = await consumer.WithTable("matches.yaml", yaml[..yaml.IndexOf("Replicas:", StringComparison.Ordinal)] + "Replicas: []\n").BuildAsync();
        Assert.AreEqual(0, regional.ExitCode, regional.Output);
        StringAssert.Contains(regional.Output, "Replicas: remove eu-west-1");
        Assert.IsNull((await client.DescribeTableAsync(name)).Table.Replicas, "a local build removes the replica it no longer declares");
        var gone = DateTime.UtcNow.AddSeconds(20);
        while ((await europe.ListTablesAsync()).TableNames.Contains(name))
        {
            Assert.IsLessThan(gone, DateTime.UtcNow, "the table in eu-west-1 goes with its items");
            await Task.Delay(50);
        }
    }

    [LocalServerOnly("regions besides the run's own, and a table that must be empty when its replicas are added: an AWS run keeps to one region")]
    [TestMethod]
    public async Task Build_makes_a_strongly_consistent_table_whose_writes_its_replica_reads_at_once_and_a_later_build_removes_its_replica_and_witness_together()
    {
        var name = Names.Unique("ledger");
        var consumer = Consumer.Create().WithTable("ledger.yaml", Yaml.Table(name, extra: """
            MultiRegionConsistency: STRONG
            Replicas:
              - RegionName: us-east-2
            GlobalTableWitnesses:
              - RegionName: us-west-2
            """));

        var first = await consumer.BuildAsync();
        Assert.AreEqual(0, first.ExitCode, first.Output);
        StringAssert.DoesNotMatch(first.Output, new Regex(@"(warning|error) DYN1\d\d"), "no definition problem, nor a property left unsynced (DYN121)");
        using var client = Package.Server.CreateClient();
        var table = (await client.DescribeTableAsync(name)).Table;
        Assert.AreEqual(("STRONG", "us-east-2", "us-west-2"), (table.MultiRegionConsistency.Value, table.Replicas.Single().RegionName, table.GlobalTableWitnesses.Single().RegionName));
        await client.PutItemAsync(name, new() { ["id"] = new("entry-1") });
        using var ohio = Package.Server.CreateClient(region: "us-east-2");
        Assert.IsNotEmpty((await ohio.GetItemAsync(new GetItemRequest(name, new() { ["id"] = new("entry-1") }) { ConsistentRead = true })).Item, "a strongly consistent read in us-east-2 sees the write at once");

        var second = await consumer.BuildAsync();
        Assert.AreEqual(0, second.ExitCode, second.Output);
        StringAssert.Contains(second.Output, $"Dynatus: {name}: noop");

        var single = await consumer.WithTable("ledger.yaml", Yaml.Table(name, extra: "Replicas: []\n")).BuildAsync();
        Assert.AreEqual(0, single.ExitCode, single.Output);
        StringAssert.Contains(single.Output, "Replicas: remove us-east-2 and witness us-west-2 together");
        table = (await client.DescribeTableAsync(name)).Table;
        Assert.AreEqual((0, 0, null), (table.Replicas?.Count ?? 0, table.GlobalTableWitnesses?.Count ?? 0, table.MultiRegionConsistency?.Value), "a single-region table again, its item kept");
        Assert.IsNotEmpty((await client.GetItemAsync(name, new() { ["id"] = new("entry-1") })).Item);
    }
}
