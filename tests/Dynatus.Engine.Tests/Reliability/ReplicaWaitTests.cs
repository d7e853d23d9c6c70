using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Applying;

namespace Dynatus.Engine.Tests.Reliability;

/// <summary>
/// When a wait for a replica ends, on DescribeTable's shapes: AWS lists a new replica some seconds after the call, may
/// end it in a failed status, or drop a create it aborts (ack-api-quirks' DynamoDB replica notes); a wait that only
/// looked for ACTIVE would then run to its time-out, as Terraform's did (terraform-provider-aws #43347). No server
/// here can fail a replica, so the decision is tested on its own.
/// </summary>
[TestClass]
public sealed class ReplicaWaitTests
{
    [TestMethod]
    public void A_new_replica_is_waited_for_until_ACTIVE_even_before_it_is_listed()
    {
        Assert.IsFalse(TableWaiter.ReplicaDone(Table(TableStatus.UPDATING), "eu-west-1", added: true, listedBefore: false), "the table is still changing");
        Assert.IsFalse(TableWaiter.ReplicaDone(Table(TableStatus.ACTIVE), "eu-west-1", added: true, listedBefore: false), "not listed yet");
        Assert.IsFalse(TableWaiter.ReplicaDone(Table(TableStatus.ACTIVE, ReplicaStatus.CREATING), "eu-west-1", added: true, listedBefore: true));
        Assert.IsTrue(TableWaiter.ReplicaDone(Table(TableStatus.ACTIVE, ReplicaStatus.ACTIVE), "eu-west-1", added: true, listedBefore: true));
    }

    [TestMethod]
    public void A_failed_status_or_a_dropped_entry_ends_the_wait_at_once()
    {
        Assert.IsTrue(TableWaiter.ReplicaDone(Table(TableStatus.ACTIVE, ReplicaStatus.CREATION_FAILED), "eu-west-1", added: true, listedBefore: true));
        Assert.IsTrue(TableWaiter.ReplicaDone(Table(TableStatus.ACTIVE, ReplicaStatus.INACCESSIBLE_ENCRYPTION_CREDENTIALS), "eu-west-1", added: true, listedBefore: true));
        Assert.IsTrue(TableWaiter.ReplicaDone(Table(TableStatus.ACTIVE), "eu-west-1", added: true, listedBefore: true), "listed, then gone");
    }

    [TestMethod]
    public void A_removed_replica_is_waited_for_until_it_is_no_longer_listed()
    {
        Assert.IsFalse(TableWaiter.ReplicaDone(Table(TableStatus.ACTIVE, ReplicaStatus.DELETING), "eu-west-1", added: false, listedBefore: true));
        Assert.IsTrue(TableWaiter.ReplicaDone(Table(TableStatus.ACTIVE), "eu-west-1", added: false, listedBefore: true));
        Assert.IsTrue(TableWaiter.ReplicaDone(Table(TableStatus.ACTIVE, ReplicaStatus.ACTIVE), "ap-south-1", added: false, listedBefore: true), "another region's replica is not the one removed");
    }

    [TestMethod]
    public void A_strongly_consistent_tables_witness_is_waited_for_until_ACTIVE_or_gone()
    {
        Assert.IsFalse(TableWaiter.WitnessDone(Witness(WitnessStatus.CREATING), "us-west-2", added: true));
        Assert.IsFalse(TableWaiter.WitnessDone(Witness(null), "us-west-2", added: true), "not listed yet");
        Assert.IsTrue(TableWaiter.WitnessDone(Witness(WitnessStatus.ACTIVE), "us-west-2", added: true));
        Assert.IsFalse(TableWaiter.WitnessDone(Witness(WitnessStatus.DELETING), "us-west-2", added: false));
        Assert.IsTrue(TableWaiter.WitnessDone(Witness(null), "us-west-2", added: false));
        Assert.IsTrue(TableWaiter.WitnessDone(Witness(WitnessStatus.CREATING), witness: null, added: true), "no witness: nothing to wait for");
    }

    private static TableDescription Witness(WitnessStatus? status) => new()
    {
        TableName = "users",
        TableStatus = TableStatus.ACTIVE,
        GlobalTableWitnesses = status is null ? null : [new GlobalTableWitnessDescription { RegionName = "us-west-2", WitnessStatus = status }],
    };

    private static TableDescription Table(TableStatus status, ReplicaStatus? replica = null, string region = "eu-west-1") => new()
    {
        TableName = "users",
        TableStatus = status,
        Replicas = replica is null ? null : [new ReplicaDescription { RegionName = region, ReplicaStatus = replica }],
    };
}
