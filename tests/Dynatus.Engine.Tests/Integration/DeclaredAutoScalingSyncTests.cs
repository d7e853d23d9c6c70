using Amazon.DynamoDBv2;
using Dynatus.Engine.Exporting;
using Dynatus.Engine.Planning;
using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Integration;

/// <summary>
/// A provisioned table that declares its writes auto scaled, with a replica: created, its scalable targets and target
/// tracking policies registered before the replica is added (the local DynamoDB refuses the replica otherwise, as AWS
/// does), noop on the next sync, a changed target value put on the same policy, the replica's read auto scaling
/// registered in its region, and exported with its auto scaling.
/// </summary>
[LocalServerOnly("a second region and Application Auto Scaling on the local server")]
[TestClass]
public sealed class DeclaredAutoScalingSyncTests
{
    private const string Scaled = "WriteProvisionedThroughputSettings:\n  WriteCapacityAutoScalingSettings: { MinCapacity: 5, MaxCapacity: 50, TargetTrackingScalingPolicyConfiguration: { TargetValue: 70 } }\n";

    [TestMethod]
    public async Task A_provisioned_table_with_declared_auto_scaling_is_created_with_its_replica_then_noop_then_updated()
    {
        var endpoint = Server.Local.Endpoint!; // a local server's: LocalServerOnly
        using var east = Server.Local.CreateClient();
        var name = Names.Unique("declared-scaling");
        var yaml = Definitions.ProvisionedWithEmailIndex(name, Scaled + "Replicas:\n  - RegionName: eu-west-1\n")
            .Replace("    ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 }\n", "    ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 2 }\n    " + Scaled.Replace("\n  ", "\n      ", StringComparison.Ordinal), StringComparison.Ordinal);
        var folder = Definitions.Folder(yaml);

        var created = await TableSync.SyncAsync(east, folder);

        Assert.IsTrue(created.Succeeded, created.Error + string.Join("\n", created.Tables.Select(t => t.Error)));
        CollectionAssert.AreEquivalent(
            new[] { ($"table/{name}", "dynamodb:table:WriteCapacityUnits", 5L, 50L), ($"table/{name}/index/email-index", "dynamodb:index:WriteCapacityUnits", 5L, 50L) },
            (await ScalableTargets.DescribeAsync(endpoint, $"table/{name}", $"table/{name}/index/email-index")).ToArray());
        var policy = (await ScalableTargets.PoliciesAsync(endpoint, $"table/{name}", read: false)).Single();
        Assert.AreEqual(($"DynamoDBWriteCapacityUtilization:table/{name}", 70.0), (policy.PolicyName, policy.Configuration.GetProperty("TargetValue").GetDouble()));
        Assert.AreEqual(ReplicaStatus.ACTIVE, (await east.DescribeTableAsync(name)).Table.Replicas.Single().ReplicaStatus);
        Assert.AreEqual(TableAction.Noop, (await TableSync.SyncAsync(east, folder)).Tables.Single().Action);

        var retargeted = Definitions.Rewrite(folder, 0, yaml.Replace("MaxCapacity: 50, TargetTrackingScalingPolicyConfiguration: { TargetValue: 70 } }\nReplicas", "MaxCapacity: 50, TargetTrackingScalingPolicyConfiguration: { TargetValue: 60 } }\nReplicas", StringComparison.Ordinal)
            + "    ReadProvisionedThroughputSettings:\n      ReadCapacityAutoScalingSettings: { MinCapacity: 3, MaxCapacity: 30, TargetTrackingScalingPolicyConfiguration: { TargetValue: 65 } }\n");
        var updated = (await TableSync.SyncAsync(east, retargeted)).Tables.Single();

        CollectionAssert.AreEqual(
            new[] { "WriteCapacityAutoScalingSettings: 5-50 at 70% -> 5-50 at 60%", "Replicas eu-west-1: ReadCapacityAutoScalingSettings: none -> 3-30 at 65%" },
            updated.Changes.ToList(),
            updated.Error?.Message);
        Assert.AreEqual(60.0, (await ScalableTargets.PoliciesAsync(endpoint, $"table/{name}", read: false)).Single().Configuration.GetProperty("TargetValue").GetDouble(), "the same policy, updated");
        Assert.AreEqual(($"table/{name}", "dynamodb:table:ReadCapacityUnits", 3L, 30L), (await ScalableTargets.DescribeInAsync(endpoint, "eu-west-1", $"table/{name}")).Single(), "the replica's, in its region");
        Assert.AreEqual(TableAction.Noop, (await TableSync.SyncAsync(east, retargeted)).Tables.Single().Action);

        var exported = Path.Combine(Path.GetTempPath(), "dynatus-tests", Guid.NewGuid().ToString("N"));
        var export = await TableExport.ExportAsync(east, exported, new ExportOptions { TableNames = [name] });
        Assert.IsNull(export.Error, export.Error?.ToString());
        var written = File.ReadAllText(export.Files.Single().Path);
        StringAssert.Contains(written, "WriteProvisionedThroughputSettings:\n  WriteCapacityAutoScalingSettings:\n    MinCapacity: 5\n    MaxCapacity: 50\n    TargetTrackingScalingPolicyConfiguration:\n      TargetValue: 60\n");
        Assert.AreEqual(2, written.Split("WriteCapacityAutoScalingSettings:").Length - 1, "the table's and the index's");
        StringAssert.Contains(written, "  - RegionName: eu-west-1\n    ReadProvisionedThroughputSettings:\n      ReadCapacityAutoScalingSettings:\n        MinCapacity: 3\n        MaxCapacity: 30\n", "the replica's, read in its region");
        Assert.AreEqual(TableAction.Noop, (await TableSync.SyncAsync(east, exported, new SyncOptions { DryRun = true })).Tables.Single().Action, "the export plans noop");
    }

    [TestMethod]
    public async Task A_local_DynamoDB_without_Application_Auto_Scaling_refuses_declared_auto_scaling_before_the_table_is_made()
    {
        // dynalite alone answers Application Auto Scaling's operations with <UnknownOperationException/>, as DynamoDB Local does not know them either.
        using var dynalite = await PlainDynalite.StartAsync();
        using var client = new AmazonDynamoDBClient(new Amazon.Runtime.BasicAWSCredentials("local", "local"), new AmazonDynamoDBConfig { ServiceURL = dynalite.Endpoint, AuthenticationRegion = "us-east-1" });
        var name = Names.Unique("plain-scaling");

        var result = (await TableSync.SyncAsync(client, Definitions.Folder(Definitions.ProvisionedWithEmailIndex(name, Scaled)))).Tables.Single();

        Assert.AreEqual(SyncErrorCodes.LocalServerLacks, result.Error?.Code, result.Error?.Message);
        StringAssert.Contains(result.Error!.Message, "does not know Application Auto Scaling");
        Assert.DoesNotContain("DynamoDB Local", result.Error.Message, "which scales nothing either");
        CollectionAssert.DoesNotContain((await client.ListTablesAsync()).TableNames, name, "nothing was made");
    }
}
