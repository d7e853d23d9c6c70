namespace Dynatus.Engine.Applying;

/// <summary>The backup before a recreate could not be made: the table was left as it was.</summary>
internal sealed class BackupFailedException(string table, Exception inner)
    : Exception($"Table {table}: the backup before its recreate could not be made ({inner.Message}); the table was not recreated and keeps its items.", inner);
