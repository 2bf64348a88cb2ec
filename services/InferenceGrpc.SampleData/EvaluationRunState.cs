namespace InferenceGrpc.SampleData;

/// <summary>A run in progress: its id, the model it evaluates and the trials still to come.</summary>
internal sealed class EvaluationRunState(string id, ModelSpec model, IReadOnlyList<(int Row, long TimeMs)> trials)
{
    public string Id { get; } = id;

    public ModelSpec Model { get; } = model;

    public IReadOnlyList<(int Row, long TimeMs)> Trials { get; } = trials;

    public int Next { get; set; }
}
