using InferenceGrpc.Contracts.V1;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.Storage.Tests.Evaluations;

/// <summary>Evaluation records wrapped for writing.</summary>
internal static class EvaluationRecords
{
    public static Record AsRecord(this EvaluationRun run) => new() { EvaluationRun = run };

    public static Record AsRecord(this EvaluationTrial trial) => new() { EvaluationTrial = trial };
}
