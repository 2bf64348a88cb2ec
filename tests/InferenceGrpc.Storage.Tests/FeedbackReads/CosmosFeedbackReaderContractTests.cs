using InferenceGrpc.Storage.Cosmos;

namespace InferenceGrpc.Storage.Tests.FeedbackReads;

/// <summary>The feedback-reader contract on Cosmos DB, against the test server.</summary>
public sealed class CosmosFeedbackReaderContractTests(CosmosServerFixture fixture) : FeedbackReaderContractTests, IClassFixture<CosmosServerFixture>
{
    protected override IInferenceStore Store => fixture.Store;

    protected override IFeedbackReader Reader { get; } = new CosmosFeedbackReader(fixture.Store);
}
