using Dynatus.Engine.Connecting;

namespace Dynatus.Engine.Tests.Connecting;

/// <summary>The defaults that depend on where a sync goes, which the MSBuild task and the tool both take from here.</summary>
[TestClass]
public sealed class SyncTargetTests
{
    [TestMethod]
    [DataRow(true, null, false, DisplayName = "a local endpoint, not asked: no backup")]
    [DataRow(false, null, true, DisplayName = "AWS, not asked: a backup")]
    [DataRow(false, false, false, DisplayName = "AWS, asked not to: no backup")]
    [DataRow(true, true, true, DisplayName = "a local endpoint, asked to: a backup")]
    public void A_recreate_backs_up_as_asked_else_only_away_from_this_machine(bool loopback, bool? asked, bool backup)
    {
        Assert.AreEqual(backup, new SyncTarget("endpoint", loopback).BackupBeforeRecreate(asked));
    }
}
