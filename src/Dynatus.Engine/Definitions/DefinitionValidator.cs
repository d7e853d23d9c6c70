using System.Text.RegularExpressions;

namespace Dynatus.Engine.Definitions;

/// <summary>
/// The checks DynamoDB applies to a CreateTable request (docs/dynamodb-change-rules.md, validation section),
/// made before any call so that an invalid definition never reaches DynamoDB.
/// </summary>
internal sealed partial class DefinitionValidator(List<DefinitionProblem> problems)
{
    private static readonly string[] KeyTypes = ["HASH", "RANGE"];
    private static readonly string[] AttributeTypes = ["S", "N", "B"];
    private static readonly string[] BillingModes = ["PROVISIONED", "PAY_PER_REQUEST"];
    private static readonly string[] ProjectionTypes = ["ALL", "KEYS_ONLY", "INCLUDE"];
    private static readonly string[] StreamViewTypes = ["KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"];
    private static readonly string[] TableClasses = ["STANDARD", "STANDARD_INFREQUENT_ACCESS"];

    [GeneratedRegex("^[a-zA-Z0-9_.-]{3,255}$")]
    private static partial Regex Name();

    public void Validate(TableDefinition table)
    {
        if (Required(table, nameof(table.TableName), table.TableName))
        {
            CheckName(table, nameof(table.TableName), table.TableName!, "table");
        }

        var tableKeys = CheckKeySchema(table, nameof(table.KeySchema), table.KeySchema, required: true);
        CheckAttributeDefinitions(table);
        CheckThroughput(table);
        CheckIndexes(table, tableKeys);
        CheckStreamAndSettings(table);
        CheckTags(table);
        CheckRecovery(table);
    }

    private void Report(string code, string message, DefinitionNode node, string field) =>
        problems.Add(new DefinitionProblem(code, message, node.LocationOf(field) ?? default));

    private bool Required(DefinitionNode node, string field, object? value)
    {
        if (value is not null)
        {
            return true;
        }

        if (node.WasReported(field))
        {
            return false;
        }

        Report(ProblemCodes.MissingField, $"{field} is required in {Describe(node)}.", node, field);
        return false;
    }

    private static string Describe(DefinitionNode node) => node switch
    {
        TableDefinition => "a table definition",
        GlobalSecondaryIndexDefinition g => $"global secondary index '{g.IndexName}'",
        LocalSecondaryIndexDefinition l => $"local secondary index '{l.IndexName}'",
        _ => node.GetType().Name.Replace("Definition", string.Empty, StringComparison.Ordinal),
    };

    private void OneOf(DefinitionNode node, string field, string? value, string[] allowed)
    {
        if (value is not null && !allowed.Contains(value, StringComparer.Ordinal))
        {
            var suggestion = Suggestions.ClosestTo(value, allowed);
            var hint = suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?";
            Report(ProblemCodes.InvalidValue, $"{field} '{value}' is not one of {string.Join(", ", allowed)}.{hint}", node, field);
        }
    }

    private void AtLeast(DefinitionNode node, string field, long? value, long minimum, bool allowUnlimited = false)
    {
        if (value is { } number && number < minimum && !(allowUnlimited && number == -1))
        {
            var unlimited = allowUnlimited ? " (or -1 for no limit)" : string.Empty;
            Report(ProblemCodes.OutOfRange, $"{field} must be at least {minimum}{unlimited}, but is {number}.", node, field);
        }
    }

    private void CheckName(DefinitionNode node, string field, string name, string what)
    {
        if (!Name().IsMatch(name))
        {
            Report(ProblemCodes.InvalidName, $"The {what} name '{name}' is not 3 to 255 characters of letters, digits, '_', '-' and '.'.", node, field);
        }
    }

    // Returns the key's attribute names, HASH first, when the schema is well formed.
    private List<string> CheckKeySchema(DefinitionNode owner, string field, IReadOnlyList<KeySchemaElementDefinition>? keys, bool required)
    {
        if (keys is null)
        {
            if (required)
            {
                Required(owner, field, keys);
            }

            return [];
        }

        foreach (var key in keys)
        {
            Required(key, nameof(key.AttributeName), key.AttributeName);
            if (Required(key, nameof(key.KeyType), key.KeyType))
            {
                OneOf(key, nameof(key.KeyType), key.KeyType, KeyTypes);
            }
        }

        var types = keys.Select(k => k.KeyType).ToList();
        var wellFormed = types is ["HASH"] or ["HASH", "RANGE"];
        if (!wellFormed && types.All(t => t is "HASH" or "RANGE"))
        {
            Report(ProblemCodes.InvalidKeySchema, $"{field} must be one HASH key, optionally followed by one RANGE key; it is [{string.Join(", ", types)}].", owner, field);
        }

        return wellFormed ? keys.Select(k => k.AttributeName ?? string.Empty).ToList() : [];
    }

    private void CheckAttributeDefinitions(TableDefinition table)
    {
        if (!Required(table, nameof(table.AttributeDefinitions), table.AttributeDefinitions))
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var attribute in table.AttributeDefinitions!)
        {
            if (Required(attribute, nameof(attribute.AttributeName), attribute.AttributeName) && !seen.Add(attribute.AttributeName!))
            {
                Report(ProblemCodes.DuplicateName, $"The attribute '{attribute.AttributeName}' is defined twice.", attribute, nameof(attribute.AttributeName));
            }

            if (Required(attribute, nameof(attribute.AttributeType), attribute.AttributeType))
            {
                OneOf(attribute, nameof(attribute.AttributeType), attribute.AttributeType, AttributeTypes);
            }
        }

        var used = KeySchemas(table).SelectMany(k => k.Keys).Select(k => k.AttributeName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var (owner, keys) in KeySchemas(table))
        {
            foreach (var key in keys.Where(k => k.AttributeName is not null && !seen.Contains(k.AttributeName)))
            {
                Report(ProblemCodes.UndefinedKeyAttribute, $"The key attribute '{key.AttributeName}' of {Describe(owner)} has no entry in AttributeDefinitions.", key, nameof(key.AttributeName));
            }
        }

        foreach (var attribute in table.AttributeDefinitions!.Where(a => a.AttributeName is not null && !used.Contains(a.AttributeName)))
        {
            Report(ProblemCodes.UnusedAttribute, $"The attribute '{attribute.AttributeName}' is defined but no table or index key uses it; DynamoDB refuses that (define only key attributes).", attribute, nameof(attribute.AttributeName));
        }
    }

    private static IEnumerable<(DefinitionNode Owner, IReadOnlyList<KeySchemaElementDefinition> Keys)> KeySchemas(TableDefinition table)
    {
        if (table.KeySchema is not null)
        {
            yield return (table, table.KeySchema);
        }

        foreach (var index in table.GlobalSecondaryIndexes ?? [])
        {
            if (index.KeySchema is not null)
            {
                yield return (index, index.KeySchema);
            }
        }

        foreach (var index in table.LocalSecondaryIndexes ?? [])
        {
            if (index.KeySchema is not null)
            {
                yield return (index, index.KeySchema);
            }
        }
    }

    private void CheckThroughput(TableDefinition table)
    {
        OneOf(table, nameof(table.BillingMode), table.BillingMode, BillingModes);
        if (table.BillingMode is { } mode && !BillingModes.Contains(mode) || table.WasReported(nameof(table.BillingMode)))
        {
            // Which throughput is right depends on the billing mode, which is itself wrong: one error is enough.
            return;
        }

        var onDemand = table.BillingMode == "PAY_PER_REQUEST";
        var holders = new List<(DefinitionNode Node, ProvisionedThroughputDefinition? Throughput)> { (table, table.ProvisionedThroughput) };
        holders.AddRange((table.GlobalSecondaryIndexes ?? []).Select(g => ((DefinitionNode)g, g.ProvisionedThroughput)));
        foreach (var (node, throughput) in holders)
        {
            if (onDemand && throughput is not null)
            {
                Report(ProblemCodes.ThroughputMismatch, $"ProvisionedThroughput is not allowed in {Describe(node)}: BillingMode is PAY_PER_REQUEST.", node, nameof(table.ProvisionedThroughput));
            }
            else if (!onDemand && throughput is null)
            {
                Report(ProblemCodes.ThroughputMismatch, $"ProvisionedThroughput is required in {Describe(node)}: BillingMode is PROVISIONED{(table.BillingMode is null ? " (DynamoDB's default; write BillingMode: PAY_PER_REQUEST for on-demand)" : string.Empty)}.", node, nameof(table.ProvisionedThroughput));
            }
            else if (throughput is not null)
            {
                foreach (var (field, value) in new[] { (nameof(throughput.ReadCapacityUnits), throughput.ReadCapacityUnits), (nameof(throughput.WriteCapacityUnits), throughput.WriteCapacityUnits) })
                {
                    if (Required(throughput, field, value))
                    {
                        AtLeast(throughput, field, value, 1);
                    }
                }
            }
        }

        CheckOptionalThroughput(table.OnDemandThroughput, table.WarmThroughput);
        foreach (var index in table.GlobalSecondaryIndexes ?? [])
        {
            CheckOptionalThroughput(index.OnDemandThroughput, index.WarmThroughput);
        }
    }

    private void CheckOptionalThroughput(OnDemandThroughputDefinition? onDemand, WarmThroughputDefinition? warm)
    {
        if (onDemand is not null)
        {
            AtLeast(onDemand, nameof(onDemand.MaxReadRequestUnits), onDemand.MaxReadRequestUnits, 1, allowUnlimited: true);
            AtLeast(onDemand, nameof(onDemand.MaxWriteRequestUnits), onDemand.MaxWriteRequestUnits, 1, allowUnlimited: true);
        }

        if (warm is not null)
        {
            AtLeast(warm, nameof(warm.ReadUnitsPerSecond), warm.ReadUnitsPerSecond, 1);
            AtLeast(warm, nameof(warm.WriteUnitsPerSecond), warm.WriteUnitsPerSecond, 1);
        }
    }

    private void CheckIndexes(TableDefinition table, List<string> tableKeys)
    {
        var globals = table.GlobalSecondaryIndexes ?? [];
        var locals = table.LocalSecondaryIndexes ?? [];
        if (globals.Count > 20)
        {
            Report(ProblemCodes.TooManyIndexes, $"A table can have at most 20 global secondary indexes; this one declares {globals.Count}.", table, nameof(table.GlobalSecondaryIndexes));
        }

        if (locals.Count > 5)
        {
            Report(ProblemCodes.TooManyIndexes, $"A table can have at most 5 local secondary indexes; this one declares {locals.Count}.", table, nameof(table.LocalSecondaryIndexes));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var projected = 0;
        foreach (var (node, name, keys, projection) in globals.Select(g => ((DefinitionNode)g, g.IndexName, g.KeySchema, g.Projection))
                     .Concat(locals.Select(l => ((DefinitionNode)l, l.IndexName, l.KeySchema, l.Projection))))
        {
            if (Required(node, "IndexName", name))
            {
                CheckName(node, "IndexName", name!, "index");
                if (!names.Add(name!))
                {
                    Report(ProblemCodes.DuplicateName, $"The index name '{name}' is used twice.", node, "IndexName");
                }
            }

            var indexKeys = CheckKeySchema(node, "KeySchema", keys, required: true);
            if (node is LocalSecondaryIndexDefinition && indexKeys.Count > 0 && tableKeys.Count > 0)
            {
                CheckLocalIndex(node, tableKeys, indexKeys);
            }

            if (Required(node, "Projection", projection))
            {
                projected += CheckProjection(projection!);
            }
        }

        if (projected > 100)
        {
            Report(ProblemCodes.InvalidProjection, $"Indexes project {projected} NonKeyAttributes in all; DynamoDB allows at most 100 per table.", table, nameof(table.GlobalSecondaryIndexes));
        }
    }

    private void CheckLocalIndex(DefinitionNode index, List<string> tableKeys, List<string> indexKeys)
    {
        if (tableKeys.Count < 2)
        {
            Report(ProblemCodes.InvalidLocalIndex, $"{Describe(index)} needs a table with a RANGE key; this table has only a HASH key.", index, "KeySchema");
        }
        else if (indexKeys.Count < 2 || indexKeys[0] != tableKeys[0])
        {
            Report(ProblemCodes.InvalidLocalIndex, $"{Describe(index)} must have the table's HASH key '{tableKeys[0]}' and a RANGE key.", index, "KeySchema");
        }
    }

    // Returns how many NonKeyAttributes the projection adds to the table's total.
    private int CheckProjection(ProjectionDefinition projection)
    {
        if (Required(projection, nameof(projection.ProjectionType), projection.ProjectionType))
        {
            OneOf(projection, nameof(projection.ProjectionType), projection.ProjectionType, ProjectionTypes);
        }

        var attributes = projection.NonKeyAttributes?.Count ?? 0;
        if (projection.ProjectionType == "INCLUDE" && attributes == 0)
        {
            Report(ProblemCodes.InvalidProjection, "ProjectionType INCLUDE needs NonKeyAttributes.", projection, nameof(projection.ProjectionType));
        }
        else if (projection.ProjectionType is "ALL" or "KEYS_ONLY" && projection.NonKeyAttributes is not null)
        {
            Report(ProblemCodes.InvalidProjection, $"NonKeyAttributes are allowed only with ProjectionType INCLUDE, not {projection.ProjectionType}.", projection, nameof(projection.NonKeyAttributes));
        }

        return attributes;
    }

    private void CheckStreamAndSettings(TableDefinition table)
    {
        OneOf(table, nameof(table.TableClass), table.TableClass, TableClasses);
        if (table.StreamSpecification is { } stream && Required(stream, nameof(stream.StreamEnabled), stream.StreamEnabled))
        {
            if (stream.StreamEnabled == true && stream.StreamViewType is null)
            {
                Report(ProblemCodes.InvalidStream, $"StreamViewType is required when StreamEnabled is true: one of {string.Join(", ", StreamViewTypes)}.", stream, nameof(stream.StreamEnabled));
            }
            else if (stream.StreamEnabled == false && stream.StreamViewType is not null)
            {
                Report(ProblemCodes.InvalidStream, "StreamViewType is not allowed when StreamEnabled is false.", stream, nameof(stream.StreamViewType));
            }

            OneOf(stream, nameof(stream.StreamViewType), stream.StreamViewType, StreamViewTypes);
        }

        if (table.SSESpecification is { } sse)
        {
            OneOf(sse, nameof(sse.SSEType), sse.SSEType, ["KMS"]);
            if (sse.Enabled != true && (sse.KMSMasterKeyId ?? sse.SSEType) is not null)
            {
                Report(ProblemCodes.InvalidValue, "SSEType and KMSMasterKeyId are allowed only when Enabled is true.", sse, nameof(sse.Enabled));
            }
        }

        if (table.TimeToLiveSpecification is { } ttl)
        {
            Required(ttl, nameof(ttl.AttributeName), ttl.AttributeName);
            Required(ttl, nameof(ttl.Enabled), ttl.Enabled);
        }
    }

    private void CheckTags(TableDefinition table)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tag in table.Tags ?? [])
        {
            Required(tag, nameof(tag.Value), tag.Value);
            if (!Required(tag, nameof(tag.Key), tag.Key))
            {
                continue;
            }

            if (tag.Key!.Length is 0 or > 128 || tag.Value?.Length > 256)
            {
                Report(ProblemCodes.OutOfRange, "A tag key has 1 to 128 characters and a value at most 256.", tag, nameof(tag.Key));
            }
            else if (tag.Key.StartsWith("aws:", StringComparison.Ordinal))
            {
                Report(ProblemCodes.InvalidValue, $"The tag key '{tag.Key}' starts with 'aws:', which AWS reserves for itself.", tag, nameof(tag.Key));
            }
            else if (!keys.Add(tag.Key))
            {
                Report(ProblemCodes.DuplicateName, $"The tag key '{tag.Key}' is used twice.", tag, nameof(tag.Key));
            }
        }
    }

    private void CheckRecovery(TableDefinition table)
    {
        if (table.PointInTimeRecoverySpecification is not { } pitr)
        {
            return;
        }

        Required(pitr, nameof(pitr.PointInTimeRecoveryEnabled), pitr.PointInTimeRecoveryEnabled);
        if (pitr.RecoveryPeriodInDays is { } days && (days < 1 || days > 35))
        {
            Report(ProblemCodes.OutOfRange, $"RecoveryPeriodInDays must be 1 to 35, but is {days}.", pitr, nameof(pitr.RecoveryPeriodInDays));
        }
        else if (pitr.RecoveryPeriodInDays is not null && pitr.PointInTimeRecoveryEnabled == false)
        {
            Report(ProblemCodes.InvalidValue, "RecoveryPeriodInDays is allowed only when PointInTimeRecoveryEnabled is true.", pitr, nameof(pitr.RecoveryPeriodInDays));
        }
    }
}
