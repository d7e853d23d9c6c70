using Dynatus.Engine.Definitions.Templates;
using Dynatus.Engine.Model;
using YamlDotNet.RepresentationModel;

namespace Dynatus.Engine.Definitions;

/// <summary>Options for loading definitions.</summary>
public sealed class LoadOptions
{
    /// <summary>Values for <c>${Name}</c> references in Dynatus table files.</summary>
    public IReadOnlyDictionary<string, string> Variables { get; init; } = new Dictionary<string, string>();

    /// <summary>Prepended to every table name (for example <c>dev-</c>), before the names are validated.</summary>
    public string? TablePrefix { get; init; }

    /// <summary>A template's <c>AWS::Region</c> unless its source names one; default <c>us-east-1</c>.</summary>
    public string? Region { get; init; }

    /// <summary>The front end's words for the settings that problems' advice names.</summary>
    internal DefinitionSettingNames SettingNames { get; init; } = DefinitionSettingNames.Engine;
}

/// <summary>The tables of all files, and every problem found in any of them.</summary>
/// <param name="Tables">The valid tables, in file order, then document (or resource) order.</param>
/// <param name="Problems">Errors; empty when every definition is valid.</param>
public sealed record LoadResult(IReadOnlyList<Table> Tables, IReadOnlyList<DefinitionProblem> Problems)
{
    /// <summary>What the files declare that Dynatus leaves alone, each with its place; never a reason not to sync.</summary>
    public IReadOnlyList<DefinitionProblem> Warnings { get; init; } = [];

    /// <summary>True when there is no error, so the tables may be sent to DynamoDB.</summary>
    public bool IsValid => Problems.Count == 0;
}

/// <summary>Loads and validates table definitions: Dynatus YAML files and CloudFormation, SAM and CDK templates.</summary>
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
    /// <param name="files">Table files (several documents separated by <c>---</c>) or templates.</param>
    /// <param name="options">Variables, table prefix and region.</param>
    public static LoadResult Load(IEnumerable<string> files, LoadOptions? options = null) =>
        LoadSources(files.Select(f => new DefinitionSource(f)), options);

    /// <summary>Loads every source and validates every definition, reporting all problems together.</summary>
    /// <param name="sources">Table files or templates, each with its own settings.</param>
    /// <param name="options">Variables, table prefix and region.</param>
    public static LoadResult LoadSources(IEnumerable<DefinitionSource> sources, LoadOptions? options = null)
    {
        options ??= new LoadOptions();
        var problems = new DefinitionProblems { Names = options.SettingNames };
        var prefixProblem = DefinitionValidator.CheckPrefix(options.TablePrefix);
        if (prefixProblem is not null)
        {
            problems.Errors.Add(prefixProblem);
        }

        var declared = new List<DeclaredTable>();
        foreach (var source in sources)
        {
            var prefix = (prefixProblem is null ? options.TablePrefix : null) + SourcePrefix(source, problems);
            foreach (var table in Read(source, prefix, options, problems))
            {
                if (!string.IsNullOrEmpty(prefix) && table.Definition.TableName is not null && table.LogicalId is null)
                {
                    table.Definition.TableName = prefix + table.Definition.TableName;
                }

                declared.Add(table);
            }
        }

        var tables = Validate(declared, problems.Errors, problems.Names);
        return new LoadResult(tables, problems.Errors) { Warnings = problems.Warnings };
    }

    /// <summary>The problems of definitions, whether loaded from files or built in code.</summary>
    /// <param name="definitions">The tables to check, together (a name may be used once).</param>
    public static IReadOnlyList<DefinitionProblem> Validate(IEnumerable<TableDefinition> definitions)
    {
        var problems = new List<DefinitionProblem>();
        Validate(definitions.Select(d => new DeclaredTable(d)).ToList(), problems, DefinitionSettingNames.Engine);
        return problems;
    }

    /// <summary>The tables of definitions built in code, validated; the problems when any is invalid.</summary>
    internal static IReadOnlyList<Table> Build(IEnumerable<TableDefinition> definitions, out IReadOnlyList<DefinitionProblem> problems)
    {
        var found = new List<DefinitionProblem>();
        var tables = Validate(definitions.Select(d => new DeclaredTable(d)).ToList(), found, DefinitionSettingNames.Engine);
        problems = found;
        return tables;
    }

    private static IEnumerable<DeclaredTable> Read(DefinitionSource source, string? prefix, LoadOptions options, DefinitionProblems problems)
    {
        var documents = DefinitionFile.Read(source.Path, problems.Errors);
        if (documents is [{ RootNode: YamlMappingNode root }] && TemplateReader.IsTemplate(root))
        {
            return new TemplateReader(source, prefix, options.Region, problems).Read(root);
        }

        var binder = new YamlBinder(source.Path, options.Variables, problems);
        var tables = new List<DeclaredTable>();
        foreach (var document in documents)
        {
            var (before, misspellings) = (problems.Errors.Count, problems.Misspellings);
            if (binder.BindTable(document.RootNode) is { } definition)
            {
                tables.Add(new DeclaredTable(definition) { HasReadProblems = problems.Errors.Count > before, HasMisspelling = problems.Misspellings > misspellings });
            }
        }

        return tables;
    }

    private static string? SourcePrefix(DefinitionSource source, DefinitionProblems problems)
    {
        if (DefinitionValidator.CheckPrefix(source.TablePrefix) is { } refused)
        {
            problems.Errors.Add(refused with { Location = new SourceLocation(source.Path, 1, 1) });
            return null;
        }

        return source.TablePrefix;
    }

    // Each table is checked on its own, then names across all of them; only tables without a problem become models.
    private static List<Table> Validate(List<DeclaredTable> declared, List<DefinitionProblem> problems, DefinitionSettingNames names)
    {
        var validator = new DefinitionValidator(problems);
        var tables = new List<Table>();
        var seen = new Dictionary<string, DeclaredTable>(StringComparer.Ordinal);
        foreach (var table in declared)
        {
            var definition = table.Definition;
            var model = validator.Validate(table);

            if (definition.TableName is { } name && seen.TryGetValue(name, out var first))
            {
                ReportDuplicate(name, first, table, problems, names);
                continue;
            }

            if (definition.TableName is not null)
            {
                seen.Add(definition.TableName, table);
            }

            if (model is not null)
            {
                tables.Add(model);
            }
        }

        return tables;
    }

    private static void ReportDuplicate(string name, DeclaredTable first, DeclaredTable second, List<DefinitionProblem> problems, DefinitionSettingNames names)
    {
        var (firstAt, secondAt) = (first.Definition.LocationOf(nameof(TableDefinition.TableName)), second.Definition.LocationOf(nameof(TableDefinition.TableName)));
        if (!first.NamedByLogicalId && !second.NamedByLogicalId)
        {
            var where = firstAt is { } at ? $" at {at}" : string.Empty;
            problems.Add(new DefinitionProblem(ProblemCodes.DuplicateTable, $"The table '{name}' is already defined{where}.", secondAt ?? default));
            return;
        }

        // Two templates with the same logical id and no TableName: both places, and the way out.
        var advice = $"Two templates declare '{name}' without a TableName, so both tables would be named after the logical id. {names.SourcePrefix}, or a TableName.";
        problems.Add(new DefinitionProblem(ProblemCodes.DuplicateTable, $"{advice} The other is at {secondAt}.", firstAt ?? default));
        problems.Add(new DefinitionProblem(ProblemCodes.DuplicateTable, $"{advice} The other is at {firstAt}.", secondAt ?? default));
    }
}
