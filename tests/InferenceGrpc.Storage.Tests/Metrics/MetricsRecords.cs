using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage.Metrics;
using static InferenceGrpc.Storage.Tests.TestRecords;

namespace InferenceGrpc.Storage.Tests.Metrics;

/// <summary>Builders for inferences with metrics fields, and the window and queries over them.</summary>
internal static class MetricsRecords
{
    public static long Ms(int second) => Start.AddSeconds(second).ToUnixTimeMilliseconds();

    /// <summary>An inference at the second after <see cref="TestRecords.Start"/>, with the metrics given.</summary>
    public static Inference Call(int second, string? model = null, double? latency = null, double? cost = null, long? input = null, params string[] teams)
    {
        var inference = Inference(second);
        inference.CreateTime = Timestamp.FromDateTimeOffset(Start.AddSeconds(second));
        inference.ModelName = model ?? string.Empty;
        if (latency is { } l)
        {
            inference.LatencyMs = l;
        }

        if (cost is { } c)
        {
            inference.CostUsd = c;
        }

        if (input is { } i)
        {
            inference.InputTokens = i;
        }

        inference.Teams.Add(teams);
        return inference;
    }

    public static Inference WithSubject(this Inference inference, string slug, SubjectType type)
    {
        inference.SubjectSlug = slug;
        inference.SubjectType = type;
        return inference;
    }

    public static Inference WithTag(this Inference inference, string key, string value)
    {
        inference.Tags[key] = value;
        return inference;
    }

    public static Inference WithVirtualModel(this Inference inference, string name)
    {
        inference.VirtualModelName = name;
        return inference;
    }

    /// <summary>A query over the hour from <see cref="TestRecords.Start"/>.</summary>
    public static MetricsQuery Hour(params MetricsAggregation[] aggregations) =>
        new() { StartMs = Ms(0), EndMs = Ms(3600), Aggregations = aggregations };

    public static ScalarFilter Field(MetricsField field, MetricsOperator op, params object[] values) => new(new FieldOperand(field), op, values);
}
