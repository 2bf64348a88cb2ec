using Google.Protobuf;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage.Metrics;
using InferenceGrpc.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using static InferenceGrpc.Storage.Tests.Metrics.MetricsRecords;

namespace InferenceGrpc.Storage.Tests.Metrics;

/// <summary>Schema version 5 fills the metrics view from the bodies of inferences stored before it.</summary>
public sealed class SqliteMetricsMigrationTests : IDisposable
{
    private const int MetricsViewVersion = 5;

    private readonly string _directory = Directory.CreateTempSubdirectory("inferencegrpc-migration-").FullName;

    [Fact]
    public async Task Migrate_DatabaseBeforeMetricsView_BackfillsMetricsAndTeamsFromBodies()
    {
        var options = new SqliteStoreOptions { DataDirectory = _directory };
        using (var connection = new SqliteConnection($"Data Source={options.DatabasePath}"))
        {
            connection.Open();
            SqliteSchema.Migrate(connection, MetricsViewVersion - 1);
            Insert(connection, "alpha", Call(1, "a", 10, 0.5, 7, "x", "y"));
            Insert(connection, "alpha", Call(2, "b", 30, null, null));
            Insert(connection, "beta", Call(3, "a", 50, 1, 1, "x"));
        }

        using var store = new SqliteInferenceStore(options);
        var metrics = new SqliteMetricsStore(store);
        var query = Hour(new MetricsAggregation(MetricsAggregate.Sum, MetricsField.LatencyMs)) with { GroupBy = [MetricsDimension.Team, MetricsDimension.ModelName] };

        var alpha = await metrics.QueryMetricsAsync(TenantId.Parse("alpha"), query, default);
        var beta = await metrics.QueryMetricsAsync(TenantId.Parse("beta"), query, default);

        Assert.Equal([new(null, [null, "b"], 1, [30]), new(null, ["x", "a"], 1, [10]), new(null, ["y", "a"], 1, [10])], alpha, RowComparer.Instance);
        Assert.Equal([new MetricsRow(null, ["x", "a"], 1, [50])], beta, RowComparer.Instance);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>A row as version 4 stored it: the metrics only inside the body.</summary>
    private static void Insert(SqliteConnection connection, string tenant, Inference inference)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO inferences (tenant, id, created_ms, function_name, variant_name, search_text, body)
            VALUES ($tenant, $id, $created, 'f', 'v', '', $body)
            """;
        command.Parameters.AddWithValue("$tenant", tenant);
        command.Parameters.AddWithValue("$id", Uuid7.ToBigEndianBytes(Guid.Parse(inference.Id)));
        command.Parameters.AddWithValue("$created", inference.CreateTime.ToDateTimeOffset().ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$body", inference.ToByteArray());
        command.ExecuteNonQuery();
    }
}
