using InferenceGrpc.Contracts.V1;
using static InferenceGrpc.SampleData.ModelCatalog;

namespace InferenceGrpc.SampleData;

/// <summary>
/// The functions of the sample application and their variants. The chat and json functions
/// are listed most popular first and picked with a Zipf weighting; embeddings are a rare
/// request type of their own.
/// </summary>
internal static class FunctionCatalog
{
    public static readonly IReadOnlyList<FunctionSpec> All =
    [
        new(FunctionKind.AnswerQuestion, "answer_question", FunctionType.Chat, "You are the support assistant of Acme Cloud. Answer from the provided documents only and cite them.",
        [
            new("gpt4o_rag_v3", Gpt4o, null, 0.2, 800, 0.02, 0.5),
            new("claude_rag_v1", ClaudeSonnet4, null, 0.3, 800, 0.0, 0.3),
            new("router_rag", null, ProdChatRouter, 0.2, 800, -0.03, 0.2),
        ]) { InputTokensMedian = 700, OutputTokensMedian = 180, LatencyBudgetMs = 6_000, ToolName = "search_docs", RetrievalShare = 0.7 },
        new(FunctionKind.Summarize, "summarize", FunctionType.Chat, "Summarize the user's text in at most three sentences. Keep names and numbers exact.",
        [
            new("mini_v2", Gpt4oMini, null, 0.3, 400, 0.03, 0.55),
            new("gemini_flash", Gemini25Flash, null, 0.4, 400, 0.0, 0.3),
            new("mistral_large", MistralLarge, null, 0.3, 400, -0.02, 0.15),
        ]) { InputTokensMedian = 1_800, OutputTokensMedian = 220, LatencyBudgetMs = 5_000, RetrievalShare = 0.2 },
        new(FunctionKind.ClassifyTicket, "classify_ticket", FunctionType.Json, "Classify the support ticket. Reply with JSON matching the schema: category, priority, confidence.",
        [
            new("mini_json_v1", Gpt4oMini, null, 0.0, 100, 0.05, 0.6),
            new("gemini_json", Gemini25Flash, null, 0.0, 100, 0.0, 0.4),
        ]) { InputTokensMedian = 350, OutputTokensMedian = 40, LatencyBudgetMs = 1_500 },
        new(FunctionKind.DraftEmail, "draft_email", FunctionType.Chat, "You write short, polite business emails. Sign as the user. Never invent commitments.",
        [
            new("claude_formal", ClaudeSonnet4, null, 0.7, 600, 0.02, 0.5),
            new("gpt4o_friendly", Gpt4o, null, 0.9, 600, 0.0, 0.35),
            new("router_default", null, ProdChatRouter, 0.7, 600, -0.02, 0.15),
        ]) { InputTokensMedian = 500, OutputTokensMedian = 260, LatencyBudgetMs = 8_000, ToolName = "lookup_contact" },
        new(FunctionKind.ExtractEntities, "extract_entities", FunctionType.Json, "Extract people, organizations and locations from the text as JSON.",
        [
            new("gpt4o_json_v2", Gpt4o, null, 0.0, 300, 0.03, 0.5),
            new("mini_json", Gpt4oMini, null, 0.0, 300, 0.0, 0.3),
            new("cheap_router", null, CheapAndFast, 0.0, 300, -0.04, 0.2),
        ]) { InputTokensMedian = 600, OutputTokensMedian = 120, LatencyBudgetMs = 3_000 },
        new(FunctionKind.Translate, "translate", FunctionType.Chat, "Translate the user's text faithfully. Keep formatting and proper nouns.",
        [
            new("gemini_translate", Gemini25Flash, null, 0.2, 500, 0.02, 0.5),
            new("mistral_translate", MistralLarge, null, 0.2, 500, 0.01, 0.3),
            new("gpt4o_translate", Gpt4o, null, 0.2, 500, 0.0, 0.2),
        ]) { InputTokensMedian = 300, OutputTokensMedian = 150, LatencyBudgetMs = 4_000 },
        new(FunctionKind.CodeReview, "code_review", FunctionType.Chat, "You are a senior engineer. Review the code for bugs, security and readability. Be concise.",
        [
            new("claude_reviewer", ClaudeSonnet4, null, 0.2, 1_200, 0.03, 0.6),
            new("gpt4o_reviewer", Gpt4o, null, 0.2, 1_200, 0.0, 0.25),
            new("mini_reviewer", Gpt4oMini, null, 0.2, 1_200, -0.03, 0.15),
        ]) { InputTokensMedian = 1_400, OutputTokensMedian = 450, LatencyBudgetMs = 15_000 },
        new(FunctionKind.WriteHaiku, "write_haiku", FunctionType.Chat, "You are a poet. Answer with one haiku: three lines, five-seven-five syllables.",
        [
            new("mini_haiku", Gpt4oMini, null, 1.0, 60, 0.0, 0.5),
            new("claude_haiku", ClaudeSonnet4, null, 1.0, 60, 0.04, 0.3),
            new("cheap_router", null, CheapAndFast, 1.0, 60, -0.02, 0.2),
        ]) { InputTokensMedian = 60, OutputTokensMedian = 30, LatencyBudgetMs = 1_200 },
        new(FunctionKind.EmbedDocument, "embed_document", FunctionType.Unspecified, "Embed the document for semantic search.",
        [
            new("text_embedding_3_small", TextEmbedding3Small, null, 0.0, 0, 0.0, 1.0),
        ]) { InputTokensMedian = 500, OutputTokensMedian = 0, LatencyBudgetMs = 500 },
    ];

    /// <summary>The share of requests that are embeddings rather than chat or json calls.</summary>
    public const double EmbeddingShare = 0.02;

    private static readonly WeightedPicker GenerativePicker = WeightedPicker.Zipf(All.Count - 1, 0.9);

    public static FunctionSpec Embedding => All[^1];

    /// <summary>A chat or json function, by Zipf popularity.</summary>
    public static int PickGenerativeIndex(Random random) => GenerativePicker.Pick(random);

    /// <summary>The position in <see cref="All"/>, which lists the functions in enum order.</summary>
    public static int IndexOf(FunctionSpec function) => (int)function.Kind;
}
