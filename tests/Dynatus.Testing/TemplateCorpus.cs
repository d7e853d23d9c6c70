namespace Dynatus.Testing;

/// <summary>tests/Templates: real templates (see its README), each with the item metadata a project lists it with.</summary>
public static class TemplateCorpus
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot.Path, "tests", "Templates");

    /// <summary>Every template: its path below <see cref="Folder"/>, its TablePrefix and Parameters metadata.</summary>
    public static IReadOnlyList<(string File, string? TablePrefix, string? Parameters)> Items { get; } =
    [
        ("cloudformation-templates/DynamoDB_Table.yaml", null, "HashKeyElementName=Id"),
        ("cloudformation-templates/DynamoDB_Secondary_Indexes.json", null, null),
        ("sam/simple_table_with_table_name.yaml", null, null),
        ("sam/globals_for_simpletable.yaml", null, null),
        ("sam/simple_table_ref_parameter_intrinsic.yaml", null, null),
        ("cdk/aws-cdk-dynamodb-sse.template.json", "sse-", null),
        ("cdk/aws-cdk-dynamodb-ondemand.template.json", "ondemand-", null),
        ("cdk/aws-cdk-global-table-ondemand.template.json", null, null),
        ("cdk/aws-cdk-global-table-provisioned.template.json", null, null),
        ("dynatus/stages.yaml", null, "Stage=prod"),
    ];
}
