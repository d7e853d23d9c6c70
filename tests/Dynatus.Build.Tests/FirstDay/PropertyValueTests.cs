using Amazon.DynamoDBv2.Model;
using Dynatus.Testing;

namespace Dynatus.Build.Tests.FirstDay;

[TestClass]
public sealed class PropertyValueTests
{
    [TestMethod]
    [DataRow("DynatusMaxParallelism", "0", "DynatusMaxParallelism (task parameter MaxParallelism) is '0': use a whole number from 1 to 1000.")]
    [DataRow("DynatusTimeoutSeconds", "0", "DynatusTimeoutSeconds (task parameter TimeoutSeconds) is '0': use a whole number from 1 to 86400.")]
    [DataRow("DynatusAllowRecreate", "yes", "DynatusAllowRecreate (task parameter AllowRecreate) is 'yes': use true or false.")]
    [DataRow("DynatusChangesAsWarnings", "sometimes", "DynatusChangesAsWarnings (task parameter ChangesAsWarnings) is 'sometimes': use true or false.")]
    [DataRow("DynatusSyncOnBuild", "yes", "DynatusSyncOnBuild is 'yes': use true or false.")]
    [DataRow("DynatusSyncOnPublish", "on", "DynatusSyncOnPublish is 'on': use true or false.")]
    public async Task A_value_outside_the_accepted_ones_fails_with_an_error_naming_the_property_and_nothing_is_synced(string property, string value, string error)
    {
        var name = Names.Unique("prop");
        var consumer = Consumer.Create().WithTable("t.yaml", Yaml.Table(name));

        var result = await consumer.BuildAsync($"-p:{property}={value}");
        Assert.AreNotEqual(0, result.ExitCode);
        StringAssert.Contains(result.Output, "error DYN006: " + error);
        using var client = Package.Server.CreateClient();
        await Assert.ThrowsExactlyAsync<ResourceNotFoundException>(() => client.DescribeTableAsync(name));
    }
}
