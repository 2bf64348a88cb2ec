using InferenceGrpc.Storage.Evaluations;
using InferenceGrpc.Storage.Sqlite;

namespace InferenceGrpc.Storage.Tests.Evaluations;

/// <summary>The evaluation-store contract on the embedded SQLite store.</summary>
public sealed class SqliteEvaluationStoreContractTests(SqliteStoreFixture fixture) : EvaluationStoreContractTests, IClassFixture<SqliteStoreFixture>
{
    protected override IInferenceStore Store => fixture.Store;

    protected override IEvaluationStore Evaluations { get; } = new SqliteEvaluationStore(fixture.Store);
}
