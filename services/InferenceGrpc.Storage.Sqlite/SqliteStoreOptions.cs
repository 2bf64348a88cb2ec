namespace InferenceGrpc.Storage.Sqlite;

/// <summary>The "Storage:Sqlite" configuration section.</summary>
public sealed class SqliteStoreOptions
{
    public const string Section = "Storage:Sqlite";

    /// <summary>The directory holding the database file. Defaults to "data" under the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The database file name. Defaults to "inferences.db".</summary>
    public string FileName { get; set; } = "inferences.db";

    public string DatabasePath => Path.GetFullPath(Path.Combine(DataDirectory, FileName));
}
