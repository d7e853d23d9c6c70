using Dynatus.Testing;

namespace Dynatus.Build.Tests.Reliability;

/// <summary>
/// 1,000 items through every in-place change the planner supports, one dotnet build after another.
/// GSI create/delete, stream, SSE, table class, protection, TTL and PITR rely on the local server's additions.
/// </summary>
[LocalServerOnly("provisioned capacity: the AWS run makes on-demand tables only")]
[TestClass]
public sealed class DataSafetyTests
{
    // On-demand to provisioned: throughput for the table and its index, in one UpdateTable.
    private const string Provisioned = "ProvisionedThroughput:\n  ReadCapacityUnits: 5\n  WriteCapacityUnits: 5\n" + EmailIndex + "    ProvisionedThroughput:\n      ReadCapacityUnits: 2\n      WriteCapacityUnits: 2\n";

    private const string EmailIndex = "GlobalSecondaryIndexes:\n  - IndexName: email-index\n    KeySchema:\n      - AttributeName: email\n        KeyType: HASH\n    Projection:\n      ProjectionType: ALL\n";

    [TestMethod]
    public async Task Every_in_place_change_keeps_all_1000_items_byte_for_byte()
    {
        var name = Names.Unique("safe");
        var consumer = Consumer.Create(properties: "<DynatusAllowRecreate>false</DynatusAllowRecreate>").WithTable("t.yaml", Yaml.Table(name));
        Assert.AreEqual(0, (await consumer.BuildAsync()).ExitCode);
        using var client = Package.Server.CreateClient();
        await Items.PutAsync(client, name, 1000);
        var before = await Items.ReadAllAsync(client, name);
        Assert.HasCount(1000, before);

        string[] changes =
        [
            EmailIndex,
            EmailIndex + "StreamSpecification:\n  StreamEnabled: true\n  StreamViewType: KEYS_ONLY\n",
            EmailIndex + "StreamSpecification:\n  StreamEnabled: true\n  StreamViewType: NEW_AND_OLD_IMAGES\n",
            EmailIndex + "TableClass: STANDARD_INFREQUENT_ACCESS\nDeletionProtectionEnabled: true\nSSESpecification:\n  Enabled: true\n",
            EmailIndex + "DeletionProtectionEnabled: false\nTimeToLiveSpecification:\n  AttributeName: expires_at\n  Enabled: true\nPointInTimeRecoverySpecification:\n  PointInTimeRecoveryEnabled: true\nTags:\n  - Key: Team\n    Value: core\n",
            Provisioned,
            "GlobalSecondaryIndexes: []\nTags: []\n",
        ];
        foreach (var change in changes)
        {
            var yaml = Yaml.Table(name, extra: change);
            if (change == Provisioned)
            {
                yaml = yaml.Replace("BillingMode: PAY_PER_REQUEST\n", "BillingMode: PROVISIONED\n", StringComparison.Ordinal);
            }

            if (change.Contains("email", StringComparison.Ordinal))
            {
                yaml = yaml.Replace("    AttributeType: S\n", "    AttributeType: S\n  - AttributeName: email\n    AttributeType: S\n", StringComparison.Ordinal);
            }

            var build = await consumer.WithTable("t.yaml", yaml).BuildAsync();
            Assert.AreEqual(0, build.ExitCode, build.Output);
            StringAssert.Contains(build.Output, $"warning DYN010: {name}: update");
            CollectionAssert.AreEqual(before, await Items.ReadAllAsync(client, name), $"after: {change}");
        }

        consumer.WithTable("t.yaml", Yaml.Table(name, key: "other"));
        var refused = await consumer.BuildAsync();
        Assert.AreNotEqual(0, refused.ExitCode);
        StringAssert.Contains(refused.Output, "error DYN202");
        CollectionAssert.AreEqual(before, await Items.ReadAllAsync(client, name), "a key change without permission touches nothing");
    }
}
