using Dynatus.Engine.Definitions;
using Dynatus.Engine.Model;

namespace Dynatus.Engine.Tests.Templates;

/// <summary>Each intrinsic function gives the same value written short (<c>!Sub x</c>) as long (<c>Fn::Sub: x</c>).</summary>
[TestClass]
public sealed class FunctionFormTests
{
    private const string Head = """
        Parameters:
          Stage: { Type: String, Default: dev }
        Mappings:
          Sizes: { dev: { Label: small } }
        Conditions:
          IsDev: {{IsDev}}
        Resources:
          Table:
            Type: AWS::DynamoDB::Table
            Properties:
              TableName: functions
              KeySchema: [{ AttributeName: id, KeyType: HASH }]
              AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
              BillingMode: PAY_PER_REQUEST
              Tags:

        """;

    private static readonly (string Key, string Short, string Long, string Value)[] Tags =
    [
        ("ref", "!Ref Stage", "{ Ref: Stage }", "dev"),
        ("sub", "!Sub \"${Stage}-x\"", "{ \"Fn::Sub\": \"${Stage}-x\" }", "dev-x"),
        ("join", "!Join [\"+\", [a, !Ref Stage]]", "{ \"Fn::Join\": [\"+\", [a, { Ref: Stage }]] }", "a+dev"),
        ("select", "!Select [1, !Split [\",\", \"a,b\"]]", "{ \"Fn::Select\": [1, { \"Fn::Split\": [\",\", \"a,b\"] }] }", "b"),
        ("map", "!FindInMap [Sizes, !Ref Stage, Label]", "{ \"Fn::FindInMap\": [Sizes, { Ref: Stage }, Label] }", "small"),
        ("if", "!If [IsDev, yes, no]", "{ \"Fn::If\": [IsDev, yes, no] }", "yes"),
        ("base64", "!Base64 abc", "{ \"Fn::Base64\": abc }", "YWJj"),
        ("base64-sub", "!Base64 { \"Fn::Sub\": \"${Stage}\" }", "{ \"Fn::Base64\": { \"Fn::Sub\": \"${Stage}\" } }", "ZGV2"),
    ];

    [TestMethod]
    public void Every_function_resolves_to_the_same_value_in_its_short_and_its_long_form()
    {
        var expected = Tags.Select(t => new TableTag(t.Key, t.Value)).ToList();
        CollectionAssert.AreEqual(expected, TagsOf(Template(t => t.Short, "!Equals [!Ref Stage, dev]")), "short forms");
        CollectionAssert.AreEqual(expected, TagsOf(Template(t => t.Long, "{ \"Fn::Equals\": [{ Ref: Stage }, dev] }")), "long forms");
    }

    private static string Template(Func<(string Key, string Short, string Long, string Value), string> form, string isDev) =>
        Head.Replace("{{IsDev}}", isDev, StringComparison.Ordinal) + string.Concat(Tags.Select(t => $"          - {{ Key: {t.Key}, Value: {form(t)} }}\n"));

    private static List<TableTag> TagsOf(string template)
    {
        var loaded = TableDefinitionLoader.LoadSources([new DefinitionSource(Yaml.WriteFile(template, "template.yaml"))]);
        Assert.IsTrue(loaded.IsValid, string.Join("\n", loaded.Problems));
        return [.. loaded.Tables.Single().Tags!];
    }
}
