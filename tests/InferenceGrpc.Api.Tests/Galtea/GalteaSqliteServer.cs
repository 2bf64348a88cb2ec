using InferenceGrpc.Api.Tests.Infrastructure;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.Api.Tests.Galtea;

/// <summary>The host on a fresh SQLite store seeded with <see cref="GalteaDataSet"/> in the default project.</summary>
public sealed class GalteaSqliteServer : ApiServer
{
    protected override IEnumerable<Record> SeedRecords() => GalteaDataSet.Records();
}
