using Dynatus.Engine.Definitions;
using Dynatus.Engine.Tests.Planning;

namespace Dynatus.Engine.Tests.Definitions;

/// <summary>A resource-based policy written as YAML or as a JSON string, checked before anything is sent.</summary>
[TestClass]
public sealed class ResourcePolicyDefinitionTests
{
    [TestMethod]
    public void YAML_and_a_JSON_string_give_the_same_policy_and_variables_are_expanded_in_both()
    {
        var yaml = Tables.Users + "ResourcePolicy:\n  PolicyDocument:\n    Version: \"2012-10-17\"\n    Statement:\n      - Effect: Allow\n        Principal: { AWS: \"arn:aws:iam::${Account}:root\" }\n        Action: dynamodb:GetItem\n        Resource: \"*\"\n";
        var json = Tables.Users + "ResourcePolicy:\n  PolicyDocument: '{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::${Account}:root\"}, \"Action\": \"dynamodb:GetItem\", \"Resource\": \"*\"}]}'\n";
        var variables = new Dictionary<string, string> { ["Account"] = "111122223333" };

        var fromYaml = Yaml.Load(yaml, variables).Tables.Single().ResourcePolicy!.PolicyDocument;
        Assert.AreEqual(fromYaml, Yaml.Load(json, variables).Tables.Single().ResourcePolicy!.PolicyDocument);
        StringAssert.Contains(fromYaml, "arn:aws:iam::111122223333:root");
    }

    [TestMethod]
    public void A_policy_over_20_KB_or_without_statements_is_a_coded_problem_at_its_document()
    {
        var large = Tables.Users + $"ResourcePolicy:\n  PolicyDocument:\n    Statement:\n      - Sid: {new string('x', 21 * 1024)}\n";
        var problem = Yaml.Load(large).Problems.Single();
        Assert.AreEqual((ProblemCodes.OutOfRange, 26), (problem.Code, problem.Location.Line), "the PolicyDocument line");
        StringAssert.Contains(problem.Message, "at most 20480");

        Assert.AreEqual(ProblemCodes.InvalidValue, Yaml.Load(Tables.Users + "ResourcePolicy:\n  PolicyDocument: { Version: \"2012-10-17\" }\n").Problems.Single().Code);
    }

    [TestMethod]
    public void In_a_template_the_policy_is_left_to_CloudFormation_with_a_warning()
    {
        var template = "Resources:\n  Users:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      TableName: users\n      KeySchema: [{ AttributeName: id, KeyType: HASH }]\n      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]\n      BillingMode: PAY_PER_REQUEST\n      ResourcePolicy:\n        PolicyDocument: { Statement: [{ Effect: Allow, Resource: !GetAtt Users.Arn }] }\n";
        var result = Yaml.Load(template);

        Assert.IsNull(result.Tables.Single().ResourcePolicy);
        Assert.AreEqual((ProblemCodes.NotSynced, 9), (result.Warnings.Single().Code, result.Warnings.Single().Location.Line));
    }

    [TestMethod]
    public void A_streams_policy_is_synced_from_a_definition_needs_the_stream_on_and_is_left_to_CloudFormation_in_a_template()
    {
        var stream = "StreamSpecification:\n  StreamEnabled: true\n  StreamViewType: KEYS_ONLY\n  ResourcePolicy:\n    PolicyDocument: { Statement: [{ Effect: Allow, Principal: '*', Action: 'dynamodb:GetRecords', Resource: '*' }] }\n";
        const string Plain = "TableName: users\nKeySchema: [{ AttributeName: id, KeyType: HASH }]\nAttributeDefinitions: [{ AttributeName: id, AttributeType: S }]\nBillingMode: PAY_PER_REQUEST\n";
        var loaded = Yaml.Load(Plain + stream);
        Assert.IsEmpty(loaded.Warnings, string.Join("\n", loaded.Warnings));
        StringAssert.Contains(loaded.Tables.Single().StreamSpecification!.ResourcePolicy!.PolicyDocument, "dynamodb:GetRecords");

        var off = Yaml.Load(Plain + stream.Replace("StreamEnabled: true\n  StreamViewType: KEYS_ONLY", "StreamEnabled: false", StringComparison.Ordinal));
        Assert.AreEqual(ProblemCodes.InvalidStream, off.Problems.Single().Code);

        var template = "Resources:\n  Users:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      TableName: users\n      KeySchema: [{ AttributeName: id, KeyType: HASH }]\n      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]\n      BillingMode: PAY_PER_REQUEST\n      StreamSpecification:\n        StreamViewType: KEYS_ONLY\n        ResourcePolicy:\n          PolicyDocument: { Statement: [{ Effect: Allow, Resource: !GetAtt Users.StreamArn }] }\n";
        var result = Yaml.Load(template);
        Assert.IsNull(result.Tables.Single().StreamSpecification!.ResourcePolicy);
        Assert.AreEqual((ProblemCodes.NotSynced, 11), (result.Warnings.Single().Code, result.Warnings.Single().Location.Line));
    }
}
