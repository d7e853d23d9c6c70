using Dynatus.Testing;

namespace Dynatus.Build.Tests.Reports;

/// <summary>
/// <c>-t:DynatusPlan</c> of a change no sync could carry out (a key change of a table with deletion protection on): the
/// plan line says what would change, and the build fails with DYN205 saying why it cannot.
/// </summary>
[TestClass]
public sealed class BlockedPlanTests
{
    [TestMethod]
    public async Task The_plan_shows_the_blocked_change_and_fails_with_DYN205()
    {
        var name = Names.Unique("blocked");
        var consumer = Consumer.Create().WithTable("t.yaml", Yaml.Table(name, extra: "DeletionProtectionEnabled: true"));
        Assert.AreEqual(0, (await consumer.BuildAsync()).ExitCode);

        consumer.WithTable("t.yaml", Yaml.Table(name, key: "user_id", extra: "DeletionProtectionEnabled: true"));
        var plan = await consumer.BuildAsync("-t:DynatusPlan");

        Assert.AreNotEqual(0, plan.ExitCode, plan.Output);
        StringAssert.Contains(plan.Output, $"warning DYN012: {name}: would recreate: KeySchema: [id HASH] -> [user_id HASH]");
        StringAssert.Contains(plan.Output, $"error DYN205: Table {name} cannot be synced: deletion protection is on for this table");
    }
}
