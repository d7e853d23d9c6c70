using YamlDotNet.RepresentationModel;

namespace Dynatus.Engine.Definitions.Templates;

/// <summary>
/// An <c>AWS::DynamoDB::GlobalTable</c> as one table: its table-wide settings, with those of the replica in the sync's
/// region (else the first replica), and the other replicas as its Replicas, with its consistency and witness. Auto-scaled
/// capacity is mirrored at its minimum, with its auto scaling (which AWS requires of a provisioned table's writes before
/// it adds a replica); a replica's read capacity, when absent, is the write capacity.
/// </summary>
internal static class GlobalTableShape
{
    private static readonly string[] TableWide = ["TableName", "KeySchema", "AttributeDefinitions", "BillingMode", "LocalSecondaryIndexes", "StreamSpecification", "TimeToLiveSpecification", "WarmThroughput"];

    private static readonly string[] FromReplica = ["PointInTimeRecoverySpecification", "TableClass", "DeletionProtectionEnabled", "Tags", "ContributorInsightsSpecification"];

    // What each other replica keeps for itself, as a Dynatus replica declares it.
    private static readonly string[] RegionalInReplica = ["DeletionProtectionEnabled", "PointInTimeRecoverySpecification", "ContributorInsightsSpecification", "Tags"];

    // What another replica declares that a Dynatus replica has no place for: its stream policy and Kinesis destination.
    private static readonly string[] NotInReplica = ["ReplicaStreamSpecification", "ResourcePolicy", "KinesisStreamSpecification"];

    // The regions of a strongly consistent global table besides its replicas, which go with its other replicas.
    private static readonly string[] WithOtherReplicas = ["MultiRegionConsistency", "GlobalTableWitnesses"];

    private static readonly string[] Handled = [.. TableWide, .. WithOtherReplicas, "Replicas", "SSESpecification", "GlobalSecondaryIndexes", "WriteProvisionedThroughputSettings", "WriteOnDemandThroughputSettings"];

    public static YamlMappingNode ToTable(Template template, YamlMappingNode global, string region, DefinitionProblems problems)
    {
        var origins = template.Origins;
        var at = template.At(global);
        var replica = Replica(global, region);
        var fields = TableWide.Select(name => (name, global.Field(name))).ToList();
        fields.AddRange(FromReplica.Select(name => (name, replica?.Field(name))));
        fields.Add(("ProvisionedThroughput", Capacity(template, global, replica, at)));
        fields.Add(("OnDemandThroughput", OnDemand(template, global, replica, at)));
        fields.AddRange(AutoScaling(template, global, replica));
        fields.Add(("SSESpecification", Encryption(template, global.Field("SSESpecification") as YamlMappingNode, replica)));
        fields.Add(("Replicas", OtherReplicas(template, global, replica)));
        fields.AddRange(WithOtherReplicas.Select(name => (name, global.Field(name))));
        if (global.Field("GlobalSecondaryIndexes") is YamlSequenceNode indexes)
        {
            fields.Add(("GlobalSecondaryIndexes", Nodes.Sequence(origins, template.At(indexes), indexes.Children.OfType<YamlMappingNode>().Select(i => Index(template, i, replica)))));
        }

        var replicaIndexes = (replica?.Field("GlobalSecondaryIndexes") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [];
        var declared = global.Children.Concat(replica?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>()).Concat(replicaIndexes.SelectMany(i => i.Children));
        foreach (var (key, _) in declared.Where(c => NotSyncedProperties.GlobalTable.Contains(c.Key.Text())))
        {
            NotSyncedProperties.Warn(problems, key.Text() ?? string.Empty, template.At(key));
        }

        WarnOtherReplicas(template, global, replica, problems);

        // Anything else goes through as written, for the binder to report as an unknown field.
        fields.AddRange(global.Children.Where(c => !Handled.Contains(c.Key.Text()) && !NotSyncedProperties.GlobalTable.Contains(c.Key.Text())).Select(c => (c.Key.Text() ?? string.Empty, (YamlNode?)c.Value)));
        return Nodes.Mapping(origins, at, fields);
    }

    private static YamlMappingNode? Replica(YamlMappingNode global, string region)
    {
        var replicas = Replicas(global);
        return replicas.FirstOrDefault(r => r.Field("Region").Text() == region) ?? replicas.FirstOrDefault();
    }

    private static List<YamlMappingNode> Replicas(YamlMappingNode global) =>
        (global.Field("Replicas") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>().ToList() ?? [];

    // The replicas besides the mirrored one, with their table class, key, read capacity or maximum, indexes' settings and
    // what each keeps for itself.
    private static YamlSequenceNode? OtherReplicas(Template template, YamlMappingNode global, YamlMappingNode? mirrored)
    {
        var others = Replicas(global).Where(r => r != mirrored).ToList();
        return others.Count == 0 ? null
            : Nodes.Sequence(template.Origins, template.At(global.Field("Replicas")!), others.Select(r => Nodes.Mapping(template.Origins, template.At(r),
                [("RegionName", r.Field("Region")), ("TableClassOverride", r.Field("TableClass")), ("KMSMasterKeyId", (r.Field("SSESpecification") as YamlMappingNode)?.Field("KMSMasterKeyId")), .. ReadOverrides(template, r), ("GlobalSecondaryIndexes", ReplicaIndexes(template, r)), .. RegionalInReplica.Select(name => (name, r.Field(name)))])));
    }

    // Another replica's own index settings: its read capacity or maximum and contributor insights of each.
    private static YamlSequenceNode? ReplicaIndexes(Template template, YamlMappingNode replica) =>
        replica.Field("GlobalSecondaryIndexes") is YamlSequenceNode indexes
            ? Nodes.Sequence(template.Origins, template.At(indexes), indexes.Children.OfType<YamlMappingNode>().Select(i => Nodes.Mapping(template.Origins, template.At(i),
                [("IndexName", i.Field("IndexName")), .. ReadOverrides(template, i), ("ContributorInsightsSpecification", i.Field("ContributorInsightsSpecification"))])))
            : null;

    // A replica's, or a replica index's, fixed read capacity, read auto scaling (registered in its region) and read
    // maximum, as a Dynatus replica declares them.
    private static (string, YamlNode?)[] ReadOverrides(Template template, YamlMappingNode owner) =>
    [
        ("ProvisionedThroughputOverride", (owner.Field("ReadProvisionedThroughputSettings") as YamlMappingNode)?.Field("ReadCapacityUnits") is { } read
            ? Nodes.Mapping(template.Origins, template.At(owner), [("ReadCapacityUnits", read)])
            : null),
        ("ReadProvisionedThroughputSettings", ScalingSettings(template, owner.Field("ReadProvisionedThroughputSettings"), "ReadCapacityAutoScalingSettings")),
        ("OnDemandThroughputOverride", ReadMaximum(template, owner)),
    ];

    // The table's (or index's) write auto scaling and the mirrored replica's read auto scaling.
    private static IEnumerable<(string, YamlNode?)> AutoScaling(Template template, YamlMappingNode owner, YamlMappingNode? replica) =>
    [
        ("WriteProvisionedThroughputSettings", ScalingSettings(template, owner.Field("WriteProvisionedThroughputSettings"), "WriteCapacityAutoScalingSettings")),
        ("ReadProvisionedThroughputSettings", ScalingSettings(template, replica?.Field("ReadProvisionedThroughputSettings"), "ReadCapacityAutoScalingSettings")),
    ];

    // Auto scaling as a Dynatus definition declares it: without SeedCapacity, which only says what capacity a switch
    // from on demand starts at (the mirror's ProvisionedThroughput says that).
    private static YamlMappingNode? ScalingSettings(Template template, YamlNode? settings, string side) =>
        (settings as YamlMappingNode)?.Field(side) is YamlMappingNode scaling
            ? Nodes.Mapping(template.Origins, template.At(settings), [(side, Nodes.Mapping(template.Origins, template.At(scaling), scaling.Children.Where(c => c.Key.Text() != "SeedCapacity").Select(c => (c.Key.Text() ?? string.Empty, (YamlNode?)c.Value))))])
            : null;

    private static YamlMappingNode? ReadMaximum(Template template, YamlMappingNode owner) =>
        (owner.Field("ReadOnDemandThroughputSettings") as YamlMappingNode)?.Field("MaxReadRequestUnits") is { } max
            ? Nodes.Mapping(template.Origins, template.At(owner), [("MaxReadRequestUnits", max)])
            : null;

    // Never dropped without a word: what the other replicas declare beyond their Replicas entry.
    private static void WarnOtherReplicas(Template template, YamlMappingNode global, YamlMappingNode? mirrored, DefinitionProblems problems)
    {
        foreach (var other in Replicas(global).Where(r => r != mirrored))
        {
            foreach (var (key, _) in other.Children.Where(c => NotInReplica.Contains(c.Key.Text())))
            {
                NotSyncedProperties.Warn(problems, $"{key.Text()} of the replica in {other.Field("Region").Text()}", template.At(key));
            }
        }
    }

    private static YamlMappingNode Index(Template template, YamlMappingNode index, YamlMappingNode? replica)
    {
        var replicaIndex = (replica?.Field("GlobalSecondaryIndexes") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>()
            .FirstOrDefault(r => r.Field("IndexName").Text() == index.Field("IndexName").Text());
        var at = template.At(index);
        return Nodes.Mapping(template.Origins, at,
        [
            ("IndexName", index.Field("IndexName")),
            ("KeySchema", index.Field("KeySchema")),
            ("Projection", index.Field("Projection")),
            ("WarmThroughput", index.Field("WarmThroughput")),
            ("ProvisionedThroughput", Capacity(template, index, replicaIndex, at)),
            ("OnDemandThroughput", OnDemand(template, index, replicaIndex, at)),
            .. AutoScaling(template, index, replicaIndex),
            ("ContributorInsightsSpecification", replicaIndex?.Field("ContributorInsightsSpecification")),
        ]);
    }

    // Write capacity is the table's (or index's), read capacity the replica's: fixed units, else auto scaling's minimum.
    private static YamlMappingNode? Capacity(Template template, YamlMappingNode owner, YamlMappingNode? replica, SourceLocation at)
    {
        var write = Units(owner.Field("WriteProvisionedThroughputSettings"), "WriteCapacityAutoScalingSettings", "WriteCapacityUnits");
        if (write is null)
        {
            return null;
        }

        var read = Units(replica?.Field("ReadProvisionedThroughputSettings"), "ReadCapacityAutoScalingSettings", "ReadCapacityUnits") ?? write;
        return Nodes.Mapping(template.Origins, at, [("ReadCapacityUnits", read), ("WriteCapacityUnits", write)]);
    }

    private static YamlNode? Units(YamlNode? settings, string autoScaling, string fixedUnits) => settings is YamlMappingNode mapping
        ? mapping.Field(fixedUnits) ?? (mapping.Field(autoScaling) as YamlMappingNode)?.Field("MinCapacity")
        : null;

    private static YamlMappingNode? OnDemand(Template template, YamlMappingNode owner, YamlMappingNode? replica, SourceLocation at)
    {
        var write = (owner.Field("WriteOnDemandThroughputSettings") as YamlMappingNode)?.Field("MaxWriteRequestUnits");
        var read = (replica?.Field("ReadOnDemandThroughputSettings") as YamlMappingNode)?.Field("MaxReadRequestUnits");
        return write is null && read is null ? null : Nodes.Mapping(template.Origins, at, [("MaxReadRequestUnits", read), ("MaxWriteRequestUnits", write)]);
    }

    // SSEEnabled and SSEType are table-wide; the KMS key is each replica's.
    private static YamlMappingNode? Encryption(Template template, YamlMappingNode? sse, YamlMappingNode? replica)
    {
        if (sse is null)
        {
            return null;
        }

        var key = (replica?.Field("SSESpecification") as YamlMappingNode)?.Field("KMSMasterKeyId");
        return Nodes.Mapping(template.Origins, template.At(sse), [.. sse.Children.Select(c => (c.Key.Text() ?? string.Empty, (YamlNode?)c.Value)), ("KMSMasterKeyId", key)]);
    }
}
