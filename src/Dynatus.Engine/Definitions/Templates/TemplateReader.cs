using Dynatus.Engine.Model;
using YamlDotNet.RepresentationModel;

namespace Dynatus.Engine.Definitions.Templates;

/// <summary>
/// Reads the tables of a CloudFormation, SAM or CDK template: each <c>AWS::DynamoDB::Table</c>,
/// <c>AWS::Serverless::SimpleTable</c> and <c>AWS::DynamoDB::GlobalTable</c> whose Condition holds, its functions
/// resolved, in the shape of a Dynatus table definition. Other resources are ignored.
/// </summary>
internal sealed class TemplateReader(DefinitionSource source, string? prefix, string? defaultRegion, DefinitionProblems problems)
{
    /// <summary>A file whose top level has Resources is a template.</summary>
    public static bool IsTemplate(YamlMappingNode root) => root.Field("Resources") is not null;

    public IReadOnlyList<DeclaredTable> Read(YamlMappingNode root)
    {
        var region = source.Region ?? defaultRegion ?? AwsDefaults.Region;
        var template = new Template(root, source, prefix, region, problems);
        var tables = new List<DeclaredTable>();
        var declared = 0;
        foreach (var (idNode, resourceNode) in template.Resources.Children)
        {
            var id = idNode.Text() ?? string.Empty;
            if (resourceNode is not YamlMappingNode resource || resource.Field("Type").Text() is not { } type)
            {
                problems.Error(ProblemCodes.InvalidTemplate, $"The resource '{id}' must be a mapping with a Type.", template.At(resourceNode));
                declared++;
                continue;
            }

            if (!ResourceTypes.IsTable(type))
            {
                continue;
            }

            declared++;
            if (resource.Field("Condition") is { } condition && (condition.Text() is not { } name || template.IsTrue(name, template.At(condition)) != true))
            {
                if (condition.Text() is null)
                {
                    problems.Error(ProblemCodes.InvalidTemplate, $"The Condition of '{id}' must be the name of a condition.", template.At(condition));
                }

                continue;
            }

            if (Read(template, id, idNode, resource, type, region) is { } table)
            {
                tables.Add(table);
            }
        }

        if (declared == 0)
        {
            problems.Error(ProblemCodes.NoTables, $"The template declares no DynamoDB table ({ResourceTypes.Table}, {ResourceTypes.SimpleTable} or {ResourceTypes.GlobalTable}); remove it from the DynamoTable items.", template.At(root.Key("Resources")!));
        }

        return tables;
    }

    private DeclaredTable? Read(Template template, string id, YamlNode idNode, YamlMappingNode resource, string type, string region)
    {
        var properties = resource.Field("Properties") ?? Nodes.Mapping(template.Origins, template.At(idNode), []);
        if (properties is not YamlMappingNode)
        {
            problems.Error(ProblemCodes.InvalidTemplate, $"The Properties of '{id}' must be a mapping.", template.At(properties));
            return null;
        }

        var shaped = type switch
        {
            ResourceTypes.SimpleTable => SimpleTableShape.ToTable(template, WithGlobals(template, (YamlMappingNode)properties), problems),
            _ => template.Resolve(properties, default),
        };
        if (shaped is not YamlMappingNode resolved || Template.HasFailed(shaped))
        {
            return null;
        }

        if (type == ResourceTypes.GlobalTable)
        {
            resolved = GlobalTableShape.ToTable(template, resolved, region, problems);
        }

        var before = problems.Errors.Count;
        var definition = new YamlBinder(template.File, variables: null, problems, template.Origins).BindTable(resolved);
        if (definition is null)
        {
            return null;
        }

        var namedByLogicalId = definition.TableName is null;
        definition.TableName = prefix + (definition.TableName ?? id);
        if (namedByLogicalId)
        {
            definition.SetFieldLocation(nameof(definition.TableName), template.At(idNode));
        }

        definition.Location = template.At(idNode);
        return new DeclaredTable(definition, id, DeployedByCloudFormation: !source.SyncOnPublish)
        {
            NamedByLogicalId = namedByLogicalId,
            HasReadProblems = problems.Errors.Count > before,
        };
    }

    // SAM's Globals: SimpleTable gives each SimpleTable the properties it does not set itself.
    private static YamlMappingNode WithGlobals(Template template, YamlMappingNode properties)
    {
        if (template.Globals.Field("SimpleTable") is not YamlMappingNode globals)
        {
            return properties;
        }

        var merged = template.Origins.Made(new YamlMappingNode(properties.Children), template.At(properties));
        foreach (var (key, value) in globals.Children.Where(g => !properties.Children.ContainsKey(g.Key)))
        {
            merged.Add(key, value);
        }

        return merged;
    }
}
