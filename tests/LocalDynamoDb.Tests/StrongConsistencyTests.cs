using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace LocalDynamoDb.Tests;

/// <summary>
/// Multi-Region strong consistency (MRSC): UpdateTable with MultiRegionConsistency STRONG makes an empty table a global
/// table of exactly three regions in one region set (replicas and a witness, GlobalTableWitnessUpdates), whose writes
/// every region reads at once, and whose regions leave only together. The rules are the DynamoDB API reference's and
/// CloudFormation's (GlobalTableWitnessGroupUpdate, AWS::DynamoDB::GlobalTable GlobalTableWitness); the messages are
/// worded by the local DynamoDB, not measured against AWS, so the tests check their gist.
/// </summary>
[TestClass]
public sealed class StrongConsistencyTests
{
    private const string Replica = "us-east-2";
    private const string Witness = "us-west-2";

    [TestMethod]
    public async Task A_replica_and_a_witness_make_a_strongly_consistent_table_whose_writes_the_other_region_reads_at_once()
    {
        using var east = Server.Local.CreateClient();
        using var ohio = Server.Local.CreateClient(region: Replica);
        using var oregon = Server.Local.CreateClient(region: Witness);
        var table = await Tables.CreateAsync(east);

        var making = (await east.UpdateTableAsync(Strong(table, [Replica], Witness))).TableDescription;
        Assert.AreEqual((MultiRegionConsistency.STRONG, WitnessStatus.CREATING), (making.MultiRegionConsistency, making.GlobalTableWitnesses.Single().WitnessStatus));
        var made = await UntilMadeAsync(east, table);
        Assert.AreEqual((Replica, Witness), (made.Replicas.Single().RegionName, made.GlobalTableWitnesses.Single().RegionName));
        var replica = (await ohio.DescribeTableAsync(table)).Table;
        Assert.AreEqual((MultiRegionConsistency.STRONG, Witness), (replica.MultiRegionConsistency, replica.GlobalTableWitnesses.Single().RegionName), "each member shows the consistency and the witness");
        await Assert.ThrowsExactlyAsync<ResourceNotFoundException>(() => oregon.DescribeTableAsync(table), "a witness keeps no table a client reaches");

        // No waiting: a strongly consistent read in any region sees the write once it has returned.
        await east.PutItemAsync(table, Item("from-east"));
        Assert.IsNotNull(await Tables.ItemAsync(ohio, table, "from-east"));
        await ohio.PutItemAsync(table, Item("from-ohio"));
        Assert.IsNotNull(await Tables.ItemAsync(east, table, "from-ohio"));
        await east.DeleteItemAsync(table, Key("from-ohio"));
        Assert.IsNull(await Tables.ItemAsync(ohio, table, "from-ohio"));
    }

    [TestMethod]
    public async Task Only_an_empty_table_in_three_regions_of_one_set_becomes_strongly_consistent()
    {
        using var east = Server.Local.CreateClient();
        var table = await Tables.CreateAsync(east);

        await Tables.RefusedAsync(east, Strong(table, [Replica], witness: null), "exactly three Regions");
        await Tables.RefusedAsync(east, Strong(table, [Replica, "eu-west-1"], witness: null), "one Region set");
        await Tables.RefusedAsync(east, Strong(table, [Replica], Replica), "exactly three Regions");
        var witnessOnly = Strong(table, [Replica], Witness);
        witnessOnly.MultiRegionConsistency = null;
        await Tables.RefusedAsync(east, witnessOnly, "MRSC global table");

        await east.PutItemAsync(table, Item("already-here"));
        await Tables.RefusedAsync(east, Strong(table, [Replica, Witness], witness: null), "must be empty");
        Assert.IsFalse((await east.DescribeTableAsync(table)).Table.Replicas is { Count: > 0 }, "nothing was added");
    }

    [TestMethod]
    public async Task A_global_tables_consistency_never_changes()
    {
        using var east = Server.Local.CreateClient();
        var eventual = await Tables.CreateAsync(east);
        await east.UpdateTableAsync(new UpdateTableRequest { TableName = eventual, ReplicaUpdates = [Create(Replica)] });
        await Tables.WaitAsync(east, eventual, t => t.TableStatus == TableStatus.ACTIVE && t.Replicas?.Single().ReplicaStatus == ReplicaStatus.ACTIVE);
        await Tables.RefusedAsync(east, Strong(eventual, [Witness], witness: null), "cannot be changed");

        var strong = await Tables.CreateAsync(east);
        await east.UpdateTableAsync(Strong(strong, [Replica, Witness], witness: null));
        await UntilMadeAsync(east, strong);
        await Tables.RefusedAsync(east, new UpdateTableRequest { TableName = strong, ReplicaUpdates = [Create("eu-west-1")] }, "set when it is made");
        await Tables.RefusedAsync(east, new UpdateTableRequest { TableName = strong, MultiRegionConsistency = MultiRegionConsistency.EVENTUAL, ReplicaUpdates = [Create("eu-west-1")] }, "cannot be changed");
    }

    [TestMethod]
    public async Task Its_replicas_and_witness_leave_together_and_leave_a_single_region_table()
    {
        using var east = Server.Local.CreateClient();
        using var ohio = Server.Local.CreateClient(region: Replica);
        var table = await Tables.CreateAsync(east);
        await east.UpdateTableAsync(Strong(table, [Replica], Witness));
        await UntilMadeAsync(east, table);

        await Tables.RefusedAsync(east, new UpdateTableRequest { TableName = table, ReplicaUpdates = [Delete(Replica)] }, "removed all together");

        await east.UpdateTableAsync(new UpdateTableRequest
        {
            TableName = table,
            ReplicaUpdates = [Delete(Replica)],
            GlobalTableWitnessUpdates = [new GlobalTableWitnessGroupUpdate { Delete = new DeleteGlobalTableWitnessGroupMemberAction { RegionName = Witness } }],
        });
        var single = await Tables.WaitAsync(east, table, t => t.TableStatus == TableStatus.ACTIVE && t.Replicas is not { Count: > 0 });
        Assert.AreEqual((null, 0), (single.MultiRegionConsistency?.Value, single.GlobalTableWitnesses?.Count ?? 0), "a single-region table again");
        await Assert.ThrowsExactlyAsync<ResourceNotFoundException>(() => ohio.DescribeTableAsync(table), "the replica is deleted");
    }

    private static UpdateTableRequest Strong(string table, string[] replicas, string? witness) => new()
    {
        TableName = table,
        MultiRegionConsistency = MultiRegionConsistency.STRONG,
        ReplicaUpdates = replicas.Select(Create).ToList(),
        GlobalTableWitnessUpdates = witness is null ? null : [new GlobalTableWitnessGroupUpdate { Create = new CreateGlobalTableWitnessGroupMemberAction { RegionName = witness } }],
    };

    private static ReplicationGroupUpdate Create(string region) => new() { Create = new CreateReplicationGroupMemberAction { RegionName = region } };

    private static ReplicationGroupUpdate Delete(string region) => new() { Delete = new DeleteReplicationGroupMemberAction { RegionName = region } };

    private static Task<TableDescription> UntilMadeAsync(IAmazonDynamoDB client, string table) =>
        Tables.WaitAsync(client, table, t => t.TableStatus == TableStatus.ACTIVE
            && t.Replicas is { Count: > 0 } replicas && replicas.All(r => r.ReplicaStatus == ReplicaStatus.ACTIVE)
            && (t.GlobalTableWitnesses ?? []).All(w => w.WitnessStatus == WitnessStatus.ACTIVE));

    private static Dictionary<string, AttributeValue> Key(string id) => new() { ["id"] = new AttributeValue(id) };

    private static Dictionary<string, AttributeValue> Item(string id) => new() { ["id"] = new AttributeValue(id), ["note"] = new AttributeValue("strong") };

}
