using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Planning;

namespace Dynatus.Engine.Tests.Planning;

internal static class Steps
{
    public static UpdateTableRequest SingleUpdate(TablePlan plan)
    {
        Assert.AreEqual(TableAction.Update, plan.Action, string.Join("; ", plan.Changes));
        var step = plan.Steps.Single();
        Assert.IsInstanceOfType<UpdateTableStep>(step);
        return ((UpdateTableStep)step).Request;
    }

    public static List<UpdateTableRequest> Updates(TablePlan plan) =>
        plan.Steps.OfType<UpdateTableStep>().Select(s => s.Request).ToList();
}
