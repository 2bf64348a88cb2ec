using InferenceGrpc.Storage.Cosmos;
using InferenceGrpc.Storage.Evaluations;

namespace InferenceGrpc.Storage.Tests.Evaluations;

/// <summary>The evaluation-store contract on Cosmos DB, against the test server.</summary>
public sealed class CosmosEvaluationStoreContractTests(CosmosServerFixture fixture) : EvaluationStoreContractTests, IClassFixture<CosmosServerFixture>
{
    protected override IInferenceStore Store => fixture.Store;

    protected override IEvaluationStore Evaluations => new CosmosEvaluationStore(fixture.Store);
}
