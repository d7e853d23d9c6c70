namespace Dynatus.Engine.Definitions;

// Global and local secondary indexes and their projections.
internal sealed partial class DefinitionValidator
{
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

            var indexKeys = CheckKeySchema(node, "KeySchema", keys, required: true, multiAttribute: node is GlobalSecondaryIndexDefinition);
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
}
