namespace InferenceGrpc.SampleData;

/// <summary>
/// A served model: its name as the gateway reports it, its speed, its list prices per token
/// (USD) and a quality figure in [0, 1] that drives feedback and evaluation scores.
/// </summary>
internal sealed record ModelSpec(
    string Name,
    string Provider,
    double TtftMedianMs,
    double MsPerOutputToken,
    double CostPerInputToken,
    double CostPerOutputToken,
    double? CostPerCacheReadInputToken,
    double Quality);
