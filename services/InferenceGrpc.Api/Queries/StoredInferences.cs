using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage;
using OutputSource = InferenceGrpc.Storage.Query.OutputSource;

namespace InferenceGrpc.Api.Queries;

/// <summary>Shapes a store result as the API returns it, choosing the output by the output source (api-compat-spec 1.6).</summary>
internal static class StoredInferences
{
    public static StoredInference From(InferenceResult result, OutputSource source)
    {
        var stored = new StoredInference { Inference = result.Inference };
        switch (source)
        {
            case OutputSource.Inference:
                stored.Output = result.Inference.Output;
                break;
            case OutputSource.Demonstration:
                stored.Output = result.Demonstration;
                if (result.Inference.Output is not null)
                {
                    stored.DispreferredOutputs.Add(result.Inference.Output);
                }

                break;
        }

        return stored;
    }
}
