using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.SampleData;

/// <summary>
/// A function of the sample application: its output type, system prompt, variants and typical
/// sizes. The token medians and latency budget are per function because a haiku and a code
/// review differ by an order of magnitude.
/// </summary>
internal sealed class FunctionSpec
{
    private readonly WeightedPicker _variantPicker;

    public FunctionSpec(FunctionKind kind, string name, FunctionType type, string systemPrompt, IReadOnlyList<VariantSpec> variants)
    {
        Kind = kind;
        Name = name;
        Type = type;
        SystemPrompt = systemPrompt;
        Variants = variants;
        _variantPicker = new WeightedPicker(variants.Select(v => v.Weight).ToArray());
    }

    public FunctionKind Kind { get; }

    public string Name { get; }

    public FunctionType Type { get; }

    public string SystemPrompt { get; }

    public IReadOnlyList<VariantSpec> Variants { get; }

    public int InputTokensMedian { get; init; } = 400;

    public int OutputTokensMedian { get; init; } = 150;

    /// <summary>The latency under which the automated "latency_ok" check passes.</summary>
    public double LatencyBudgetMs { get; init; } = 5_000;

    /// <summary>The tool the function may call, if any.</summary>
    public string? ToolName { get; init; }

    /// <summary>The share of calls that carry retrieved context (RAG).</summary>
    public double RetrievalShare { get; init; }

    public VariantSpec PickVariant(Random random) => Variants[_variantPicker.Pick(random)];
}
