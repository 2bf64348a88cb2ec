using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.SampleData;

/// <summary>Cuts a lazy record stream into batches, pulling only one batch ahead.</summary>
internal static class RecordBatcher
{
    public static IEnumerable<IReadOnlyList<Record>> Batch(IEnumerable<Record> records, int size)
    {
        var batch = new List<Record>(size);
        foreach (var record in records)
        {
            batch.Add(record);
            if (batch.Count == size)
            {
                yield return batch;
                batch = new List<Record>(size);
            }
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }
}
