namespace Dynatus.Engine.Definitions;

/// <summary>Options for loading definitions.</summary>
public sealed class LoadOptions
{
    /// <summary>Values for <c>${Name}</c> references.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>Prepended to every table name (for example <c>dev-</c>), before the names are validated.</summary>
    public string? TablePrefix { get; init; }
}

/// <summary>The definitions of all files, and every problem found in any of them.</summary>
/// <param name="Definitions">The tables, in file order, then document order.</param>
/// <param name="Problems">Empty when every definition is valid.</param>
public sealed record LoadResult(IReadOnlyList<TableDefinition> Definitions, IReadOnlyList<DefinitionProblem> Problems)
{
    /// <summary>True when there is no problem, so the definitions may be sent to DynamoDB.</summary>
    public bool IsValid => Problems.Count == 0;
}

/// <summary>Loads and validates YAML table definitions.</summary>
public static class TableDefinitionLoader
{
    /// <summary>The <c>.yaml</c> and <c>.yml</c> files below a folder, in a stable order.</summary>
    /// <param name="path">The folder.</param>
    public static IReadOnlyList<string> FindFiles(string path) =>
        Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList()
            : [];

    /// <summary>Loads every file and validates every definition, reporting all problems together.</summary>
    /// <param name="files">The YAML files; each may hold several documents separated by <c>---</c>.</param>
    /// <param name="options">Variables and table prefix.</param>
    public static LoadResult Load(IEnumerable<string> files, LoadOptions? options = null)
    {
        options ??= new LoadOptions();
        var problems = new List<DefinitionProblem>();
        var prefixProblem = DefinitionValidator.CheckPrefix(options.TablePrefix);
        if (prefixProblem is not null)
        {
            problems.Add(prefixProblem);
        }

        var prefix = prefixProblem is null ? options.TablePrefix : null;
        var definitions = new List<TableDefinition>();
        foreach (var file in files)
        {
            var binder = new YamlBinder(file, options.Variables, problems);
            foreach (var document in DefinitionFile.Read(file, problems))
            {
                if (binder.BindTable(document.RootNode) is { } table)
                {
                    definitions.Add(WithPrefix(table, prefix));
                }
            }
        }

        problems.AddRange(Validate(definitions));
        return new LoadResult(definitions, problems);
    }

    /// <summary>The problems of definitions, whether loaded from files or built in code.</summary>
    /// <param name="definitions">The tables to check, together (a name may be used once).</param>
    public static IReadOnlyList<DefinitionProblem> Validate(IEnumerable<TableDefinition> definitions)
    {
        var problems = new List<DefinitionProblem>();
        var validator = new DefinitionValidator(problems);
        var seen = new Dictionary<string, TableDefinition>(StringComparer.Ordinal);
        foreach (var table in definitions)
        {
            validator.Validate(table);
            if (table.TableName is null)
            {
                continue;
            }

            if (seen.TryGetValue(table.TableName, out var first))
            {
                var where = first.LocationOf(nameof(first.TableName)) is { } at ? $" at {at}" : string.Empty;
                problems.Add(new DefinitionProblem(ProblemCodes.DuplicateTable, $"The table '{table.TableName}' is already defined{where}.", table.LocationOf(nameof(table.TableName)) ?? default));
            }
            else
            {
                seen.Add(table.TableName, table);
            }
        }

        return problems;
    }

    private static TableDefinition WithPrefix(TableDefinition table, string? prefix)
    {
        if (!string.IsNullOrEmpty(prefix) && table.TableName is not null)
        {
            table.TableName = prefix + table.TableName;
        }

        return table;
    }
}
