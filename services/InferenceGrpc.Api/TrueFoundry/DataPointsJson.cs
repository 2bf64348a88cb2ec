using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Api.TrueFoundry;

/// <summary>
/// Writes {"data":{"dataPoints":[...]}}. Each point: "startTimestamp" and "endTimestamp" (ISO
/// 8601 UTC with milliseconds; timeseries only), the group values under their keys, "total",
/// then the aggregations, in the order of TrueFoundry's documented example. Numbers are JSON
/// numbers in their shortest round-trip form (an integral value has no fraction), missing
/// values null.
/// </summary>
internal static class DataPointsJson
{
    /// <summary>
    /// Escapes only what JSON requires (not HTML-sensitive characters such as ' and +): these
    /// bodies are application/json, never embedded in a page.
    /// </summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static ReadOnlyMemory<byte> Write(IEnumerable<MetricsDataPoint> points)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("data");
            writer.WriteStartArray("dataPoints");
            foreach (var point in points)
            {
                Write(writer, point);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    private static void Write(Utf8JsonWriter writer, MetricsDataPoint point)
    {
        writer.WriteStartObject();
        if (point.StartTimestamp is not null)
        {
            writer.WriteString("startTimestamp", Iso(point.StartTimestamp));
            writer.WriteString("endTimestamp", Iso(point.EndTimestamp));
        }

        foreach (var group in point.Groups)
        {
            if (group.HasValue)
            {
                writer.WriteString(group.Key, group.Value);
            }
            else
            {
                writer.WriteNull(group.Key);
            }
        }

        writer.WriteNumber("total", point.Total);
        foreach (var value in point.Values)
        {
            if (value.HasValue)
            {
                writer.WriteNumber(value.Key, value.Value);
            }
            else
            {
                writer.WriteNull(value.Key);
            }
        }

        writer.WriteEndObject();
    }

    private static string Iso(Google.Protobuf.WellKnownTypes.Timestamp time) =>
        time.ToDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
