using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Dynatus.Engine.Definitions;

// A free-form JSON value (a policy document), written as YAML or as a JSON string, as CloudFormation's Json type is.
internal sealed partial class YamlBinder
{
    private JsonNode? BindJson(YamlNode node, string what)
    {
        if (IsFunction(node))
        {
            return null;
        }

        if (node is YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded, Value: { } written })
        {
            var text = variables is null ? written : Variables.Expand(written, variables, At(node), problems);
            if (text is null)
            {
                return null;
            }

            try
            {
                return JsonNode.Parse(text) ?? throw new JsonException("null");
            }
            catch (JsonException e)
            {
                problems.Error(ProblemCodes.WrongType, $"{what} must be a JSON document, written as YAML or as a JSON string, but this string is not JSON: {e.Message}", At(node));
                return null;
            }
        }

        return ToJson(node);
    }

    // Plain scalars read as YAML reads them (true, false, whole numbers); everything else is a string, variables expanded.
    private JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(Fields(mapping).Select(f => KeyValuePair.Create((f.Key as YamlScalarNode)?.Value ?? string.Empty, ToJson(f.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } flag => JsonValue.Create(flag.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: { } number } when long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => JsonValue.Create(whole),
        YamlScalarNode scalar when IsNull(scalar) => null,
        YamlScalarNode { Value: { } text } scalar => JsonValue.Create(variables is null ? text : Variables.Expand(text, variables, At(scalar), problems) ?? text),
        _ => null,
    };
}
