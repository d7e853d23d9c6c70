using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Dynatus.Engine.Definitions;

namespace Dynatus.Engine.Planning;

/// <summary>Plans the table's own settings: billing and throughput, protection, stream, class, SSE, TTL, PITR, tags.</summary>
internal static class TableChanges
{
    public static void Add(TableDefinition desired, LiveTable live, UpdatePlan plan)
    {
        AddBilling(desired, live.Table, plan);
        AddCombinedSettings(desired, live.Table, plan);
        AddStream(desired, live.Table, plan);
        if (desired.TableClass is { } tableClass && tableClass != (live.Table.TableClassSummary?.TableClass?.Value ?? "STANDARD"))
        {
            plan.Change($"TableClass: {live.Table.TableClassSummary?.TableClass?.Value ?? "STANDARD"} -> {tableClass}");
            plan.ChangeTableClass(tableClass);
        }

        AddSse(desired, live.Table, plan);
        AddTimeToLive(desired, live, plan);
        AddRecovery(desired, live, plan);
        AddTags(desired, live, plan);
    }

    public static UpdateTimeToLiveStep TimeToLiveStep(string table, string attribute, bool enabled) => new(
        $"{(enabled ? "enable" : "disable")} TTL on {attribute}",
        new UpdateTimeToLiveRequest { TableName = table, TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = attribute, Enabled = enabled } });

    public static UpdateContinuousBackupsStep RecoveryStep(string table, PointInTimeRecoverySpecificationDefinition pitr) => new(
        pitr.PointInTimeRecoveryEnabled == true ? $"enable point-in-time recovery ({pitr.RecoveryPeriodInDays ?? 35} days)" : "disable point-in-time recovery",
        new UpdateContinuousBackupsRequest
        {
            TableName = table,
            PointInTimeRecoverySpecification = new PointInTimeRecoverySpecification
            {
                PointInTimeRecoveryEnabled = pitr.PointInTimeRecoveryEnabled,
                RecoveryPeriodInDays = pitr.PointInTimeRecoveryEnabled == true ? pitr.RecoveryPeriodInDays : null,
            },
        });

    private static void AddBilling(TableDefinition desired, TableDescription live, UpdatePlan plan)
    {
        var wanted = desired.BillingMode ?? BillingMode.PROVISIONED.Value;
        var current = Compare.BillingMode(live);
        if (wanted != current)
        {
            plan.Combined.BillingMode = new BillingMode(wanted);
            plan.AddToCombined($"BillingMode: {current} -> {wanted}");
        }

        if (wanted == BillingMode.PROVISIONED.Value && desired.ProvisionedThroughput is { } throughput
            && (wanted != current || !Compare.SameThroughput(throughput, live.ProvisionedThroughput)))
        {
            plan.Combined.ProvisionedThroughput = Requests.Throughput(throughput);
            var from = wanted != current ? "on-demand" : Describe.Throughput(live.ProvisionedThroughput?.ReadCapacityUnits, live.ProvisionedThroughput?.WriteCapacityUnits);
            plan.AddToCombined($"ProvisionedThroughput: {from} -> {Describe.Throughput(throughput.ReadCapacityUnits, throughput.WriteCapacityUnits)}");
        }
    }

    private static void AddCombinedSettings(TableDefinition desired, TableDescription live, UpdatePlan plan)
    {
        if (desired.OnDemandThroughput is { } onDemand && !Compare.SameOnDemand(onDemand, live.OnDemandThroughput))
        {
            plan.Combined.OnDemandThroughput = Requests.OnDemand(onDemand);
            plan.AddToCombined($"OnDemandThroughput: {Describe.Throughput(live.OnDemandThroughput?.MaxReadRequestUnits ?? -1, live.OnDemandThroughput?.MaxWriteRequestUnits ?? -1)} -> {Describe.Throughput(onDemand.MaxReadRequestUnits, onDemand.MaxWriteRequestUnits)}");
        }

        if (desired.WarmThroughput is { } warm && !Compare.WarmEnough(warm, live.WarmThroughput?.ReadUnitsPerSecond, live.WarmThroughput?.WriteUnitsPerSecond))
        {
            plan.Combined.WarmThroughput = Requests.Warm(warm);
            plan.AddToCombined($"WarmThroughput: {Describe.Throughput(live.WarmThroughput?.ReadUnitsPerSecond, live.WarmThroughput?.WriteUnitsPerSecond)} -> {Describe.Throughput(warm.ReadUnitsPerSecond, warm.WriteUnitsPerSecond)}");
        }

        if (desired.DeletionProtectionEnabled is { } protect && protect != (live.DeletionProtectionEnabled ?? false))
        {
            plan.Combined.DeletionProtectionEnabled = protect;
            plan.AddToCombined($"DeletionProtectionEnabled: {Describe.OnOff(!protect)} -> {Describe.OnOff(protect)}");
        }
    }

    private static void AddStream(TableDefinition desired, TableDescription live, UpdatePlan plan)
    {
        if (desired.StreamSpecification is not { } stream)
        {
            return;
        }

        var liveView = live.StreamSpecification is { StreamEnabled: true } enabled ? enabled.StreamViewType?.Value : null;
        var wantedView = stream.StreamEnabled == true ? stream.StreamViewType : null;
        if (liveView == wantedView)
        {
            return;
        }

        if (liveView is not null && wantedView is not null)
        {
            plan.Change($"StreamViewType: {liveView} -> {wantedView} (disable, then enable: the stream gets a new ARN)");
            plan.ChangeStreamViewType(wantedView);
            return;
        }

        plan.Combined.StreamSpecification = Requests.Stream(stream);
        plan.AddToCombined($"StreamSpecification: {liveView ?? "disabled"} -> {wantedView ?? "disabled"}");
    }

    private static void AddSse(TableDefinition desired, TableDescription live, UpdatePlan plan)
    {
        if (desired.SSESpecification is not { } sse)
        {
            return;
        }

        var liveKms = live.SSEDescription is { } description && description.SSEType == SSEType.KMS
            && description.Status != SSEStatus.DISABLED && description.Status != SSEStatus.DISABLING;
        var wantKms = sse.Enabled == true;
        var keyDiffers = wantKms && liveKms && sse.KMSMasterKeyId is { } key && !SameKey(key, live.SSEDescription!.KMSMasterKeyArn);
        if (wantKms == liveKms && !keyDiffers)
        {
            return;
        }

        var describe = (bool kms, string? keyName) => kms ? $"KMS {keyName ?? "AWS managed key"}" : "AWS owned key";
        plan.Change($"SSESpecification: {describe(liveKms, live.SSEDescription?.KMSMasterKeyArn)} -> {describe(wantKms, sse.KMSMasterKeyId)}");
        plan.AddSetting(new UpdateTableStep("update SSE", new UpdateTableRequest { TableName = plan.TableName, SSESpecification = Requests.Sse(sse) }));
    }

    // DynamoDB reports the key's ARN; a definition may name it by id or ARN. An alias cannot be resolved
    // without KMS, so it is taken to match rather than reported as drift on every sync.
    private static bool SameKey(string wanted, string? liveArn) =>
        wanted.StartsWith("alias/", StringComparison.Ordinal) || wanted.Contains(":alias/", StringComparison.Ordinal)
        || liveArn is null || liveArn == wanted || liveArn.EndsWith("/" + wanted, StringComparison.Ordinal);

    private static void AddTimeToLive(TableDefinition desired, LiveTable live, UpdatePlan plan)
    {
        if (desired.TimeToLiveSpecification is not { } ttl)
        {
            return;
        }

        var on = Compare.IsOn(live.TimeToLive?.TimeToLiveStatus);
        var liveAttribute = live.TimeToLive?.AttributeName;
        if (ttl.Enabled == true && on && liveAttribute != ttl.AttributeName)
        {
            // Two changes; AWS allows one a table an hour, so the second is deferred by the sync that meets the limit.
            plan.Change($"TimeToLive: on {liveAttribute} -> on {ttl.AttributeName} (disable, then enable: one TTL change a table an hour)");
            plan.AddSetting(TimeToLiveStep(plan.TableName, liveAttribute!, enabled: false));
            plan.AddSetting(TimeToLiveStep(plan.TableName, ttl.AttributeName!, enabled: true));
        }
        else if (ttl.Enabled == true && !on)
        {
            plan.Change($"TimeToLive: off -> on {ttl.AttributeName}");
            plan.AddSetting(TimeToLiveStep(plan.TableName, ttl.AttributeName!, enabled: true));
        }
        else if (ttl.Enabled == false && on)
        {
            plan.Change($"TimeToLive: on {liveAttribute} -> off");
            plan.AddSetting(TimeToLiveStep(plan.TableName, liveAttribute!, enabled: false));
        }
    }

    private static void AddRecovery(TableDefinition desired, LiveTable live, UpdatePlan plan)
    {
        if (desired.PointInTimeRecoverySpecification is not { } pitr)
        {
            return;
        }

        var on = live.PointInTimeRecovery?.PointInTimeRecoveryStatus == PointInTimeRecoveryStatus.ENABLED;
        var livePeriod = live.PointInTimeRecovery?.RecoveryPeriodInDays;
        var wantOn = pitr.PointInTimeRecoveryEnabled == true;
        var periodDiffers = wantOn && on && pitr.RecoveryPeriodInDays is { } days && days != (livePeriod ?? 35);
        if (wantOn != on || periodDiffers)
        {
            var describe = (bool enabled, int? period) => enabled ? $"on ({period ?? 35} days)" : "off";
            plan.Change($"PointInTimeRecovery: {describe(on, livePeriod)} -> {describe(wantOn, pitr.RecoveryPeriodInDays)}");
            plan.AddSetting(RecoveryStep(plan.TableName, pitr));
        }
    }

    private static void AddTags(TableDefinition desired, LiveTable live, UpdatePlan plan)
    {
        if (desired.Tags is not { } tags)
        {
            return;
        }

        // Tags under aws: belong to AWS services (CloudFormation, for one); they are never ours to remove.
        var current = (live.Tags ?? []).Where(t => !t.Key.StartsWith("aws:", StringComparison.Ordinal)).ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);
        var set = tags.Where(t => !current.TryGetValue(t.Key!, out var value) || value != t.Value).ToList();
        var removed = current.Keys.Where(k => tags.All(t => t.Key != k)).Order(StringComparer.Ordinal).ToList();
        var arn = live.Table.TableArn;
        // One line for every tag change: +added, ~changed (old -> new), -removed.
        var described = set.Select(t => current.TryGetValue(t.Key!, out var old) ? $"~{t.Key}={old}->{t.Value}" : $"+{t.Key}={t.Value}").Concat(removed.Select(k => $"-{k}")).ToList();
        if (described.Count > 0)
        {
            plan.Change($"Tags: {string.Join(" ", described)}");
        }

        if (set.Count > 0)
        {
            plan.AddSetting(new TagResourceStep(new TagResourceRequest { ResourceArn = arn, Tags = set.Select(t => new Tag { Key = t.Key, Value = t.Value }).ToList() }));
        }

        if (removed.Count > 0)
        {
            plan.AddSetting(new UntagResourceStep(new UntagResourceRequest { ResourceArn = arn, TagKeys = removed }));
        }
    }
}
