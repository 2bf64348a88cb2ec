using InferenceGrpc.Api.Tests.Infrastructure;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Api.Tests.Weave;

/// <summary>The host (over SQLite unless a subclass chooses another store), seeded with <see cref="WeaveDataSet"/> over gRPC (its project has a '/', which the REST write path cannot carry).</summary>
public class WeaveServer : ApiServer
{
    protected override async Task SeedAsync()
    {
        var written = await Grpc.CallAsync<WriteRecordsResponse>("inference.v1.IngestionService", "WriteRecords", WeaveDataSet.WriteRequest());
        if (written.Single().Ids.Count != WeaveDataSet.Records().Count())
        {
            throw new InvalidOperationException("Seeding the Weave data set failed.");
        }
    }
}
