namespace InferenceGrpc.Testing;

/// <summary>Locates the repository, so tests can run scripts and read protos from it.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Protos => Path.Combine(Root, "protos");

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "InferenceGrpc.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("InferenceGrpc.sln not found above " + AppContext.BaseDirectory);
    }
}
