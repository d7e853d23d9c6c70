using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Planning;

/// <summary>Plans the table's own settings: billing and throughput, protection, stream, class, SSE, TTL, PITR, tags.</summary>
internal static class TableChanges
{
    public static void Add(Table desired, LiveTable live, UpdatePlan plan)
    {
        AddBillingAndThroughput(desired, live, plan);
        AddDeletionProtection(desired, live.Table, plan);
        AddStream(desired, live.Table, plan);
        if (desired.TableClass is { } tableClass && tableClass != Compare.TableClass(live.Table.TableClassSummary))
        {
            plan.Add($"TableClass: {Compare.TableClass(live.Table.TableClassSummary)} -> {tableClass}", UpdateSteps.TableClass(plan.TableName, tableClass));
        }

        AddSse(desired, live.Table, plan);
        AddTimeToLive(desired, live, plan);
        AddRecovery(desired, live, plan);
        AddTags(desired, live, plan);
    }

    /// <summary>The settings a replica's region keeps for itself (<see cref="ReplicaSetting.InRegion"/>), planned as any table's.</summary>
    public static void AddRegional(Table inRegion, LiveTable live, UpdatePlan plan)
    {
        AddDeletionProtection(inRegion, live.Table, plan);
        AddRecovery(inRegion, live, plan);
        ContributorInsightsChanges.Add(inRegion, live, plan);
        AddTags(inRegion, live, plan);
        ResourcePolicyChanges.Add(inRegion, live, plan);
        ResourcePolicyChanges.AddStream(inRegion, live, plan);
        KinesisDestinationChanges.Add(inRegion, live, plan);
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

    private static void AddBillingAndThroughput(Table desired, LiveTable liveTable, UpdatePlan plan)
    {
        var live = liveTable.Table;
        var wanted = desired.BillingMode;
        var current = Compare.BillingMode(live);
        if (wanted != current)
        {
            plan.Combine($"BillingMode: {current} -> {wanted}", request => request.BillingMode = wanted);
        }

        var differences = ThroughputChanges.Differences(
            string.Empty,
            ScalableResource.Table(desired.TableName),
            desired.Throughput,
            (live.ProvisionedThroughput, live.OnDemandThroughput, live.WarmThroughput?.ReadUnitsPerSecond, live.WarmThroughput?.WriteUnitsPerSecond),
            fromOnDemand: wanted != current,
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

    private static void AddDeletionProtection(Table desired, TableDescription live, UpdatePlan plan)
    {
        if (desired.DeletionProtectionEnabled is { } protect && protect != (live.DeletionProtectionEnabled ?? false))
        {
            plan.Combine($"DeletionProtectionEnabled: {Describe.OnOff(!protect)} -> {Describe.OnOff(protect)}", request => request.DeletionProtectionEnabled = protect);
        }
    }

    private static void AddStream(Table desired, TableDescription live, UpdatePlan plan)
    {
        if (desired.StreamSpecification is not { } stream)
        {
            return;
        }

        var liveView = Compare.StreamViewType(live);
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

    private static void AddSse(Table desired, TableDescription live, UpdatePlan plan)
    {
        if (desired.SSESpecification is not { } sse)
        {
            return;
        }

        var liveKms = live.SSEDescription is { } description && description.SSEType == SSEType.KMS
            && description.Status != SSEStatus.DISABLED && description.Status != SSEStatus.DISABLING;
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

    private static void AddTimeToLive(Table desired, LiveTable live, UpdatePlan plan)
    {
        if (desired.TimeToLiveSpecification is not { } ttl)
        {
            return;
        }

        var on = Compare.IsOn(live.TimeToLive?.TimeToLiveStatus);
        var liveAttribute = live.TimeToLive?.AttributeName;
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

    private static void AddRecovery(Table desired, LiveTable live, UpdatePlan plan)
    {
        if (desired.PointInTimeRecoverySpecification is not { } pitr)
        {
            return;
        }

        var on = live.PointInTimeRecovery?.PointInTimeRecoveryStatus == PointInTimeRecoveryStatus.ENABLED;
        var livePeriod = live.PointInTimeRecovery?.RecoveryPeriodInDays;
        var wantOn = pitr.Enabled;
        var periodDiffers = wantOn && on && pitr.RecoveryPeriodInDays is { } days && days != (livePeriod ?? AwsDefaults.RecoveryPeriodInDays);
        if (wantOn != on || periodDiffers)
        {
            var describe = (bool enabled, int? period) => enabled ? $"on ({period ?? AwsDefaults.RecoveryPeriodInDays} days)" : "off";
            plan.Add($"PointInTimeRecovery: {describe(on, livePeriod)} -> {describe(wantOn, pitr.RecoveryPeriodInDays)}", UpdateSteps.Setting(RecoveryStep(plan.TableName, pitr)));
        }
    }

    private static void AddTags(Table desired, LiveTable live, UpdatePlan plan)
    {
        if (desired.Tags is not { } tags)
        {
            return;
        }

        // Tags under aws: belong to AWS services (CloudFormation, for one); they are never ours to remove.
        var current = (live.Tags ?? []).Where(t => !AwsDefaults.IsAwsTag(t.Key)).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
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
