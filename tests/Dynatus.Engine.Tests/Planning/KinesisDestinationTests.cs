using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Tests.Planning;

/// <summary>The table's Kinesis Data Streams destination: enabled, updated or disabled, each call planned and said.</summary>
[TestClass]
public sealed class KinesisDestinationTests
{
    private const string Stream = "arn:aws:kinesis:us-east-1:123456789012:stream/users-changes";
    private const string Other = "arn:aws:kinesis:us-east-1:123456789012:stream/users-audit";
    private static readonly string Declared = Tables.Users + $"KinesisStreamSpecification:\n  StreamArn: {Stream}\n";

    [TestMethod]
    public void A_declared_destination_is_enabled_with_AWS_default_precision_and_an_active_one_is_a_noop()
    {
        var plan = Plan(Declared);
        CollectionAssert.AreEqual(new[] { $"KinesisStreamSpecification: {Stream} (MILLISECOND): enable" }, plan.Changes.ToList());
        Assert.AreEqual(ApproximateCreationDateTimePrecision.MILLISECOND, ((EnableKinesisStreamingStep)plan.Steps.Single()).Request.EnableKinesisStreamingConfiguration.ApproximateCreationDateTimePrecision);

        Assert.AreEqual(TableAction.Noop, Plan(Declared, Destination(Stream, DestinationStatus.ACTIVE)).Action);
        Assert.AreEqual(TableAction.Noop, Plan(Declared, Destination(Stream, DestinationStatus.ENABLING)).Action, "ENABLING counts as streaming");
    }

    [TestMethod]
    public void Another_stream_is_the_old_one_disabled_then_the_new_one_enabled()
    {
        var plan = Plan(Declared, Destination(Other, DestinationStatus.ACTIVE), Destination("arn:aws:kinesis:us-east-1:123456789012:stream/gone", DestinationStatus.DISABLED));

        CollectionAssert.AreEqual(new[] { $"KinesisStreamSpecification: {Other} -> off", $"KinesisStreamSpecification: {Stream} (MILLISECOND): enable" }, plan.Changes.ToList());
        Assert.AreEqual(Other, ((DisableKinesisStreamingStep)plan.Steps[0]).Request.StreamArn);
        Assert.AreEqual(Stream, ((EnableKinesisStreamingStep)plan.Steps[1]).Request.StreamArn);
    }

    [TestMethod]
    public void Another_precision_is_one_update_and_an_empty_declaration_disables_the_destination()
    {
        var micro = Plan(Declared + "  ApproximateCreationDateTimePrecision: MICROSECOND\n", Destination(Stream, DestinationStatus.ACTIVE));
        CollectionAssert.AreEqual(new[] { $"KinesisStreamSpecification {Stream}: ApproximateCreationDateTimePrecision MILLISECOND -> MICROSECOND" }, micro.Changes.ToList());
        Assert.IsInstanceOfType<UpdateKinesisStreamingStep>(micro.Steps.Single());

        Assert.IsInstanceOfType<DisableKinesisStreamingStep>(Plan(Tables.Users + "KinesisStreamSpecification: {}\n", Destination(Stream, DestinationStatus.ACTIVE)).Steps.Single());
        Assert.AreEqual(TableAction.Noop, Plan(Tables.Users, Destination(Stream, DestinationStatus.ACTIVE)).Action, "not declared: left alone");
    }

    [TestMethod]
    public void A_new_table_is_created_then_streamed()
    {
        var steps = TablePlanner.Plan(Yaml.Table(Declared), live: null).Steps;
        Assert.IsInstanceOfType<CreateTableStep>(steps[0]);
        Assert.AreEqual(Stream, ((EnableKinesisStreamingStep)steps[1]).Request.StreamArn);
    }

    private static TablePlan Plan(string desired, params KinesisDataStreamDestination[] live) =>
        TablePlanner.Plan(Yaml.Table(desired), AwsShapes.LiveFrom(Yaml.Table(Tables.Users)) with { KinesisDestinations = live });

    // DescribeKinesisStreamingDestination's entries, as the API reference shows them.
    private static KinesisDataStreamDestination Destination(string arn, DestinationStatus status) =>
        new() { StreamArn = arn, DestinationStatus = status, ApproximateCreationDateTimePrecision = ApproximateCreationDateTimePrecision.MILLISECOND };
}
