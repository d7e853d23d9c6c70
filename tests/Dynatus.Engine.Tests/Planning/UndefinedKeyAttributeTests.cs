using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Tests.Planning;

/// <summary>
/// A live table whose DescribeTable leaves a key attribute's type out, as no DynamoDB does: the planner says which
/// attribute, instead of failing on a missing dictionary key.
/// </summary>
[TestClass]
public sealed class UndefinedKeyAttributeTests
{
    [TestMethod]
    public void The_plan_names_the_attribute_without_a_type()
    {
        var live = AwsShapes.LiveFrom(Yaml.Table(Tables.Users));
        live.Table.AttributeDefinitions = [new AttributeDefinition("email", "S")];

        var thrown = Assert.ThrowsExactly<InvalidOperationException>(() => TablePlanner.Plan(Yaml.Table(Tables.Users), live));

        StringAssert.Contains(thrown.Message, "the key attribute 'user_id' without its type in AttributeDefinitions");
    }
}
