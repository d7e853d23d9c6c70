namespace Dynatus.Engine.Definitions;

// Key schemas and attribute definitions.
internal sealed partial class DefinitionValidator
{
    // A global secondary index's key may have up to 4 HASH then up to 4 RANGE attributes, queried in that order:
    // https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.DesignPattern.MultiAttributeKeys.html
    private const int MaxIndexKeyAttributes = 4;

    // Returns the key's attribute names, HASH first, when the schema is well formed.
    private List<string> CheckKeySchema(DefinitionNode owner, string field, IReadOnlyList<KeySchemaElementDefinition>? keys, bool required, bool multiAttribute = false)
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
        var wellFormed = multiAttribute ? IsMultiAttributeKey(types) : types is ["HASH"] or ["HASH", "RANGE"];
        if (!wellFormed && types.All(t => t is "HASH" or "RANGE"))
        {
            var shape = multiAttribute
                ? $"1 to {MaxIndexKeyAttributes} HASH attributes, followed by up to {MaxIndexKeyAttributes} RANGE attributes"
                : "one HASH key, optionally followed by one RANGE key";
            Report(ProblemCodes.InvalidKeySchema, $"{field} must be {shape}; it is [{string.Join(", ", types)}].", owner, field);
        }

        var names = keys.Select(k => k.AttributeName ?? string.Empty).ToList();
        var twice = multiAttribute ? keys.Where((k, i) => k.AttributeName is not null && names.IndexOf(k.AttributeName) != i).ToList() : [];
        foreach (var key in twice)
        {
            Report(ProblemCodes.DuplicateName, $"The attribute '{key.AttributeName}' appears twice in {field}; each key attribute is listed once.", key, nameof(key.AttributeName));
        }

        wellFormed &= twice.Count == 0;

        return wellFormed ? names : [];
    }

    private static bool IsMultiAttributeKey(List<string?> types)
    {
        var hashes = types.TakeWhile(t => t == "HASH").Count();
        var ranges = types.Count - hashes;
        return hashes is >= 1 and <= MaxIndexKeyAttributes && ranges <= MaxIndexKeyAttributes && types.Skip(hashes).All(t => t == "RANGE");
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
}
