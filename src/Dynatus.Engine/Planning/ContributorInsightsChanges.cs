using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Planning;

/// <summary>
/// Plans CloudWatch contributor insights on the table and on each global index that declares them: one
/// UpdateContributorInsights each, after the indexes are created (an index made in this sync starts with them off).
/// </summary>
internal static class ContributorInsightsChanges
{
    /// <summary>Plans the insights <paramref name="desired"/> declares against the live table's model, where null is off.</summary>
    public static void Add(Table desired, Table current, UpdatePlan plan)
    {
        Add(plan, null, desired.ContributorInsightsSpecification, current.ContributorInsightsSpecification);
        foreach (var index in desired.GlobalSecondaryIndexes ?? [])
        {
            var live = plan.CreatesIndex(index.IndexName) ? null : current.GlobalSecondaryIndexes?.FirstOrDefault(g => g.IndexName == index.IndexName)?.ContributorInsightsSpecification;
            Add(plan, index.IndexName, index.ContributorInsightsSpecification, live);
        }
    }

    /// <summary>What a new table's creation is followed by: the insights it declares on.</summary>
    public static IEnumerable<UpdateContributorInsightsStep> AfterCreate(Table desired) =>
        (desired.GlobalSecondaryIndexes ?? []).Select(g => (Index: (string?)g.IndexName, Setting: g.ContributorInsightsSpecification))
            .Prepend((null, desired.ContributorInsightsSpecification))
            .Where(s => s.Setting is { Enabled: true })
            .Select(s => Step(desired.TableName, s.Index, s.Setting!));

    private static void Add(UpdatePlan plan, string? index, ContributorInsightsSetting? desired, ContributorInsightsSetting? live)
    {
        if (desired is null)
        {
            return;
        }

        var liveMode = Mode(live);
        var wantedMode = Mode(desired);
        if (liveMode != wantedMode)
        {
            var owner = index is null ? string.Empty : $"GSI {index} ";
            plan.Add($"{owner}ContributorInsights: {Describe(liveMode)} -> {Describe(wantedMode)}", UpdateSteps.Setting(Step(plan.TableName, index, desired)));
        }
    }

    private static UpdateContributorInsightsStep Step(string table, string? index, ContributorInsightsSetting setting) => new(
        $"{(setting.Enabled ? "enable" : "disable")} contributor insights{(index is null ? string.Empty : " on GSI " + index)}",
        new UpdateContributorInsightsRequest
        {
            TableName = table,
            IndexName = index,
            ContributorInsightsAction = setting.Enabled ? ContributorInsightsAction.ENABLE : ContributorInsightsAction.DISABLE,
            ContributorInsightsMode = Mode(setting),
        });

    // The mode of insights that are on, AWS's default where none is given; null when off.
    private static ContributorInsightsMode? Mode(ContributorInsightsSetting? setting) =>
        setting is { Enabled: true } ? setting.Mode ?? AwsDefaults.ContributorInsightsMode : null;

    private static string Describe(ContributorInsightsMode? mode) => mode is null ? "off" : $"on ({mode})";
}
