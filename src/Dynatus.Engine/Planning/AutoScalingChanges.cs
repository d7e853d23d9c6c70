using System.Globalization;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Planning;

/// <summary>
/// Plans the auto scaling a definition declares for the table's and each global index's provisioned capacity: a
/// scalable target with its bounds and a target tracking policy on DynamoDB's utilization metric, registered in
/// Application Auto Scaling after the table or index exists and before any replica is added (AWS adds replicas to a
/// provisioned table only when its writes are auto scaled). What a definition leaves out is left alone, as auto
/// scaling someone else registered is.
/// </summary>
internal static class AutoScalingChanges
{
    public static void Add(Table desired, LiveTable live, UpdatePlan plan)
    {
        var declared = Declared(desired).ToList();
        if (live.AutoScaling is not { } scaling)
        {
            declared.ForEach(d => plan.AskAutoScaling(d.Resource.ResourceId));
            return;
        }

        foreach (var (label, resource, read, wanted) in declared)
        {
            var current = scaling.Setting(resource, read);
            if (!Same(wanted, current))
            {
                var policyName = scaling.Policy(resource, read)?.PolicyName ?? PolicyName(resource, read);
                var from = current is not null ? Describe(current) : scaling.Range(resource, read) is { } range ? $"{range} without a target tracking policy" : "none";
                plan.Add($"{SettingName(label, read)}: {from} -> {Describe(wanted)}", UpdateSteps.Setting(new AutoScalingStep(label, resource, read, wanted, policyName)));
            }
        }
    }

    /// <summary>What a new table's creation is followed by: each auto scaling it declares, registered.</summary>
    public static IEnumerable<AutoScalingStep> AfterCreate(Table desired) =>
        Declared(desired).Select(d => new AutoScalingStep(d.Label, d.Resource, d.Read, d.Setting, PolicyName(d.Resource, d.Read)));

    /// <summary>True when the definition declares auto scaling of the writes of <paramref name="resource"/>.</summary>
    public static bool DeclaresWrites(Table desired, ScalableResource resource) =>
        Declared(desired).Any(d => d.Resource == resource && !d.Read);

    /// <summary>The declared auto scaling, with the text that starts its plan line and the resource and side it scales.</summary>
    public static IEnumerable<(string Label, ScalableResource Resource, bool Read, CapacityAutoScaling Setting)> Declared(Table desired)
    {
        var owners = (desired.GlobalSecondaryIndexes ?? []).Select(i => ($"GSI {i.IndexName} ", ScalableResource.Index(desired.TableName, i.IndexName), i.Throughput))
            .Prepend((string.Empty, ScalableResource.Table(desired.TableName), desired.Throughput));
        foreach (var (label, resource, throughput) in owners)
        {
            foreach (var read in new[] { false, true })
            {
                if (throughput.AutoScaling(read) is { } setting)
                {
                    yield return (label, resource, read, setting);
                }
            }
        }
    }

    public static string Describe(CapacityAutoScaling setting)
    {
        var extras = new List<string>();
        if (setting.ScaleInCooldown is { } scaleIn)
        {
            extras.Add($"scale-in cooldown {scaleIn} s");
        }

        if (setting.ScaleOutCooldown is { } scaleOut)
        {
            extras.Add($"scale-out cooldown {scaleOut} s");
        }

        if (setting.DisableScaleIn == true)
        {
            extras.Add("scale-in disabled");
        }

        var target = setting.TargetValue.ToString(CultureInfo.InvariantCulture);
        return $"{setting.MinCapacity}-{setting.MaxCapacity} at {target}%{(extras.Count > 0 ? $" ({string.Join(", ", extras)})" : string.Empty)}";
    }

    /// <summary>How a plan line names the setting: <c>GSI name WriteCapacityAutoScalingSettings</c>.</summary>
    public static string SettingName(string label, bool read) => $"{label}{(read ? "Read" : "Write")}CapacityAutoScalingSettings";

    // The name the AWS console gives a DynamoDB target tracking policy; an existing policy keeps its own.
    private static string PolicyName(ScalableResource resource, bool read) => $"{ScalableResource.Metric(read)}:{resource.ResourceId}";

    // Cooldowns and scale-in are compared only where declared: AWS fills them in.
    private static bool Same(CapacityAutoScaling wanted, CapacityAutoScaling? live) =>
        live is not null
        && wanted.MinCapacity == live.MinCapacity
        && wanted.MaxCapacity == live.MaxCapacity
        && wanted.TargetValue.Equals(live.TargetValue)
        && (wanted.ScaleInCooldown is null || wanted.ScaleInCooldown == live.ScaleInCooldown)
        && (wanted.ScaleOutCooldown is null || wanted.ScaleOutCooldown == live.ScaleOutCooldown)
        && (wanted.DisableScaleIn is null || wanted.DisableScaleIn == (live.DisableScaleIn ?? AwsDefaults.DisableScaleIn));
}
