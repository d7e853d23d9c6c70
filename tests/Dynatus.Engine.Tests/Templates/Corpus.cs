using Dynatus.Engine.Definitions;
using Dynatus.Testing;

namespace Dynatus.Engine.Tests.Templates;

/// <summary>The template corpus as sources, with the metadata a project would give each template.</summary>
internal static class Corpus
{
    public static IReadOnlyList<DefinitionSource> Sources(string? prefix = null) =>
        TemplateCorpus.Items.Select(item => new DefinitionSource(Path.Combine(TemplateCorpus.Folder, item.File))
        {
            TablePrefix = prefix + item.TablePrefix,
            Parameters = (item.Parameters ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(pair => pair.Split('=', 2))
                .ToDictionary(pair => pair[0], pair => pair[1]),
        }).ToList();

    public static LoadResult Load(string? prefix = null) => TableDefinitionLoader.LoadSources(Sources(prefix));
}
