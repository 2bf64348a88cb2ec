using System.Text.Json.Nodes;
using Google.Protobuf;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Storage.Cosmos;

/// <summary>
/// The latest metric values and demonstration of one target (inference or episode), as kept in
/// its summary document and copied into inference documents: <c>metrics: [{n, v, t, f}]</c>
/// (name, value, time in ms, feedback id) and <c>demo: {v, t, f}</c>. Newer means later time,
/// then the larger feedback id, so applying the same feedback twice changes nothing.
/// </summary>
internal sealed class LatestFeedback
{
    public JsonArray Metrics { get; init; } = [];

    public JsonObject? Demonstration { get; set; }

    public static LatestFeedback From(JsonObject? document) => new()
    {
        Metrics = document?["metrics"] is JsonArray metrics ? (JsonArray)metrics.DeepClone() : [],
        Demonstration = document?["demo"] is JsonObject demo ? (JsonObject)demo.DeepClone() : null,
    };

    /// <summary>Applies one feedback record; returns true when something became newer.</summary>
    public bool Apply(Feedback feedback)
    {
        var time = feedback.CreateTime.ToDateTimeOffset().ToUnixTimeMilliseconds();
        switch (feedback.ValueCase)
        {
            case Feedback.ValueOneofCase.FloatValue or Feedback.ValueOneofCase.BooleanValue:
                var value = feedback.ValueCase == Feedback.ValueOneofCase.FloatValue ? feedback.FloatValue : (feedback.BooleanValue ? 1.0 : 0.0);
                var existing = Metrics.OfType<JsonObject>().FirstOrDefault(m => (string?)m["n"] == feedback.MetricName);
                if (existing is not null && !IsNewer(time, feedback.Id, existing))
                {
                    return false;
                }

                if (existing is not null)
                {
                    Metrics.Remove(existing);
                }

                Metrics.Add(new JsonObject { ["n"] = feedback.MetricName, ["v"] = value, ["t"] = time, ["f"] = feedback.Id });
                return true;
            case Feedback.ValueOneofCase.Demonstration:
                if (Demonstration is not null && !IsNewer(time, feedback.Id, Demonstration))
                {
                    return false;
                }

                Demonstration = new JsonObject { ["v"] = JsonNode.Parse(JsonFormatter.Default.Format(feedback.Demonstration)), ["t"] = time, ["f"] = feedback.Id };
                return true;
            default:
                return false;
        }
    }

    public void WriteTo(JsonObject document, string metricsProperty, bool includeDemonstration)
    {
        document[metricsProperty] = Metrics.DeepClone();
        if (includeDemonstration)
        {
            document["demo"] = Demonstration?.DeepClone();
        }
    }

    private static bool IsNewer(long time, string feedbackId, JsonObject current)
    {
        var currentTime = (long)current["t"]!;
        return time > currentTime || (time == currentTime && string.CompareOrdinal(feedbackId, (string?)current["f"]) >= 0);
    }
}
