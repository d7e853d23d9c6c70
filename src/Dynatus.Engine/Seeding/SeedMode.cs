namespace Dynatus.Engine.Seeding;

/// <summary>When a sync writes its seed items.</summary>
public enum SeedMode
{
    /// <summary>Never.</summary>
    None,

    /// <summary>Into the tables this sync created or recreated, so that edits to existing rows are never overwritten.</summary>
    OnCreate,

    /// <summary>Into every table, at every sync: each seed item is put again.</summary>
    Always,
}
