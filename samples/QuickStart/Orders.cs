namespace QuickStart;

/// <summary>The application code that would use the tables.</summary>
public static class Orders
{
    public const string TableName = "dev-orders";
}
