using Amazon.DynamoDBv2;
using Dynatus.Engine.Definitions;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Tests.Templates;

[TestClass]
public sealed class CorpusLoadTests
{
    private static readonly LoadResult Loaded = Corpus.Load();

    private static Table Named(string name) =>
        Loaded.Tables.SingleOrDefault(t => t.TableName == name) ?? throw new AssertFailedException($"No table {name} in: {string.Join(", ", Loaded.Tables.Select(t => t.TableName))}");

    [TestMethod]
    public void Every_table_of_the_corpus_loads_under_the_name_CloudFormation_or_its_logical_id_gives_it()
    {
        Assert.IsTrue(Loaded.IsValid, string.Join("\n", Loaded.Problems));
        CollectionAssert.AreEquivalent(
            new[]
            {
                "myDynamoDBTable", "TableOfBooks", "MySimpleTable", "TableName", "simple_table_with_table_nameMySimpleTable", "MinimalTable",
                "MinimalTableRefParamLongForm", "sse-TableCD117FA1", "sse-TableWithGlobalAndLocalSecondaryIndexBC540710",
                "sse-TableWithGlobalSecondaryIndexCC8E841E", "sse-TableWithLocalSecondaryIndex4DA3D08F", "ondemand-TableCD117FA1",
                "ondemand-TableWithGlobalAndLocalSecondaryIndexBC540710", "ondemand-TableWithGlobalSecondaryIndexCC8E841E",
                "ondemand-TableWithLocalSecondaryIndex4DA3D08F", "GlobalTable89F068B2", "my-global-table", "stages-prod-orders", "stages-prod-orders-archive",
            },
            Loaded.Tables.Select(t => t.TableName).ToList());
        Assert.IsTrue(Loaded.Tables.All(t => t.Origin.DeployedByCloudFormation && t.Origin.LogicalId is not null));
    }

    [TestMethod]
    public void Parameters_take_the_given_value_else_their_default()
    {
        var table = Named("myDynamoDBTable");
        Assert.AreEqual(new TableKey(new KeyElement("Id", "S")), table.KeySchema);
        Assert.AreEqual(new ProvisionedCapacity(5, 10), table.Throughput.ProvisionedThroughput);
        Assert.AreEqual(new RecoverySetting(true, null), table.PointInTimeRecoverySpecification);
    }

    [TestMethod]
    public void A_JSON_template_loads_with_its_indexes()
    {
        var table = Named("TableOfBooks");
        Assert.AreEqual(new TableKey(new KeyElement("Category", "S"), new KeyElement("Title", "S")), table.KeySchema);
        Assert.AreEqual("LanguageIndex", table.LocalSecondaryIndexes!.Single().IndexName);
        Assert.AreEqual(new ProvisionedCapacity(5, 10), table.GlobalSecondaryIndexes!.Single().Throughput.ProvisionedThroughput);
    }

    [TestMethod]
    public void A_SAM_simple_table_is_the_table_SAM_deploys()
    {
        var minimal = Named("MinimalTable");
        Assert.AreEqual(new TableKey(new KeyElement("id", "S")), minimal.KeySchema);
        Assert.AreEqual(BillingMode.PAY_PER_REQUEST, minimal.BillingMode);
        Assert.AreEqual(new EncryptionSetting(true, null), minimal.SSESpecification, "from SAM's Globals");

        var provisioned = Named("MinimalTableRefParamLongForm");
        Assert.AreEqual(BillingMode.PROVISIONED, provisioned.BillingMode);
        Assert.AreEqual(new ProvisionedCapacity(15, 15), provisioned.Throughput.ProvisionedThroughput);
        Assert.IsTrue(provisioned.SSESpecification!.Kms);
    }

    [TestMethod]
    public void A_KMS_key_known_only_at_deploy_is_a_warning_and_the_AWS_managed_key()
    {
        Assert.AreEqual(new EncryptionSetting(true, null), Named("sse-TableCD117FA1").SSESpecification);
        var warnings = Loaded.Warnings.Where(w => w.Code == ProblemCodes.KmsKeyUnknown).Select(w => (Path.GetFileName(w.Location.File), w.Location.Line, w.Location.Column)).ToList();
        CollectionAssert.AreEqual(new[] { ("aws-cdk-dynamodb-sse.template.json", 60, 24), ("aws-cdk-dynamodb-sse.template.json", 401, 24) }, warnings, string.Join("; ", warnings));
        Assert.IsTrue(Loaded.Warnings.All(w => w.IsWarning));
    }

    [TestMethod]
    public void A_global_table_is_mirrored_with_the_settings_of_the_replica_in_the_region()
    {
        var table = Named("GlobalTable89F068B2");
        Assert.AreEqual(TableClass.STANDARD_INFREQUENT_ACCESS, table.TableClass);
        Assert.AreEqual(new TableTag("primaryTableTagKey", "primaryTableTagValue"), table.Tags!.Single(), "the us-east-1 replica's");
        Assert.IsNull(table.Throughput.OnDemandThroughput, "the us-east-1 replica sets no table read limit");
        Assert.AreEqual(new Units(2001, 2001), table.GlobalSecondaryIndexes!.Single(i => i.IndexName == "gsi2").Throughput.OnDemandThroughput);
        Assert.AreEqual(new StreamSetting("NEW_AND_OLD_IMAGES"), table.StreamSpecification);
        Assert.AreEqual(new ContributorInsightsSetting(true, null), table.ContributorInsightsSpecification, "the us-east-1 replica's");
        Assert.AreEqual(new ContributorInsightsSetting(true, null), table.GlobalSecondaryIndexes!.Single(i => i.IndexName == "gsi1").ContributorInsightsSpecification, "the us-east-1 replica's index's");
        var other = new ReplicaSetting("eu-west-1")
        {
            TableClassOverride = "STANDARD_INFREQUENT_ACCESS",
            MaxReadRequestUnitsOverride = 222,
            PointInTimeRecoverySpecification = new RecoverySetting(true, null),
            ContributorInsightsSpecification = new ContributorInsightsSetting(true, null),
        };
        Assert.AreEqual(other, table.Replicas!.Single() with { GlobalSecondaryIndexes = null }, "the other replica, an on-demand table's, with what its region keeps for itself");
        CollectionAssert.AreEqual(
            new[] { new ReplicaIndexSetting("gsi1") { MaxReadRequestUnitsOverride = 1002, ContributorInsightsSpecification = new ContributorInsightsSetting(true, null) }, new ReplicaIndexSetting("gsi2") { MaxReadRequestUnitsOverride = 2001, ContributorInsightsSpecification = new ContributorInsightsSetting(true, null) } },
            table.Replicas!.Single().GlobalSecondaryIndexes!.ToList(),
            "its indexes' read maximums and insights");

        var inIreland = TableDefinitionLoader.LoadSources(Corpus.Sources().Select(s => s with { Region = "eu-west-1" })).Tables.Single(t => t.TableName == "GlobalTable89F068B2");
        Assert.IsNull(inIreland.Tags, "the eu-west-1 replica declares no tags");
        Assert.AreEqual(new Units(222, null), inIreland.Throughput.OnDemandThroughput);
        Assert.AreEqual("us-east-1", inIreland.Replicas!.Single().RegionName);
        CollectionAssert.AreEquivalent(new[] { ("KinesisStreamSpecification", 153) }, NotSynced("aws-cdk-global-table-ondemand.template.json"));
    }

    [TestMethod]
    public void A_provisioned_global_table_is_mirrored_with_its_replicas_and_its_write_auto_scaling()
    {
        var table = Named("my-global-table");
        Assert.AreEqual((new ProvisionedCapacity(10, 1), new CapacityAutoScaling(1, 20, 60), null), (table.Throughput.ProvisionedThroughput, table.Throughput.WriteAutoScaling, table.Throughput.ReadAutoScaling), "the us-east-1 replica reads 10 fixed; writes start at their minimum");
        CollectionAssert.AreEqual(
            new[] { ("gsi1", new CapacityAutoScaling(1, 20, 60)), ("gsi2", new CapacityAutoScaling(1, 30, 70)) },
            table.GlobalSecondaryIndexes!.Select(i => (i.IndexName, i.Throughput.WriteAutoScaling!)).ToList());
        CollectionAssert.AreEqual(
            new[] { ("us-east-2", (long?)null, new CapacityAutoScaling(5, 25, 70), (long?)10), ("us-west-2", 10, null, 15) },
            table.Replicas!.Select(r => (r.RegionName, r.ReadCapacityUnitsOverride, r.ReadAutoScaling, r.GlobalSecondaryIndexes!.Single(i => i.IndexName == "gsi1").ReadCapacityUnitsOverride)).ToList(),
            "each other replica's fixed or auto-scaled reads");
        CollectionAssert.AreEquivalent(new[] { ("KinesisStreamSpecification", 214) }, NotSynced("aws-cdk-global-table-provisioned.template.json"));
        Assert.IsNull(Engine.Planning.TablePlanner.Plan(table, live: null).Blocker, "its writes are declared auto scaled, so its replicas can be added");
    }

    // The first word of each DYN121 warning in one template, with its line.
    private static List<(string, int)> NotSynced(string file) =>
        Loaded.Warnings.Where(w => w.Code == ProblemCodes.NotSynced && Path.GetFileName(w.Location.File) == file).Select(w => (w.Message.Split(' ')[0], w.Location.Line)).ToList();

    [TestMethod]
    public void Mappings_conditions_and_functions_resolve_as_CloudFormation_would()
    {
        var orders = Named("stages-prod-orders");
        Assert.AreEqual(new ProvisionedCapacity(5, 5), orders.Throughput.ProvisionedThroughput);
        Assert.IsTrue(orders.DeletionProtectionEnabled);
        Assert.AreEqual(new RecoverySetting(true, 35), orders.PointInTimeRecoverySpecification);
        CollectionAssert.AreEqual(
            new[] { new TableTag("owners", "payments+platform"), new TableTag("team", "platform"), new TableTag("template", "${Literal} in us-east-1 (aws)") },
            orders.Tags!.ToList());
        Assert.AreEqual("Orders", orders.Origin.LogicalId);

        var dev = TableDefinitionLoader.LoadSources([Corpus.Sources()[^1] with { Parameters = new Dictionary<string, string>() }]);
        Assert.IsTrue(dev.IsValid, string.Join("\n", dev.Problems));
        CollectionAssert.AreEqual(new[] { "stages-dev-orders", "ScratchTable" }, dev.Tables.Select(t => t.TableName).ToList());
        Assert.AreEqual(BillingMode.PAY_PER_REQUEST, dev.Tables[0].BillingMode);
        Assert.IsNull(dev.Tables[0].Throughput.ProvisionedThroughput);
        Assert.IsNull(dev.Tables[0].DeletionProtectionEnabled, "AWS::NoValue removes the property");
    }
}
