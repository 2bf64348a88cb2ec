using InferenceGrpc.Api.Tests.Infrastructure;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.Api.Tests.Galtea;

/// <summary>The host on Cosmos DB, seeded with <see cref="GalteaDataSet"/>.</summary>
public sealed class GalteaCosmosServer : ApiServer
{
    protected override bool OnCosmos => true;

    protected override IEnumerable<Record> SeedRecords() => GalteaDataSet.Records();
}
