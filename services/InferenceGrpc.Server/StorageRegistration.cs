using InferenceGrpc.Storage;
using InferenceGrpc.Storage.Cosmos;
using InferenceGrpc.Storage.Evaluations;
using InferenceGrpc.Storage.Keys;
using InferenceGrpc.Storage.Metrics;
using InferenceGrpc.Storage.Sqlite;

namespace InferenceGrpc.Server;

/// <summary>
/// Chooses the store from configuration, with no code change: Cosmos DB when
/// <c>Storage:Cosmos:Endpoint</c> and <c>Storage:Cosmos:Key</c> are set (also as the environment
/// variables <c>Storage__Cosmos__Endpoint</c> and <c>Storage__Cosmos__Key</c>), otherwise the
/// embedded SQLite file.
/// </summary>
internal static class StorageRegistration
{
    public static IServiceCollection AddInferenceStore(this IServiceCollection services, IConfiguration configuration)
    {
        var cosmos = configuration.GetSection(CosmosStoreOptions.Section).Get<CosmosStoreOptions>() ?? new CosmosStoreOptions();
        if (cosmos.IsConfigured)
        {
            services.AddSingleton(cosmos);
            services.AddSingleton<CosmosInferenceStore>();
            services.AddSingleton<IInferenceStore>(sp => new CachingInferenceStore(new MeasuredInferenceStore(sp.GetRequiredService<CosmosInferenceStore>()), sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<IMetricsStore>(sp => new CosmosMetricsStore(sp.GetRequiredService<CosmosInferenceStore>()));
            services.AddSingleton<IApiKeyStore, CosmosApiKeyStore>();
            services.AddSingleton<IEvaluationStore, CosmosEvaluationStore>();
            services.AddSingleton<IFeedbackReader, CosmosFeedbackReader>();
            return services;
        }

        var sqlite = configuration.GetSection(SqliteStoreOptions.Section).Get<SqliteStoreOptions>() ?? new SqliteStoreOptions();
        services.AddSingleton(sqlite);
        services.AddSingleton<SqliteInferenceStore>();
        services.AddSingleton<IInferenceStore>(sp => new CachingInferenceStore(new MeasuredInferenceStore(sp.GetRequiredService<SqliteInferenceStore>()), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IMetricsStore>(sp => new SqliteMetricsStore(sp.GetRequiredService<SqliteInferenceStore>()));
        services.AddSingleton<IApiKeyStore, SqliteApiKeyStore>();
        services.AddSingleton<IEvaluationStore, SqliteEvaluationStore>();
        services.AddSingleton<IFeedbackReader, SqliteFeedbackReader>();
        return services;
    }

    /// <summary>Which store the configuration selects, for the start-up banner.</summary>
    public static string Describe(IServiceProvider services) => ((MeasuredInferenceStore)((CachingInferenceStore)services.GetRequiredService<IInferenceStore>()).Inner).Inner switch
    {
        SqliteInferenceStore sqlite => $"SQLite file {sqlite.DatabasePath}",
        CosmosInferenceStore => $"Cosmos DB at {services.GetRequiredService<CosmosStoreOptions>().Endpoint}",
        var other => other.GetType().Name,
    };
}
