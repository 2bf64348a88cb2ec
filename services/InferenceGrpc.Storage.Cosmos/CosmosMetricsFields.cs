using System.Text.Json.Nodes;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage.Metrics;

namespace InferenceGrpc.Storage.Cosmos;

/// <summary>
/// The metrics view's properties of an inference document. Text is null when absent; numbers
/// are left out when absent, because Cosmos' SUM and AVG turn undefined as soon as one value is
/// null, while undefined values are skipped. <c>teams</c> holds [null] for an inference without
/// teams, so <c>JOIN t IN c.teams</c> keeps it as one row with a null team (as SQLite's LEFT JOIN
/// does) instead of dropping it.
/// </summary>
internal static class CosmosMetricsFields
{
    public static void AddTo(JsonObject document, Inference inference)
    {
        document["virtualModelName"] = NullIfEmpty(inference.VirtualModelName);
        document["requestType"] = NullIfEmpty(inference.RequestType);
        document["subjectSlug"] = NullIfEmpty(inference.SubjectSlug);
        document["subjectType"] = inference.SubjectType switch
        {
            SubjectType.User => "user",
            SubjectType.VirtualAccount => "virtualaccount",
            _ => null,
        };
        document["traceId"] = NullIfEmpty(inference.TraceId);
        var teams = inference.Teams.Distinct(StringComparer.Ordinal).Select(t => (JsonNode?)JsonValue.Create(t)).ToArray();
        document["teams"] = new JsonArray(teams.Length == 0 ? [null] : teams);
        AddNumber(document, MetricsField.LatencyMs, inference.HasLatencyMs, inference.LatencyMs);
        AddNumber(document, MetricsField.TtftMs, inference.HasTtftMs, inference.TtftMs);
        AddNumber(document, MetricsField.InterTokenLatencyMs, inference.HasInterTokenLatencyMs, inference.InterTokenLatencyMs);
        AddNumber(document, MetricsField.TimePerOutputTokenMs, inference.HasTimePerOutputTokenMs, inference.TimePerOutputTokenMs);
        AddNumber(document, MetricsField.InputTokens, inference.HasInputTokens, inference.InputTokens);
        AddNumber(document, MetricsField.OutputTokens, inference.HasOutputTokens, inference.OutputTokens);
        AddNumber(document, MetricsField.CostUsd, inference.HasCostUsd, inference.CostUsd);
    }

    /// <summary>The document property of a field; the only identifiers the metrics compiler writes.</summary>
    public static string Property(MetricsField field) => field switch
    {
        MetricsField.ModelName => "modelName",
        MetricsField.VirtualModelName => "virtualModelName",
        MetricsField.RequestType => "requestType",
        MetricsField.SubjectSlug => "subjectSlug",
        MetricsField.SubjectType => "subjectType",
        MetricsField.SessionId => "sessionId",
        MetricsField.TraceId => "traceId",
        MetricsField.LatencyMs => "latencyMs",
        MetricsField.TtftMs => "ttftMs",
        MetricsField.InterTokenLatencyMs => "interTokenLatencyMs",
        MetricsField.TimePerOutputTokenMs => "timePerOutputTokenMs",
        MetricsField.InputTokens => "inputTokens",
        MetricsField.OutputTokens => "outputTokens",
        MetricsField.CostUsd => "costUsd",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    private static void AddNumber(JsonObject document, MetricsField field, bool present, double value)
    {
        if (present)
        {
            document[Property(field)] = value;
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
