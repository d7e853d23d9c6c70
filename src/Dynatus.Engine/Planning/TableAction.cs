namespace Dynatus.Engine.Planning;

/// <summary>What a sync does to one table, in the words of the Clojure dynatus library.</summary>
public enum TableAction
{
    /// <summary>The table does not exist: create it.</summary>
    Create,

    /// <summary>The table matches its definition: nothing to do.</summary>
    Noop,

    /// <summary>The table differs in what DynamoDB can change in place: update it, keeping its items.</summary>
    Update,

    /// <summary>The table differs in what DynamoDB cannot change: delete it with all its items and create it again.</summary>
    Recreate,
}
