namespace InferenceGrpc.SampleData;

/// <summary>A gateway virtual model: one name that routes each request to one of its targets.</summary>
internal sealed class VirtualModelSpec(string name, IReadOnlyList<ModelSpec> targets, IReadOnlyList<double> weights)
{
    private readonly WeightedPicker _picker = new(weights);

    public string Name { get; } = name;

    public ModelSpec Route(Random random) => targets[_picker.Pick(random)];
}
