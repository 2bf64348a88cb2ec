using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage;

namespace InferenceGrpc.Api.TensorZero;

/// <summary>
/// Writes one TensorZero `StoredInference` (api-compat-spec 1.7): an object tagged "chat" or
/// "json", its keys in the order of the spec's example, optional keys omitted when absent,
/// and the always-present ones (dispreferred_outputs, tags, inference_params,
/// processing_time_ms, ttft_ms, provider_tools) written even when empty or null. Some
/// TensorZero versions place the chat tool fields and output_schema right after
/// inference_id instead (the Rust struct flattens them there); JSON clients do not depend on
/// key order, and the spec's commit is the reference, so the order lives in this one method.
/// </summary>
internal static class StoredInferenceWriter
{
    /// <summary>
    /// TensorZero always has an episode; our records may not. We write the nil UUID rather than
    /// null or nothing: TensorZero's clients parse episode_id as a required UUID, and the nil UUID
    /// is a valid one that no real episode (UUIDv7) can have, so "no episode" stays recognizable.
    /// </summary>
    public const string NoEpisode = "00000000-0000-0000-0000-000000000000";

    private static readonly string[] ToolKeys = ["allowed_tools", "additional_tools", "tool_choice", "parallel_tool_calls"];

    public static void Write(SerdeJsonWriter writer, StoredInference stored)
    {
        var inference = stored.Inference ?? new Inference();

        // Json functions are "json"; chat and anything else (such as embeddings) read as chat.
        var json = inference.FunctionType == FunctionType.Json;
        writer.StartObject();
        Property(writer, "type", json ? "json" : "chat");
        Property(writer, "function_name", inference.FunctionName);
        Property(writer, "variant_name", inference.VariantName);
        OptionalValue(writer, "input", inference.Input);
        if (OutputShapes.IsPresent(stored.Output))
        {
            writer.PropertyName("output");
            OutputShapes.Write(writer, stored.Output, json);
        }

        writer.PropertyName("dispreferred_outputs");
        writer.StartArray();
        foreach (var output in stored.DispreferredOutputs)
        {
            OutputShapes.Write(writer, output, json);
        }

        writer.EndArray();
        Property(writer, "timestamp", Timestamp(inference));
        Property(writer, "episode_id", inference.EpisodeId.Length == 0 ? NoEpisode : inference.EpisodeId);
        Property(writer, "inference_id", inference.Id);
        WriteTags(writer, inference);
        OptionalValue(writer, "extra_body", inference.ExtraBody);
        writer.PropertyName("inference_params");
        InferenceParamsWriter.Write(writer, inference.InferenceParams);
        Milliseconds(writer, "processing_time_ms", inference.HasLatencyMs ? inference.LatencyMs : null);
        Milliseconds(writer, "ttft_ms", inference.HasTtftMs ? inference.TtftMs : null);
        if (inference.SnapshotHash.Length > 0)
        {
            Property(writer, "snapshot_hash", inference.SnapshotHash);
        }

        if (json)
        {
            OptionalValue(writer, "output_schema", inference.OutputSchema);
        }
        else
        {
            WriteToolParams(writer, inference.ToolParams?.StructValue);
        }

        writer.EndObject();
    }

    /// <summary>RFC 3339 in UTC at whole seconds ("2025-06-01T12:34:56Z"), as TensorZero's ClickHouse time reads.</summary>
    public static string Timestamp(Inference inference)
    {
        var time = inference.CreateTime?.ToDateTimeOffset()
            ?? (Uuid7.TryParse(inference.Id, out var id) ? Uuid7.Timestamp(id) : DateTimeOffset.UnixEpoch);
        return time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Tags in ordinal key order. TensorZero's tags are a Rust HashMap, whose order varies from
    /// run to run; a fixed order keeps our replies reproducible without breaking any client.
    /// </summary>
    private static void WriteTags(SerdeJsonWriter writer, Inference inference)
    {
        writer.PropertyName("tags");
        writer.StartObject();
        foreach (var (key, value) in inference.Tags.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            Property(writer, key, value);
        }

        writer.EndObject();
    }

    /// <summary>The chat-only tool fields, flattened from TensorZero's DynamicToolParams; provider_tools is always there.</summary>
    private static void WriteToolParams(SerdeJsonWriter writer, Struct? tools)
    {
        foreach (var key in ToolKeys)
        {
            OptionalValue(writer, key, tools?.Fields.GetValueOrDefault(key));
        }

        writer.PropertyName("provider_tools");
        if (tools?.Fields.GetValueOrDefault("provider_tools") is { } providerTools && OutputShapes.IsPresent(providerTools))
        {
            writer.Value(providerTools);
        }
        else
        {
            writer.StartArray();
            writer.EndArray();
        }
    }

    /// <summary>TensorZero keeps durations as whole milliseconds (u64), null when unknown.</summary>
    private static void Milliseconds(SerdeJsonWriter writer, string name, double? value)
    {
        writer.PropertyName(name);
        if (value is { } ms)
        {
            writer.Number(Math.Round(ms, MidpointRounding.AwayFromZero).ToString("F0", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.Null();
        }
    }

    private static void OptionalValue(SerdeJsonWriter writer, string name, Value? value)
    {
        if (OutputShapes.IsPresent(value))
        {
            writer.PropertyName(name);
            writer.Value(value);
        }
    }

    private static void Property(SerdeJsonWriter writer, string name, string value)
    {
        writer.PropertyName(name);
        writer.String(value);
    }
}
