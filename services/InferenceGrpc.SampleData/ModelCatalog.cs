namespace InferenceGrpc.SampleData;

/// <summary>
/// The models and virtual models traffic is served by. Prices are the providers' public list
/// prices per token; latencies are typical medians, so per-model aggregates look plausible.
/// </summary>
internal static class ModelCatalog
{
    public static readonly ModelSpec Gpt4o = new("openai/gpt-4o", "openai", 450, 14, 2.5e-6, 10e-6, 1.25e-6, 0.78);
    public static readonly ModelSpec Gpt4oMini = new("openai/gpt-4o-mini", "openai", 320, 9, 0.15e-6, 0.6e-6, 0.075e-6, 0.66);
    public static readonly ModelSpec ClaudeSonnet4 = new("anthropic/claude-sonnet-4", "anthropic", 650, 16, 3e-6, 15e-6, 0.3e-6, 0.82);
    public static readonly ModelSpec Gemini25Flash = new("google/gemini-2.5-flash", "google", 280, 5, 0.3e-6, 2.5e-6, 0.075e-6, 0.70);
    public static readonly ModelSpec MistralLarge = new("mistral/mistral-large", "mistral", 520, 18, 2e-6, 6e-6, null, 0.68);
    public static readonly ModelSpec TextEmbedding3Small = new("openai/text-embedding-3-small", "openai", 0, 0, 0.02e-6, 0, null, 0.9);

    /// <summary>Chat models, in the order evaluation runs cycle through them.</summary>
    public static readonly IReadOnlyList<ModelSpec> ChatModels = [Gpt4o, ClaudeSonnet4, Gpt4oMini, Gemini25Flash, MistralLarge];

    public static readonly VirtualModelSpec ProdChatRouter = new("prod-chat-router", [ClaudeSonnet4, Gpt4o], [0.55, 0.45]);
    public static readonly VirtualModelSpec CheapAndFast = new("cheap-and-fast", [Gpt4oMini, Gemini25Flash], [0.6, 0.4]);
}
