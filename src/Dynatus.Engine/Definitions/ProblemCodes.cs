namespace Dynatus.Engine.Definitions;

/// <summary>The stable codes of definition problems. Codes are never reused for another meaning.</summary>
public static class ProblemCodes
{
    /// <summary>The file is not valid YAML (syntax, tabs in indentation, duplicate keys).</summary>
    public const string YamlSyntax = "DYN100";
    /// <summary>A field that the CreateTable request does not have; the message suggests the close match.</summary>
    public const string UnknownField = "DYN101";
    /// <summary>A value of the wrong type: a list where a string belongs, <c>yes</c> for a boolean.</summary>
    public const string WrongType = "DYN102";
    /// <summary>A <c>${Name}</c> with no variable of that name.</summary>
    public const string UndefinedVariable = "DYN103";
    /// <summary>The same table name in two definitions.</summary>
    public const string DuplicateTable = "DYN104";
    /// <summary>A required field is missing.</summary>
    public const string MissingField = "DYN105";
    /// <summary>A table or index name that DynamoDB refuses: 3-255 characters of <c>[a-zA-Z0-9_.-]</c>.</summary>
    public const string InvalidName = "DYN106";
    /// <summary>A key schema that is not one HASH key optionally followed by one RANGE key.</summary>
    public const string InvalidKeySchema = "DYN107";
    /// <summary>A key attribute with no attribute definition.</summary>
    public const string UndefinedKeyAttribute = "DYN108";
    /// <summary>An attribute definition that no table or index key uses.</summary>
    public const string UnusedAttribute = "DYN109";
    /// <summary>A value outside the set DynamoDB accepts (attribute type, billing mode, projection type, ...).</summary>
    public const string InvalidValue = "DYN110";
    /// <summary>More indexes than DynamoDB allows: 20 global, 5 local.</summary>
    public const string TooManyIndexes = "DYN111";
    /// <summary>A local secondary index that does not share the table's HASH key, or a table with no RANGE key.</summary>
    public const string InvalidLocalIndex = "DYN112";
    /// <summary>Throughput that does not fit the billing mode.</summary>
    public const string ThroughputMismatch = "DYN113";
    /// <summary>A projection DynamoDB refuses (NonKeyAttributes outside INCLUDE, more than 100 of them).</summary>
    public const string InvalidProjection = "DYN114";
    /// <summary>A stream specification DynamoDB refuses.</summary>
    public const string InvalidStream = "DYN115";
    /// <summary>A number outside its range (throughput below 1, RecoveryPeriodInDays outside 1-35, ...).</summary>
    public const string OutOfRange = "DYN116";
    /// <summary>The file cannot be read, is not UTF-8, or is larger than 1 MiB.</summary>
    public const string UnreadableFile = "DYN117";
    /// <summary>The same name twice where names must be unique: attribute definitions, indexes, tag keys.</summary>
    public const string DuplicateName = "DYN118";
    /// <summary>The file holds no table definition.</summary>
    public const string EmptyFile = "DYN119";
    /// <summary>YAML nested deeper than any table definition needs.</summary>
    public const string TooDeep = "DYN120";
    /// <summary>Warning: a CloudFormation property Dynatus does not sync (Kinesis streaming, contributor insights, resource policies, ...).</summary>
    public const string NotSynced = "DYN121";
    /// <summary>Warning: a template's KMS key is known only at deploy; the local mirror uses the AWS managed key.</summary>
    public const string KmsKeyUnknown = "DYN122";
    /// <summary>Both spellings of one setting in one block (<c>Enabled</c> and CloudFormation's <c>SSEEnabled</c>).</summary>
    public const string MixedSpellings = "DYN123";
    /// <summary>A template uses an intrinsic function Dynatus does not know.</summary>
    public const string UnknownFunction = "DYN140";
    /// <summary>A table property needs a value known only at deploy (<c>Fn::GetAtt</c>, <c>Fn::ImportValue</c>, a resource's <c>Ref</c>, ...).</summary>
    public const string KnownOnlyAtDeploy = "DYN141";
    /// <summary>A <c>Ref</c>, <c>Condition</c> or <c>Fn::FindInMap</c> names something the template does not declare.</summary>
    public const string UnresolvedName = "DYN142";
    /// <summary>A parameter a table uses has no value: none given, and no <c>Default</c>.</summary>
    public const string ParameterWithoutValue = "DYN143";
    /// <summary>Conditions that depend on each other in a cycle.</summary>
    public const string ConditionCycle = "DYN144";
    /// <summary>An intrinsic function with arguments it does not take (wrong count or type, an index out of range).</summary>
    public const string InvalidFunctionArguments = "DYN145";
    /// <summary>A template with no DynamoDB table resource.</summary>
    public const string NoTables = "DYN146";
    /// <summary>A template whose structure CloudFormation refuses (<c>Resources</c> not a mapping, a resource without <c>Type</c>, ...).</summary>
    public const string InvalidTemplate = "DYN147";
    /// <summary>A CloudFormation function (<c>!Ref</c>, <c>!Sub</c>, ...) in a Dynatus table file; functions are read only in templates.</summary>
    public const string FunctionOutsideTemplate = "DYN148";
    /// <summary>A seed file that cannot be read or is not valid JSON.</summary>
    public const string SeedSyntax = "DYN130";
    /// <summary>A seed file whose items are not JSON objects (an array of them, or one a line).</summary>
    public const string SeedNotItems = "DYN131";
    /// <summary>A DynamoDB JSON value DynamoDB refuses: an unknown type, a malformed number or base64, an empty or repeated set.</summary>
    public const string SeedInvalidValue = "DYN132";
    /// <summary>A seed item without one of its table's key attributes.</summary>
    public const string SeedMissingKey = "DYN133";
    /// <summary>A table or index key attribute of the wrong type, or empty.</summary>
    public const string SeedWrongKeyType = "DYN134";
    /// <summary>A seed item over DynamoDB's 400 KB item size limit.</summary>
    public const string SeedItemTooLarge = "DYN135";
    /// <summary>A seed file for a table no definition declares.</summary>
    public const string SeedUnknownTable = "DYN136";
    /// <summary>Two seed items with the same key in one table.</summary>
    public const string SeedDuplicateKey = "DYN137";
}
