using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;
using Microsoft.Azure.Cosmos;

namespace InferenceGrpc.Storage.Cosmos;

/// <summary>
/// Document shapes. Filterable fields are top-level properties (null when absent, so
/// <c>IS_NULL</c> tests are exact); the whole record travels as protobuf in <c>body</c>.
/// </summary>
internal static class CosmosDocuments
{
    public const string InferenceKind = "inference";
    public const string FeedbackKind = "feedback";
    public const string SummaryKind = "latest";

    public static JsonObject Inference(string tenant, Inference inference, LatestFeedback own, LatestFeedback episode)
    {
        var created = inference.CreateTime.ToDateTimeOffset().ToUnixTimeMilliseconds();
        var document = new JsonObject
        {
            ["id"] = inference.Id,
            ["tenant"] = tenant,
            ["day"] = CosmosKeys.Day(inference.Id),
            ["kind"] = InferenceKind,
            ["createdMs"] = created,
            ["createdS"] = Math.Floor(created / 1000.0),
            ["deletedMs"] = inference.DeleteTime is null ? null : inference.DeleteTime.ToDateTimeOffset().ToUnixTimeMilliseconds(),
            ["externalId"] = NullIfEmpty(inference.ExternalId),
            ["episodeId"] = NullIfEmpty(inference.EpisodeId),
            ["sessionId"] = NullIfEmpty(inference.SessionId),
            ["turnIndex"] = inference.HasTurnIndex ? inference.TurnIndex : null,
            ["functionName"] = inference.FunctionName,
            ["variantName"] = inference.VariantName,
            ["modelName"] = NullIfEmpty(inference.ModelName),
            ["tags"] = new JsonArray(inference.Tags.Select(t => (JsonNode)new JsonObject { ["k"] = t.Key, ["v"] = t.Value }).ToArray()),
            ["searchText"] = Storage.SearchText.Of(inference),
            ["body"] = Convert.ToBase64String(inference.ToByteArray()),
        };
        CosmosMetricsFields.AddTo(document, inference);
        own.WriteTo(document, "metrics", includeDemonstration: true);
        episode.WriteTo(document, "episodeMetrics", includeDemonstration: false);
        return document;
    }

    public static JsonObject Feedback(string tenant, Feedback feedback) => new()
    {
        ["id"] = feedback.Id,
        ["tenant"] = tenant,
        ["day"] = CosmosKeys.Day(feedback.TargetId),
        ["kind"] = FeedbackKind,
        ["targetId"] = feedback.TargetId,
        ["body"] = Convert.ToBase64String(feedback.ToByteArray()),
    };

    /// <summary>The summary of a target's latest feedback, kept beside its feedback (same partition).</summary>
    public static JsonObject Summary(string tenant, string targetId, LatestFeedback latest)
    {
        var document = new JsonObject
        {
            ["id"] = SummaryId(targetId),
            ["tenant"] = tenant,
            ["day"] = CosmosKeys.Day(targetId),
            ["kind"] = SummaryKind,
        };
        latest.WriteTo(document, "metrics", includeDemonstration: true);
        return document;
    }

    /// <summary>A record kept by kind: metric definitions, evaluation runs and trials, inference evaluations.</summary>
    public static JsonObject Keyed(string tenant, string kind, string id, IMessage record, JsonObject? extra = null)
    {
        var document = new JsonObject
        {
            ["id"] = id,
            ["tenant"] = tenant,
            ["kind"] = kind,
            ["body"] = Convert.ToBase64String(record.ToByteArray()),
        };
        foreach (var (key, value) in extra ?? [])
        {
            document[key] = value?.DeepClone();
        }

        return document;
    }

    public static string SummaryId(string targetId) => "latest:" + targetId;

    public static T Body<T>(JsonNode document, MessageParser<T> parser)
        where T : IMessage<T> => parser.ParseFrom(Convert.FromBase64String((string)document["body"]!));

    /// <summary>The parsed bodies of every document a query within one partition returns.</summary>
    public static async Task<List<T>> QueryBodiesAsync<T>(Container container, QueryDefinition query, PartitionKey key, MessageParser<T> parser, CancellationToken cancellationToken)
        where T : IMessage<T>
    {
        var bodies = new List<T>();
        await foreach (var row in CosmosJson.QueryAsync(container, query, key, cancellationToken))
        {
            bodies.Add(Body(row, parser));
        }

        return bodies;
    }

    public static Value? Demonstration(JsonNode document) =>
        document["demo"] is JsonObject demo ? Value.Parser.ParseJson(demo["v"]!.ToJsonString()) : null;

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
