using InferenceGrpc.Storage.Query;
using static InferenceGrpc.Storage.Tests.TestRecords;

namespace InferenceGrpc.Storage.Tests;

/// <summary>The work a store reports behind a query, next to the rows it returns.</summary>
public abstract partial class StoreContractTests
{
    /// <summary>The instrument on which the store reports the work behind its reads.</summary>
    protected abstract string ScanWorkInstrument { get; }

    [Fact]
    public async Task Query_SearchThatScansEveryRow_ReportsWorkFarAboveTheRowsItReturns()
    {
        const int Rows = 300;
        await WriteAsync(Enumerable.Range(1, Rows).Select(s => Inference(s).AsRecord()).ToArray());
        using var work = new MeasurementRecorder(ScanWorkInstrument, "query_inferences");

        var page = await new MeasuredInferenceStore(Store).QueryInferencesAsync(_tenant, new InferenceQuery { Search = "answer number 150" }, default);

        Assert.Equal([IdAt(150)], Ids(page.Items.Select(r => r.Inference)));
        // No index serves a substring search: every row of the tenant is looked at.
        Assert.True(work.Total >= Rows, $"{ScanWorkInstrument} reported {work.Total} for a search over {Rows} rows.");
    }
}
