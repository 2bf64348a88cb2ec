using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Testing;
using Record = InferenceGrpc.Contracts.V1.Record;

namespace InferenceGrpc.Storage.Tests;

/// <summary>Small builders for records with just the fields a test cares about.</summary>
internal static class TestRecords
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A deterministic UUIDv7 for the n-th second after <see cref="Start"/>.</summary>
    public static Guid IdAt(int second, int sequence = 0) => TestUuid7.At(Start.AddSeconds(second), sequence);

    public static Inference Inference(int second, string function = "f", string variant = "v", string? episode = null, params (string Key, string Value)[] tags)
    {
        var inference = new Inference
        {
            Id = Uuid7.Format(IdAt(second)),
            FunctionName = function,
            VariantName = variant,
            EpisodeId = episode ?? string.Empty,
            Input = Value.ForStruct(new Struct { Fields = { ["messages"] = Value.ForList(Value.ForString($"question {second}")) } }),
            Output = Value.ForList(Value.ForStruct(new Struct { Fields = { ["type"] = Value.ForString("text"), ["text"] = Value.ForString($"Answer number {second}") } })),
        };
        foreach (var (key, value) in tags)
        {
            inference.Tags[key] = value;
        }

        return inference;
    }

    public static MetricDefinition FloatMetric(string name, FeedbackLevel level = FeedbackLevel.Inference) =>
        new() { Name = name, Type = MetricType.Float, Level = level };

    public static MetricDefinition BooleanMetric(string name, FeedbackLevel level = FeedbackLevel.Inference) =>
        new() { Name = name, Type = MetricType.Boolean, Level = level };

    public static Feedback Score(string target, string metric, double value, int second) =>
        new() { Id = Uuid7.Format(IdAt(second, 1)), TargetId = target, MetricName = metric, FloatValue = value };

    public static Feedback Flag(string target, string metric, bool value, int second) =>
        new() { Id = Uuid7.Format(IdAt(second, 1)), TargetId = target, MetricName = metric, BooleanValue = value };

    public static Feedback Demonstration(string target, string text, int second) =>
        new() { Id = Uuid7.Format(IdAt(second, 2)), TargetId = target, Demonstration = Value.ForString(text) };

    public static Feedback Comment(string target, string text, int second) =>
        new() { Id = Uuid7.Format(IdAt(second, 3)), TargetId = target, Comment = text };

    public static Record AsRecord(this Inference inference) => new() { Inference = inference };

    public static Record AsRecord(this Feedback feedback) => new() { Feedback = feedback };

    public static Record AsRecord(this MetricDefinition metric) => new() { MetricDefinition = metric };
}
