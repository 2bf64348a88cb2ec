using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.SampleData;

/// <summary>
/// Fills in tokens, latencies and costs. Tokens are log-normal around per-function medians
/// (never fewer than the text needs); latency is time to first token plus a per-model time per
/// output token; cost is the model's list price times the tokens, with cached input tokens at
/// the cheaper cache price.
/// </summary>
internal static class UsageSimulator
{
    private const double CharactersPerToken = 4.0;
    private const int RetrievalTokensMedian = 900;
    private const double StreamingShare = 0.7;
    private const double CacheHitShare = 0.35;
    private const double TimeoutShareOfFailures = 0.2;
    private const double TimeoutMs = 30_000;

    public static void Apply(Inference inference, FunctionSpec function, VariantSpec variant, ModelSpec model, int characters, bool hasRetrieval, Random random)
    {
        var textTokens = (long)Math.Ceiling(characters / CharactersPerToken);
        var input = Math.Max(textTokens, (long)random.NextLogNormal(function.InputTokensMedian, 0.6));
        input += hasRetrieval ? (long)random.NextLogNormal(RetrievalTokensMedian, 0.4) : 0;
        inference.InputTokens = input;
        inference.CostPerInputToken = model.CostPerInputToken;
        inference.CostPerOutputToken = model.CostPerOutputToken;
        if (model.CostPerCacheReadInputToken is { } cachePrice)
        {
            inference.CostPerCacheReadInputToken = cachePrice;
        }

        if (function.Kind == FunctionKind.EmbedDocument)
        {
            ApplyEmbedding(inference, model, input, random);
            return;
        }

        switch (inference.Status)
        {
            case InferenceStatus.Success:
                ApplySuccess(inference, function, variant, model, input, random);
                break;
            case InferenceStatus.Failed:
                // Providers do not bill failed calls; the time to the error is still latency.
                inference.OutputTokens = 0;
                inference.LatencyMs = Round(random.Chance(TimeoutShareOfFailures) ? TimeoutMs : random.NextLogNormal(800, 0.8));
                inference.CostUsd = 0;
                break;
            default:
                // Still running: only what was sent is known.
                break;
        }
    }

    private static void ApplySuccess(Inference inference, FunctionSpec function, VariantSpec variant, ModelSpec model, long input, Random random)
    {
        var output = Math.Clamp((long)random.NextLogNormal(function.OutputTokensMedian, 0.7), 1, variant.MaxTokens);
        var cached = model.CostPerCacheReadInputToken is not null && random.Chance(CacheHitShare) ? (long)(input * random.NextUniform(0.3, 0.9)) : 0;
        var ttft = random.NextLogNormal(model.TtftMedianMs, 0.45) + (input * 0.02);
        var perToken = model.MsPerOutputToken * random.NextLogNormal(1, 0.25);
        var latency = ttft + (output * perToken);

        inference.OutputTokens = output;
        inference.LatencyMs = Round(latency);
        if (cached > 0)
        {
            inference.CacheReadInputTokens = cached;
        }

        // Only streamed responses observe the first token and the gaps between tokens.
        if (random.Chance(StreamingShare))
        {
            inference.TtftMs = Round(ttft);
            inference.InterTokenLatencyMs = Round(perToken);
            inference.TimePerOutputTokenMs = Round(latency / output);
        }

        var cachePrice = model.CostPerCacheReadInputToken ?? model.CostPerInputToken;
        inference.CostUsd = Math.Round(((input - cached) * model.CostPerInputToken) + (cached * cachePrice) + (output * model.CostPerOutputToken), 9);
    }

    private static void ApplyEmbedding(Inference inference, ModelSpec model, long input, Random random)
    {
        if (inference.Status == InferenceStatus.Pending)
        {
            return;
        }

        inference.OutputTokens = 0;
        inference.LatencyMs = Round(random.NextLogNormal(120, 0.4) + (input * 0.01));
        inference.CostUsd = inference.Status == InferenceStatus.Success ? Math.Round(input * model.CostPerInputToken, 9) : 0;
    }

    private static double Round(double milliseconds) => Math.Round(milliseconds, 1);
}
