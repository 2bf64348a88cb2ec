using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.SampleData;

/// <summary>
/// Builds one inference record: picks function, variant and model, writes input and output,
/// and fills in the fields each query API reads (TensorZero, Galtea, TrueFoundry).
/// </summary>
internal sealed class InferenceFactory(Random random, long windowEndMs)
{
    private const double PrimaryFunctionShare = 0.75;
    private const double PendingShare = 0.012;
    private const double FailedShare = 0.038;
    private const double ExternalIdShare = 0.25;
    private const double DeletedShare = 0.01;
    private const double CompletionRequestShare = 0.08;
    private const double ExtraBodyShare = 0.02;
    private const double FewShotHistoryShare = 0.15;

    public (Inference Inference, InferenceOutcome Outcome) Create(Guid id, long timeMs, Episode episode)
    {
        var function = PickFunction(episode);
        var variant = function.PickVariant(random);
        var model = variant.ResolveModel(random);
        var quality = Math.Clamp(model.Quality + variant.QualityBonus + (0.12 * random.NextGaussian()), 0, 1);
        var turn = episode.Advance(quality, timeMs);
        var status = PickStatus();
        var scenario = Scenario.Draw(random);
        var withHistory = episode.SessionId is null ? random.Chance(FewShotHistoryShare) : turn > 0;
        var isEmbedding = function.Kind == FunctionKind.EmbedDocument;

        var inference = new Inference
        {
            Id = id.ToString("D"),
            CreateTime = ToTimestamp(timeMs),
            EpisodeId = episode.Id.ToString("D"),
            FunctionName = function.Name,
            FunctionType = function.Type,
            VariantName = variant.Name,
            ModelName = model.Name,
            ModelProviderName = model.Provider,
            VirtualModelName = variant.VirtualModel?.Name ?? "",
            RequestType = isEmbedding ? "embedding" : random.Chance(CompletionRequestShare) ? "completion" : "chat",
            Input = PromptComposer.BuildInput(function, scenario, withHistory, out var characters),
            Status = status,
            SubjectSlug = episode.Subject.Slug,
            SubjectType = episode.Subject.Type,
            TraceId = random.NextHex(32),
            SnapshotHash = variant.SnapshotHash,
        };

        inference.Teams.Add(episode.Subject.Teams);
        foreach (var tag in episode.Tags)
        {
            inference.Tags.Add(tag.Key, tag.Value);
        }

        AddSession(inference, episode, turn);
        AddParameters(inference, function, variant, isEmbedding);
        if (status == InferenceStatus.Success && !isEmbedding)
        {
            inference.Output = OutputComposer.Build(function, scenario, quality, random);
        }

        var hasRetrieval = random.Chance(function.RetrievalShare);
        if (hasRetrieval)
        {
            inference.RetrievalContext = RetrievalContext(scenario);
        }

        UsageSimulator.Apply(inference, function, variant, model, characters, hasRetrieval, random);
        if (inference.HasOutputTokens)
        {
            inference.TotalTokens = inference.InputTokens + inference.OutputTokens;
        }

        AddLifecycle(inference, timeMs);
        bool? latencyOk = inference.HasLatencyMs ? inference.LatencyMs <= function.LatencyBudgetMs : null;
        return (inference, new InferenceOutcome(id, timeMs, FunctionCatalog.IndexOf(function), quality, status, latencyOk));
    }

    public static Timestamp ToTimestamp(long unixMilliseconds) => Timestamp.FromDateTimeOffset(DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds));

    private FunctionSpec PickFunction(Episode episode)
    {
        if (random.Chance(FunctionCatalog.EmbeddingShare))
        {
            return FunctionCatalog.Embedding;
        }

        return FunctionCatalog.All[random.Chance(PrimaryFunctionShare) ? episode.PrimaryFunction : FunctionCatalog.PickGenerativeIndex(random)];
    }

    private InferenceStatus PickStatus()
    {
        var roll = random.NextDouble();
        return roll < PendingShare ? InferenceStatus.Pending : roll < PendingShare + FailedShare ? InferenceStatus.Failed : InferenceStatus.Success;
    }

    private void AddSession(Inference inference, Episode episode, int turn)
    {
        if (episode.SessionId is null)
        {
            return;
        }

        inference.SessionId = episode.SessionId;
        inference.TurnIndex = turn;
        inference.UserId = episode.UserId ?? "";
        inference.ConversationSimulatorVersion = episode.SimulatorVersion ?? "";
        inference.CreditsUsed = 1 + random.Next(3);
    }

    private void AddParameters(Inference inference, FunctionSpec function, VariantSpec variant, bool isEmbedding)
    {
        if (isEmbedding)
        {
            return;
        }

        var chat = Json.Obj(("temperature", Json.Num(variant.Temperature)), ("max_tokens", Json.Num(variant.MaxTokens)));
        if (function.Type == FunctionType.Json)
        {
            chat.StructValue.Fields["json_mode"] = Json.Str("strict");
            inference.OutputSchema = FunctionSchemas.OutputSchema(function.Kind)?.Clone();
        }

        if (random.Chance(0.2))
        {
            chat.StructValue.Fields["seed"] = Json.Num(random.Next(1, 10_000));
        }

        inference.InferenceParams = Json.Obj(("chat_completion", chat));
        if (function.ToolName is { } tool)
        {
            inference.ToolParams = FunctionSchemas.ToolParams(tool);
        }

        if (random.Chance(ExtraBodyShare))
        {
            inference.ExtraBody = Json.List(Json.Obj(("variant_name", Json.Str(variant.Name)), ("pointer", Json.Str("/service_tier")), ("value", Json.Str("flex"))));
        }
    }

    /// <summary>External ids (Galtea "id") for a share; soft deletion for a few, never in the future.</summary>
    private void AddLifecycle(Inference inference, long timeMs)
    {
        if (random.Chance(ExternalIdShare))
        {
            inference.ExternalId = "ir_" + random.NextAlphanumeric(24);
        }

        if (random.Chance(DeletedShare))
        {
            var deleteMs = timeMs + (long)random.NextLogNormal(TimeSpan.FromDays(2).TotalMilliseconds, 1.0);
            if (deleteMs < windowEndMs)
            {
                inference.DeleteTime = ToTimestamp(deleteMs);
            }
        }
    }

    private static string RetrievalContext(Scenario scenario)
    {
        var (topic, answer) = SupportFacts.Facts[scenario.FactIndex];
        var neighbour = (scenario.FactIndex + 3) % SupportFacts.Facts.Count;
        return string.Create(CultureInfo.InvariantCulture,
            $"[doc-{scenario.FactIndex + 1}] The {topic} is {answer}.\n[doc-{neighbour + 1}] The {SupportFacts.Facts[neighbour].Topic} is {SupportFacts.Facts[neighbour].Answer}.");
    }
}
