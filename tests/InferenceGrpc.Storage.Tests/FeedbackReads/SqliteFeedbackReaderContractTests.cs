using InferenceGrpc.Storage.Sqlite;

namespace InferenceGrpc.Storage.Tests.FeedbackReads;

/// <summary>The feedback-reader contract on the embedded SQLite store.</summary>
public sealed class SqliteFeedbackReaderContractTests(SqliteStoreFixture fixture) : FeedbackReaderContractTests, IClassFixture<SqliteStoreFixture>
{
    protected override IInferenceStore Store => fixture.Store;

    protected override IFeedbackReader Reader { get; } = new SqliteFeedbackReader(fixture.Store);
}
