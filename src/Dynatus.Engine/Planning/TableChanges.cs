using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Planning;

/// <summary>
/// Plans the table's own settings: billing and throughput, protection, stream, class, SSE, TTL, PITR, tags. Each is
/// compared with the live table's model (<see cref="LiveTableModel"/>), where a null is AWS's default as the exporter
/// writes it; capacities, the KMS key's ARN and the table's ARN, which the model does not keep, come from DescribeTable.
/// </summary>
internal static class TableChanges
{
    public static void Add(Table desired, Table current, LiveTable live, UpdatePlan plan)
    {
        AddBillingAndThroughput(desired, current, live, plan);
        AddDeletionProtection(desired, current, plan);
        AddStream(desired, current, live.Table, plan);
        var currentClass = current.TableClass ?? AwsDefaults.TableClass;
        if (desired.TableClass is { } tableClass && tableClass != currentClass)
        {
            plan.Add($"TableClass: {currentClass} -> {tableClass}", UpdateSteps.TableClass(plan.TableName, tableClass));
        }

        AddSse(desired, current, live.Table, plan);
        AddTimeToLive(desired, current, plan);
        AddRecovery(desired, current, plan);
        AddTags(desired, current, live, plan);
    }

    /// <summary>The settings a replica's region keeps for itself (<see cref="ReplicaSetting.InRegion"/>), planned as any table's.</summary>
    public static void AddRegional(Table inRegion, Table current, LiveTable live, UpdatePlan plan)
    {
        AddDeletionProtection(inRegion, current, plan);
        AddRecovery(inRegion, current, plan);
        ContributorInsightsChanges.Add(inRegion, current, plan);
        AddTags(inRegion, current, live, plan);
        ResourcePolicyChanges.Add(inRegion, current, live, plan);
        ResourcePolicyChanges.AddStream(inRegion, current, plan);
        KinesisDestinationChanges.Add(inRegion, live, plan);
        AutoScalingChanges.Add(inRegion, live, plan);
    }

    public static UpdateTimeToLiveStep TimeToLiveStep(string table, string attribute, bool enabled) => new(
        $"{(enabled ? "enable" : "disable")} TTL on {attribute}",
        new UpdateTimeToLiveRequest { TableName = table, TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = attribute, Enabled = enabled } });

    public static UpdateContinuousBackupsStep RecoveryStep(string table, RecoverySetting pitr) => new(
        pitr.Enabled ? $"enable point-in-time recovery ({pitr.RecoveryPeriodInDays ?? AwsDefaults.RecoveryPeriodInDays} days)" : "disable point-in-time recovery",
        new UpdateContinuousBackupsRequest
        {
            TableName = table,
            PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification
            {
                PointInTimeRecoveryEnabled = pitr.Enabled,
                RecoveryPeriodInDays = pitr.Enabled ? pitr.RecoveryPeriodInDays : null,
            },
        });

    private static void AddBillingAndThroughput(Table desired, Table current, LiveTable liveTable, UpdatePlan plan)
    {
        var wanted = desired.BillingMode;
        if (wanted != current.BillingMode)
        {
            plan.Combine($"BillingMode: {current.BillingMode} -> {wanted}", request => request.BillingMode = wanted);
        }

        var differences = ThroughputChanges.Differences(
            string.Empty,
            ScalableResource.Table(desired.TableName),
            desired.Throughput,
            LiveCapacity.Of(liveTable.Table),
            fromOnDemand: wanted != current.BillingMode,
            plan,
            liveTable.AutoScaling);
        foreach (var (text, update) in differences)
        {
            plan.Combine(text, request =>
            {
                request.ProvisionedThroughput ??= update.Provisioned;
                request.OnDemandThroughput ??= update.OnDemand;
                request.WarmThroughput ??= update.Warm;
            });
        }
    }

    private static void AddDeletionProtection(Table desired, Table current, UpdatePlan plan)
    {
        if (desired.DeletionProtectionEnabled is { } protect && protect != (current.DeletionProtectionEnabled == true))
        {
            plan.Combine($"DeletionProtectionEnabled: {Describe.OnOff(!protect)} -> {Describe.OnOff(protect)}", request => request.DeletionProtectionEnabled = protect);
        }
    }

    private static void AddStream(Table desired, Table current, TableDescription live, UpdatePlan plan)
    {
        if (desired.StreamSpecification is not { } stream)
        {
            return;
        }

        var liveView = current.StreamSpecification?.StreamViewType;
        var wantedView = stream.StreamViewType;
        if (liveView == wantedView)
        {
            return;
        }

        // Replicas are removed before the stream changes; any that stay keep it as it is.
        if ((desired.Replicas?.Count ?? ReplicaChanges.Regions(live).Count) > 0)
        {
            plan.Block("its stream cannot change while it has replicas (DynamoDB replicates through it); remove them (Replicas: []) to change it");
        }

        if (liveView is not null && wantedView is not null)
        {
            plan.Add($"StreamViewType: {liveView} -> {wantedView} (disable, then enable: the stream gets a new ARN)", UpdateSteps.DisableStream(plan.TableName), UpdateSteps.EnableStream(plan.TableName, wantedView));
            return;
        }

        plan.Combine($"StreamSpecification: {liveView ?? "disabled"} -> {wantedView ?? "disabled"}", request => request.StreamSpecification = Requests.Stream(stream));
    }

    // Whether KMS is on is the model's; its key is compared as the ARN AWS reports, which the model leaves out for the AWS
    // managed key (a change from it to a customer key would not show).
    private static void AddSse(Table desired, Table current, TableDescription live, UpdatePlan plan)
    {
        if (desired.SSESpecification is not { } sse)
        {
            return;
        }

        var liveKms = current.SSESpecification is { Kms: true };
        var wantKms = sse.Kms;
        var keyDiffers = wantKms && liveKms && sse.KMSMasterKeyId is { } key && !Compare.SameKey(key, live.SSEDescription!.KMSMasterKeyArn);
        if (wantKms == liveKms && !keyDiffers)
        {
            return;
        }

        var describe = (bool kms, string? keyName) => kms ? $"KMS {keyName ?? "AWS managed key"}" : "AWS owned key";
        plan.Add(
            $"SSESpecification: {describe(liveKms, live.SSEDescription?.KMSMasterKeyArn)} -> {describe(wantKms, sse.KMSMasterKeyId)}",
            UpdateSteps.Setting(new UpdateTableStep("update SSE", new UpdateTableRequest { TableName = plan.TableName, SSESpecification = Requests.Sse(sse) })));
    }

    private static void AddTimeToLive(Table desired, Table current, UpdatePlan plan)
    {
        if (desired.TimeToLiveSpecification is not { } ttl)
        {
            return;
        }

        var on = current.TimeToLiveSpecification is { Enabled: true };
        var liveAttribute = current.TimeToLiveSpecification?.AttributeName;
        if (ttl.Enabled && on && liveAttribute != ttl.AttributeName)
        {
            // Two changes; AWS allows one a table an hour, so the second is deferred by the sync that meets the limit.
            plan.Add(
                $"TimeToLive: on {liveAttribute} -> on {ttl.AttributeName} (disable, then enable: one TTL change a table an hour)",
                UpdateSteps.Setting(TimeToLiveStep(plan.TableName, liveAttribute!, enabled: false)),
                UpdateSteps.Setting(TimeToLiveStep(plan.TableName, ttl.AttributeName, enabled: true)));
        }
        else if (ttl.Enabled && !on)
        {
            plan.Add($"TimeToLive: off -> on {ttl.AttributeName}", UpdateSteps.Setting(TimeToLiveStep(plan.TableName, ttl.AttributeName, enabled: true)));
        }
        else if (!ttl.Enabled && on)
        {
            plan.Add($"TimeToLive: on {liveAttribute} -> off", UpdateSteps.Setting(TimeToLiveStep(plan.TableName, liveAttribute!, enabled: false)));
        }
    }

    private static void AddRecovery(Table desired, Table current, UpdatePlan plan)
    {
        if (desired.PointInTimeRecoverySpecification is not { } pitr)
        {
            return;
        }

        var on = current.PointInTimeRecoverySpecification is { Enabled: true };
        var livePeriod = current.PointInTimeRecoverySpecification?.RecoveryPeriodInDays;
        var wantOn = pitr.Enabled;
        var periodDiffers = wantOn && on && pitr.RecoveryPeriodInDays is { } days && days != (livePeriod ?? AwsDefaults.RecoveryPeriodInDays);
        if (wantOn != on || periodDiffers)
        {
            var describe = (bool enabled, int? period) => enabled ? $"on ({period ?? AwsDefaults.RecoveryPeriodInDays} days)" : "off";
            plan.Add($"PointInTimeRecovery: {describe(on, livePeriod)} -> {describe(wantOn, pitr.RecoveryPeriodInDays)}", UpdateSteps.Setting(RecoveryStep(plan.TableName, pitr)));
        }
    }

    private static void AddTags(Table desired, Table currentTable, LiveTable live, UpdatePlan plan)
    {
        if (desired.Tags is not { } tags)
        {
            return;
        }

        // The model leaves out the tags under aws:, which belong to AWS services (CloudFormation, for one): never ours to remove.
        var current = (currentTable.Tags ?? []).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        var set = tags.Where(t => !current.TryGetValue(t.Key, out var value) || value != t.Value).ToList();
        var removed = current.Keys.Where(k => tags.All(t => t.Key != k)).Order(StringComparer.Ordinal).ToList();
        var arn = live.Table.TableArn;
        if (set.Count + removed.Count == 0)
        {
            return;
        }

        // One line for every tag change: +added, ~changed (old -> new), -removed; TagResource and UntagResource apply it.
        var described = set.Select(t => current.TryGetValue(t.Key, out var old) ? $"~{t.Key}={old}->{t.Value}" : $"+{t.Key}={t.Value}").Concat(removed.Select(k => $"-{k}"));
        var steps = new List<(Stage, PlanStep)>();
        if (set.Count > 0)
        {
            steps.Add(UpdateSteps.Setting(new TagResourceStep(new TagResourceRequest { ResourceArn = arn, Tags = set.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList() })));
        }

        if (removed.Count > 0)
        {
            steps.Add(UpdateSteps.Setting(new UntagResourceStep(new UntagResourceRequest { ResourceArn = arn, TagKeys = removed })));
        }

        plan.Add($"Tags: {string.Join(" ", described)}", steps[0], [.. steps.Skip(1)]);
    }
}
