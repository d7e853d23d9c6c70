using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Testing;

namespace LocalDynamoDb.Tests;

/// <summary>
/// Regions and global tables (version 2019.11.21): each request is answered by the region it is signed for, and
/// UpdateTable's ReplicaUpdates adds or removes a replica in another region, with the rules and messages measured
/// against AWS (ack-api-quirks' DynamoDB replica notes, 2026-10-09; the local-region message as Terraform's AWS provider
/// quotes it).
/// </summary>
[TestClass]
public sealed class ReplicaTests
{
    private const string Other = "eu-west-1";

    [TestMethod]
    public async Task A_table_is_in_the_region_its_client_signs_for_only()
    {
        using var east = Server.Local.CreateClient();
        using var west = Server.Local.CreateClient(region: Other);
        var table = await Tables.CreateAsync(east);

        await Assert.ThrowsExactlyAsync<ResourceNotFoundException>(() => west.DescribeTableAsync(table));
        Assert.DoesNotContain(table, (await west.ListTablesAsync()).TableNames);
        StringAssert.StartsWith((await east.DescribeTableAsync(table)).Table.TableArn, "arn:aws:dynamodb:us-east-1:");

        await Tables.CreateAsync(west, r => r.TableName = table);
        await west.PutItemAsync(table, Item("only-west"));
        StringAssert.StartsWith((await west.DescribeTableAsync(table)).Table.TableArn, $"arn:aws:dynamodb:{Other}:", "the same name, another table");
        Assert.IsEmpty((await east.ScanAsync(new ScanRequest(table))).Items);
    }

    [TestMethod]
    public async Task A_replica_gets_the_keys_indexes_and_items_and_each_side_receives_the_others_writes()
    {
        using var east = Server.Local.CreateClient();
        using var west = Server.Local.CreateClient(region: Other);
        var table = await Tables.CreateAsync(east, WithIndex);
        await east.PutItemAsync(table, Item("before", "a@example.com"));

        var adding = (await east.UpdateTableAsync(AddReplica(table, Other))).TableDescription;
        Assert.AreEqual((TableStatus.UPDATING, Other, ReplicaStatus.CREATING), (adding.TableStatus, adding.Replicas.Single().RegionName, adding.Replicas.Single().ReplicaStatus));
        Assert.AreEqual((true, StreamViewType.NEW_AND_OLD_IMAGES), (adding.StreamSpecification.StreamEnabled, adding.StreamSpecification.StreamViewType), "replication runs on a stream of both images, turned on when off");
        var source = await Tables.WaitAsync(east, table, t => t.TableStatus == TableStatus.ACTIVE && t.Replicas is not null && t.Replicas.All(r => r.ReplicaStatus == ReplicaStatus.ACTIVE));
        Assert.AreEqual("2019.11.21", source.GlobalTableVersion);

        var replica = (await west.DescribeTableAsync(table)).Table;
        Assert.AreEqual((TableStatus.ACTIVE, "us-east-1", "2019.11.21"), (replica.TableStatus, replica.Replicas.Single().RegionName, replica.GlobalTableVersion), "each member lists the others");
        Assert.AreEqual(("email-index", BillingMode.PAY_PER_REQUEST), (replica.GlobalSecondaryIndexes.Single().IndexName, replica.BillingModeSummary.BillingMode));
        Assert.AreEqual("a@example.com", (await west.GetItemAsync(table, Key("before"))).Item["email"].S, "the items there before are copied");

        await west.PutItemAsync(table, Item("from-west", "w@example.com"));
        await UntilAsync(() => Tables.ItemAsync(east, table, "from-west"), item => item is not null, "a write in the replica reaches the source");
        await east.DeleteItemAsync(table, Key("before"));
        await UntilAsync(() => Tables.ItemAsync(west, table, "before"), item => item is null, "a delete reaches the replica");
        await east.PutItemAsync(table, Item("from-west", "changed@example.com"));
        await UntilAsync(() => Tables.ItemAsync(west, table, "from-west"), item => item?["email"].S == "changed@example.com", "the last write wins");
        var byEmail = await west.QueryAsync(new QueryRequest(table) { IndexName = "email-index", KeyConditionExpression = "email = :e", ExpressionAttributeValues = new() { [":e"] = new AttributeValue("changed@example.com") } });
        Assert.AreEqual("from-west", byEmail.Items.Single()["id"].S, "replicated items are in the replica's indexes");
    }

    [TestMethod]
    public async Task Removing_a_replica_deletes_that_regions_table_and_the_table_is_regional_again()
    {
        using var east = Server.Local.CreateClient();
        using var west = Server.Local.CreateClient(region: Other);
        var table = await ReplicatedAsync(east);

        var removing = (await east.UpdateTableAsync(new UpdateTableRequest { TableName = table, ReplicaUpdates = [new() { Delete = new DeleteReplicationGroupMemberAction { RegionName = Other } }] })).TableDescription;
        Assert.AreEqual(ReplicaStatus.DELETING, removing.Replicas.Single().ReplicaStatus);
        var regional = await Tables.WaitAsync(east, table, t => t.TableStatus == TableStatus.ACTIVE && t.Replicas is null);
        Assert.IsNull(regional.GlobalTableVersion, "a table without replicas describes as a regional table");
        await UntilAsync(async () => (await west.ListTablesAsync()).TableNames, names => !names.Contains(table), "the replica's table goes, with its items");

        await east.PutItemAsync(table, Item("after"));
        await east.UpdateTableAsync(new UpdateTableRequest { TableName = table, StreamSpecification = new StreamSpecification { StreamEnabled = false } });
    }

    [TestMethod]
    public async Task A_table_that_was_a_new_replicas_source_cannot_be_deleted_for_24_hours_unless_its_replicas_go_first()
    {
        // A server of its own: the test moves its clock.
        await using var local = await Dynatus.Testing.LocalDynamoDb.StartAsync();
        using var east = local.CreateClient();
        var table = await ReplicatedAsync(east);

        var refused = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => east.DeleteTableAsync(table));
        StringAssert.Contains(refused.Message, "has acted as a source region for new replica(s) being added to the table in the last 24 hours");
        await local.AdvanceClockAsync(TimeSpan.FromHours(24));
        await east.DeleteTableAsync(table);

        var again = await ReplicatedAsync(east);
        await east.UpdateTableAsync(new UpdateTableRequest { TableName = again, ReplicaUpdates = [new() { Delete = new DeleteReplicationGroupMemberAction { RegionName = Other } }] });
        await Tables.WaitAsync(east, again, t => t.TableStatus == TableStatus.ACTIVE && t.Replicas is not { Count: > 0 });
        await east.DeleteTableAsync(again);
    }

    [TestMethod]
    public async Task A_third_region_joins_every_members_list_and_a_regional_delete_leaves_them()
    {
        using var east = Server.Local.CreateClient();
        using var west = Server.Local.CreateClient(region: Other);
        using var tokyo = Server.Local.CreateClient(region: "ap-northeast-1");
        var table = await ReplicatedAsync(east);

        await west.UpdateTableAsync(AddReplica(table, "ap-northeast-1"));
        await Tables.WaitAsync(west, table, t => t.TableStatus == TableStatus.ACTIVE && t.Replicas?.Count == 2 && t.Replicas.All(r => r.ReplicaStatus == ReplicaStatus.ACTIVE));
        CollectionAssert.AreEquivalent(new[] { Other, "ap-northeast-1" }, (await east.DescribeTableAsync(table)).Table.Replicas.Select(r => r.RegionName).ToList());
        CollectionAssert.AreEquivalent(new[] { "us-east-1", Other }, (await tokyo.DescribeTableAsync(table)).Table.Replicas.Select(r => r.RegionName).ToList());
        await tokyo.PutItemAsync(table, Item("from-tokyo"));
        await UntilAsync(() => Tables.ItemAsync(east, table, "from-tokyo"), item => item is not null, "a write reaches every member");

        await tokyo.DeleteTableAsync(table);
        CollectionAssert.AreEqual(new[] { Other }, (await east.DescribeTableAsync(table)).Table.Replicas.Select(r => r.RegionName).ToList());
    }

    [TestMethod]
    public async Task An_index_TTL_and_table_class_changed_in_one_region_change_in_every_replica_and_deletion_protection_stays_regional()
    {
        using var east = Server.Local.CreateClient();
        using var west = Server.Local.CreateClient(region: Other);
        var table = await ReplicatedAsync(east);
        await west.PutItemAsync(table, Item("1", "a@example.com"));

        await east.UpdateTableAsync(Tables.AddIndex(table, "email-index", "email"));
        await Tables.WaitAsync(west, table, t => t.GlobalSecondaryIndexes?.SingleOrDefault()?.IndexStatus == IndexStatus.ACTIVE);
        await UntilAsync(
            async () => (await west.QueryAsync(new QueryRequest(table) { IndexName = "email-index", KeyConditionExpression = "email = :e", ExpressionAttributeValues = new() { [":e"] = new AttributeValue("a@example.com") } })).Items,
            items => items.Count == 1,
            "the replica's new index is backfilled");

        await west.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest { TableName = table, TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = "expires", Enabled = true } });
        await UntilAsync(async () => (await east.DescribeTimeToLiveAsync(table)).TimeToLiveDescription, ttl => ttl.TimeToLiveStatus == TimeToLiveStatus.ENABLED && ttl.AttributeName == "expires", "TTL is the global table's");

        await Tables.WaitAsync(east, table, t => t.TableStatus == TableStatus.ACTIVE && t.GlobalSecondaryIndexes.All(i => i.IndexStatus == IndexStatus.ACTIVE));
        await east.UpdateTableAsync(new UpdateTableRequest { TableName = table, TableClass = TableClass.STANDARD_INFREQUENT_ACCESS, DeletionProtectionEnabled = true });
        var replica = await Tables.WaitAsync(west, table, t => t.TableClassSummary?.TableClass == TableClass.STANDARD_INFREQUENT_ACCESS);
        Assert.IsFalse(replica.DeletionProtectionEnabled, "deletion protection is each region's own");
        await Tables.WaitAsync(east, table, t => t.TableStatus == TableStatus.ACTIVE);
        await east.UpdateTableAsync(new UpdateTableRequest { TableName = table, DeletionProtectionEnabled = false });
    }

    [TestMethod]
    public async Task A_replica_has_its_own_table_class_and_read_maximum_as_overrides_and_the_tables_own_value_clears_one()
    {
        using var east = Server.Local.CreateClient();
        using var west = Server.Local.CreateClient(region: Other);
        var table = await Tables.CreateAsync(east);
        var create = AddReplica(table, Other);
        create.ReplicaUpdates[0].Create.TableClassOverride = TableClass.STANDARD_INFREQUENT_ACCESS;
        create.ReplicaUpdates[0].Create.OnDemandThroughputOverride = new OnDemandThroughputOverride { MaxReadRequestUnits = 100 };

        await east.UpdateTableAsync(create);
        var entry = (await Tables.WaitAsync(east, table, t => t.TableStatus == TableStatus.ACTIVE && t.Replicas?.Single().ReplicaStatus == ReplicaStatus.ACTIVE)).Replicas.Single();
        Assert.AreEqual((TableClass.STANDARD_INFREQUENT_ACCESS, 100L), (entry.ReplicaTableClassSummary.TableClass, entry.OnDemandThroughputOverride.MaxReadRequestUnits));
        var replica = (await west.DescribeTableAsync(table)).Table;
        Assert.AreEqual((TableClass.STANDARD_INFREQUENT_ACCESS, 100L, -1L), (replica.TableClassSummary.TableClass, replica.OnDemandThroughput.MaxReadRequestUnits, replica.OnDemandThroughput.MaxWriteRequestUnits), "the replica's table has them");

        var update = new UpdateReplicationGroupMemberAction { RegionName = Other, TableClassOverride = TableClass.STANDARD, OnDemandThroughputOverride = new OnDemandThroughputOverride { MaxReadRequestUnits = -1 } };
        var updating = (await east.UpdateTableAsync(new UpdateTableRequest { TableName = table, ReplicaUpdates = [new() { Update = update }] })).TableDescription;
        Assert.AreEqual(ReplicaStatus.UPDATING, updating.Replicas.Single().ReplicaStatus);
        entry = (await Tables.WaitAsync(east, table, t => t.TableStatus == TableStatus.ACTIVE && t.Replicas.Single().ReplicaStatus == ReplicaStatus.ACTIVE)).Replicas.Single();
        Assert.AreEqual((TableClass.STANDARD, null), (entry.ReplicaTableClassSummary.TableClass, entry.OnDemandThroughputOverride), "the table's own maximum clears the override");
        replica = (await west.DescribeTableAsync(table)).Table;
        Assert.AreEqual((TableClass.STANDARD, -1L), (replica.TableClassSummary.TableClass, replica.OnDemandThroughput.MaxReadRequestUnits));

        var provisioned = new UpdateReplicationGroupMemberAction { RegionName = Other, ProvisionedThroughputOverride = new ProvisionedThroughputOverride { ReadCapacityUnits = 5 } };
        await Tables.RefusedAsync(east, new UpdateTableRequest { TableName = table, ReplicaUpdates = [new() { Update = provisioned }] }, "not allowed for a table in PAY_PER_REQUEST mode");
        await Tables.RefusedAsync(east, new UpdateTableRequest { TableName = table, ReplicaUpdates = [new() { Update = new UpdateReplicationGroupMemberAction { RegionName = Other } }] }, "no actions specified");
    }

    [TestMethod]
    public async Task A_replicas_index_has_its_own_read_maximum_as_an_override_in_its_entry()
    {
        using var east = Server.Local.CreateClient();
        using var west = Server.Local.CreateClient(region: Other);
        var table = await Tables.CreateAsync(east, WithIndex);
        var create = AddReplica(table, Other);
        create.ReplicaUpdates[0].Create.GlobalSecondaryIndexes = [new ReplicaGlobalSecondaryIndex { IndexName = "email-index", OnDemandThroughputOverride = new OnDemandThroughputOverride { MaxReadRequestUnits = 50 } }];

        await east.UpdateTableAsync(create);
        var entry = (await Tables.WaitAsync(east, table, t => t.TableStatus == TableStatus.ACTIVE && t.Replicas?.Single().ReplicaStatus == ReplicaStatus.ACTIVE)).Replicas.Single();
        Assert.AreEqual(("email-index", 50L), (entry.GlobalSecondaryIndexes.Single().IndexName, entry.GlobalSecondaryIndexes.Single().OnDemandThroughputOverride.MaxReadRequestUnits));
        Assert.AreEqual(50L, (await west.DescribeTableAsync(table)).Table.GlobalSecondaryIndexes.Single().OnDemandThroughput.MaxReadRequestUnits, "the replica's index has it");

        var update = new UpdateReplicationGroupMemberAction { RegionName = Other, GlobalSecondaryIndexes = [new ReplicaGlobalSecondaryIndex { IndexName = "email-index", OnDemandThroughputOverride = new OnDemandThroughputOverride { MaxReadRequestUnits = -1 } }] };
        await east.UpdateTableAsync(new UpdateTableRequest { TableName = table, ReplicaUpdates = [new() { Update = update }] });
        entry = (await Tables.WaitAsync(east, table, t => t.TableStatus == TableStatus.ACTIVE && t.Replicas.Single().ReplicaStatus == ReplicaStatus.ACTIVE)).Replicas.Single();
        Assert.IsNull(entry.GlobalSecondaryIndexes, "the index's own maximum clears the override");
        Assert.AreEqual(-1L, (await west.DescribeTableAsync(table)).Table.GlobalSecondaryIndexes.Single().OnDemandThroughput.MaxReadRequestUnits);

        var unknown = new UpdateReplicationGroupMemberAction { RegionName = Other, GlobalSecondaryIndexes = [new ReplicaGlobalSecondaryIndex { IndexName = "no-such-index", OnDemandThroughputOverride = new OnDemandThroughputOverride { MaxReadRequestUnits = 5 } }] };
        await Tables.RefusedAsync(east, new UpdateTableRequest { TableName = table, ReplicaUpdates = [new() { Update = unknown }] }, "no global secondary index no-such-index");
    }

    [TestMethod]
    public async Task A_replicas_own_read_maximums_stay_when_the_tables_and_its_indexs_maximums_change_there()
    {
        using var east = Server.Local.CreateClient();
        using var west = Server.Local.CreateClient(region: Other);
        var table = await Tables.CreateAsync(east, WithIndex);
        var create = AddReplica(table, Other);
        create.ReplicaUpdates[0].Create.OnDemandThroughputOverride = new OnDemandThroughputOverride { MaxReadRequestUnits = 100 };
        create.ReplicaUpdates[0].Create.GlobalSecondaryIndexes = [new ReplicaGlobalSecondaryIndex { IndexName = "email-index", OnDemandThroughputOverride = new OnDemandThroughputOverride { MaxReadRequestUnits = 50 } }];
        await east.UpdateTableAsync(create);
        await Tables.WaitAsync(east, table, AllActive);

        await east.UpdateTableAsync(new UpdateTableRequest { TableName = table, OnDemandThroughput = new OnDemandThroughput { MaxReadRequestUnits = 300, MaxWriteRequestUnits = 200 } });
        var replica = await UntilAsync(async () => (await west.DescribeTableAsync(table)).Table, t => t.OnDemandThroughput.MaxWriteRequestUnits == 200, "the table's new write maximum reaches the replica");
        Assert.AreEqual(100L, replica.OnDemandThroughput.MaxReadRequestUnits, "the replica's own read maximum stays");

        var index = new UpdateGlobalSecondaryIndexAction { IndexName = "email-index", OnDemandThroughput = new OnDemandThroughput { MaxReadRequestUnits = 400, MaxWriteRequestUnits = 80 } };
        await Tables.WaitAsync(east, table, t => t.TableStatus == TableStatus.ACTIVE);
        await east.UpdateTableAsync(new UpdateTableRequest { TableName = table, GlobalSecondaryIndexUpdates = [new() { Update = index }] });
        var replicaIndex = (await UntilAsync(async () => (await west.DescribeTableAsync(table)).Table, t => t.GlobalSecondaryIndexes.Single().OnDemandThroughput.MaxWriteRequestUnits == 80, "the index's new write maximum reaches the replica")).GlobalSecondaryIndexes.Single();
        Assert.AreEqual(50L, replicaIndex.OnDemandThroughput.MaxReadRequestUnits, "the replica's own index read maximum stays");
    }

    [TestMethod]
    public async Task Replica_updates_are_refused_as_AWS_refuses_them()
    {
        using var east = Server.Local.CreateClient();
        using var west = Server.Local.CreateClient(region: Other);
        var table = await Tables.CreateAsync(east);

        await Tables.RefusedAsync(east, AddReplica(table, "us-east-1"), "Cannot add, delete, or update the local region through ReplicaUpdates. Use CreateTable, DeleteTable, or UpdateTable as required.");
        var two = AddReplica(table, Other);
        two.ReplicaUpdates.Add(new() { Create = new CreateReplicationGroupMemberAction { RegionName = "ap-south-1" } });
        await Tables.RefusedAsync(east, two, "more than one create or delete replica actions not allowed");
        var combined = AddReplica(table, Other);
        combined.DeletionProtectionEnabled = true;
        await Tables.RefusedAsync(east, combined, "ReplicaUpdates cannot be combined with other changes");
        await Tables.RefusedAsync(east, new UpdateTableRequest { TableName = table, ReplicaUpdates = [new() { Delete = new DeleteReplicationGroupMemberAction { RegionName = Other } }] }, "Replica specified in the Replica Update or Replica Delete action of the request was not found.");

        await Tables.CreateAsync(west, r => r.TableName = table);
        await Tables.RefusedAsync(east, AddReplica(table, Other), $"Failed to create a the new replica of table with name: '{table}' because one or more replicas already existed as tables.");
        Assert.IsNull((await east.DescribeTableAsync(table)).Table.Replicas, "nothing was changed");
    }

    [TestMethod]
    public async Task A_provisioned_table_needs_its_writes_and_every_index_writes_auto_scaled()
    {
        using var east = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(east, r =>
        {
            WithIndex(r);
            r.BillingMode = BillingMode.PROVISIONED;
            r.ProvisionedThroughput = new ProvisionedThroughput(5, 5);
            r.GlobalSecondaryIndexes[0].ProvisionedThroughput = new ProvisionedThroughput(2, 2);
        });

        await Tables.RefusedAsync(east, AddReplica(table, Other), "Table write capacity should either be Pay-Per-Request or AutoScaled.");
        await ScalableTargets.RegisterAsync(Server.Local.Endpoint, $"table/{table}", read: false, 5, 50);
        await Tables.RefusedAsync(east, AddReplica(table, Other), "GSI write capacity should either be Pay-Per-Request or AutoScaled.");
        await ScalableTargets.RegisterAsync(Server.Local.Endpoint, $"table/{table}/index/email-index", read: false, 2, 20);
        var create = AddReplica(table, Other);
        create.ReplicaUpdates[0].Create.ProvisionedThroughputOverride = new ProvisionedThroughputOverride { ReadCapacityUnits = 3 };
        await east.UpdateTableAsync(create);

        var entry = (await Tables.WaitAsync(east, table, t => t.TableStatus == TableStatus.ACTIVE && t.Replicas?.Single().ReplicaStatus == ReplicaStatus.ACTIVE)).Replicas.Single();
        Assert.AreEqual(3, entry.ProvisionedThroughputOverride.ReadCapacityUnits);
        using var west = Server.Local.CreateClient(region: Other);
        var capacity = (await west.DescribeTableAsync(table)).Table.ProvisionedThroughput;
        Assert.AreEqual((3L, 5L), (capacity.ReadCapacityUnits, capacity.WriteCapacityUnits), "the replica has its own read capacity and the table's write capacity");
    }

    [TestMethod]
    public async Task The_stream_of_a_table_with_replicas_stays_as_it_is()
    {
        using var east = Server.Local.CreateClient();
        var table = await ReplicatedAsync(east);

        await Tables.RefusedAsync(east, new UpdateTableRequest { TableName = table, StreamSpecification = new StreamSpecification { StreamEnabled = false } }, "Disabling Stream is not allowed for a Global Table replica");
    }

    [TestMethod]
    public async Task A_KMS_encrypted_tables_replica_is_encrypted_there_under_its_own_key_listed_in_its_entry()
    {
        using var east = Server.Local.CreateClient();
        using var west = Server.Local.CreateClient(region: Other);
        var table = await Tables.CreateAsync(east, r => r.SSESpecification = new SSESpecification { Enabled = true, SSEType = SSEType.KMS, KMSMasterKeyId = "table-key" });

        await east.UpdateTableAsync(new UpdateTableRequest { TableName = table, ReplicaUpdates = [new() { Create = new CreateReplicationGroupMemberAction { RegionName = Other, KMSMasterKeyId = "eu-key" } }] });
        var entry = (await Tables.WaitAsync(east, table, AllActive)).Replicas.Single();
        StringAssert.StartsWith(entry.KMSMasterKeyId, $"arn:aws:kms:{Other}:", "a key of the replica's region, as an ARN");
        StringAssert.EndsWith(entry.KMSMasterKeyId, ":key/eu-key");
        Assert.AreEqual(entry.KMSMasterKeyId, (await west.DescribeTableAsync(table)).Table.SSEDescription.KMSMasterKeyArn);

        await east.UpdateTableAsync(new UpdateTableRequest { TableName = table, ReplicaUpdates = [new() { Update = new UpdateReplicationGroupMemberAction { RegionName = Other, KMSMasterKeyId = "new-key" } }] });
        await Tables.WaitAsync(east, table, AllActive);
        StringAssert.EndsWith((await west.DescribeTableAsync(table)).Table.SSEDescription.KMSMasterKeyArn, ":key/new-key");

        var plain = await Tables.CreateAsync(east);
        await Tables.RefusedAsync(east, new UpdateTableRequest { TableName = plain, ReplicaUpdates = [new() { Create = new CreateReplicationGroupMemberAction { RegionName = Other, KMSMasterKeyId = "eu-key" } }] }, "encrypted with a KMS key");
    }

    private static async Task<string> ReplicatedAsync(AmazonDynamoDBClient client)
    {
        var table = await Tables.CreateAsync(client);
        await client.UpdateTableAsync(AddReplica(table, Other));
        await Tables.WaitAsync(client, table, t => t.TableStatus == TableStatus.ACTIVE && t.Replicas?.Count == 1 && t.Replicas[0].ReplicaStatus == ReplicaStatus.ACTIVE);
        return table;
    }

    private static bool AllActive(TableDescription table) => table.TableStatus == TableStatus.ACTIVE && table.Replicas is { Count: > 0 } replicas && replicas.All(r => r.ReplicaStatus == ReplicaStatus.ACTIVE);

    private static void WithIndex(CreateTableRequest request)
    {
        request.AttributeDefinitions.Add(new AttributeDefinition("email", ScalarAttributeType.S));
        request.GlobalSecondaryIndexes = [new GlobalSecondaryIndex { IndexName = "email-index", KeySchema = [new KeySchemaElement("email", KeyType.HASH)], Projection = new Projection { ProjectionType = ProjectionType.ALL } }];
    }

    private static UpdateTableRequest AddReplica(string table, string region) =>
        new() { TableName = table, ReplicaUpdates = [new() { Create = new CreateReplicationGroupMemberAction { RegionName = region } }] };

    private static Dictionary<string, AttributeValue> Key(string id) => new() { ["id"] = new AttributeValue(id) };

    private static Dictionary<string, AttributeValue> Item(string id, string email = "x@example.com") => new() { ["id"] = new AttributeValue(id), ["email"] = new AttributeValue(email) };

    // Replication is asynchronous, as in AWS: a write shows in the other region within moments, not at once.
    private static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        T value;
        while (!done(value = await read()))
        {
            Assert.IsLessThan(deadline, DateTime.UtcNow, what);
            await Task.Delay(25);
        }

        return value;
    }
}
