namespace Dynatus.Engine.Definitions;

// Key schemas and attribute definitions.
internal sealed partial class DefinitionValidator
{
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
}
