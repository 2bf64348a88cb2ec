using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Api.TensorZero;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Api.Galtea;

/// <summary>
/// Writes a stored inference as a Galtea InferenceResult (api-compat-spec 2.4): camelCase keys in
/// the documented order, every nullable field present (explicit null when not recorded), numbers
/// as a JavaScript server writes them, so latency 150.0 is 150. Choices where the documentation
/// says nothing [unverified]: id is the external id, or our inference id for records that never
/// had one; status SUCCESS is Galtea's GENERATED and an unrecorded status is null; a text input
/// is {"user_message": text}; actualOutput is the output text (chat text blocks joined, a json
/// function's raw text, other JSON compact); times are JavaScript's toISOString form.
/// </summary>
internal static class InferenceResultWriter
{
    public static void Write(SerdeJsonWriter writer, Inference inference)
    {
        writer.StartObject();
        String(writer, "id", inference.ExternalId.Length > 0 ? inference.ExternalId : inference.Id);
        String(writer, "sessionId", inference.SessionId);
        OptionalString(writer, "userId", inference.UserId);
        Number(writer, "index", inference.HasTurnIndex ? inference.TurnIndex : null);
        OptionalString(writer, "status", Status(inference.Status));
        writer.PropertyName("input");
        writer.Value(Input(inference.Input));
        OptionalString(writer, "actualOutput", OutputText.Of(inference.Output));
        OptionalString(writer, "retrievalContext", inference.RetrievalContext);
        Number(writer, "latency", inference.HasLatencyMs ? inference.LatencyMs : null);
        Number(writer, "inputTokens", inference.HasInputTokens ? inference.InputTokens : null);
        Number(writer, "outputTokens", inference.HasOutputTokens ? inference.OutputTokens : null);
        Number(writer, "cacheReadInputTokens", inference.HasCacheReadInputTokens ? inference.CacheReadInputTokens : null);
        Number(writer, "tokens", inference.HasTotalTokens ? inference.TotalTokens : null);
        Number(writer, "costPerInputToken", inference.HasCostPerInputToken ? inference.CostPerInputToken : null);
        Number(writer, "costPerOutputToken", inference.HasCostPerOutputToken ? inference.CostPerOutputToken : null);
        Number(writer, "costPerCacheReadInputToken", inference.HasCostPerCacheReadInputToken ? inference.CostPerCacheReadInputToken : null);
        Number(writer, "cost", inference.HasCostUsd ? inference.CostUsd : null);
        Number(writer, "creditsUsed", inference.HasCreditsUsed ? inference.CreditsUsed : null);
        OptionalString(writer, "conversationSimulatorVersion", inference.ConversationSimulatorVersion);
        OptionalString(writer, "traceId", inference.TraceId);
        OptionalString(writer, "createdAt", Time(inference.CreateTime));
        OptionalString(writer, "deletedAt", Time(inference.DeleteTime));
        writer.EndObject();
    }

    /// <summary>JavaScript's Date.prototype.toISOString: UTC, milliseconds, "Z".</summary>
    public static string? Time(Timestamp? time) =>
        time?.ToDateTimeOffset().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string? Status(InferenceStatus status) => status switch
    {
        InferenceStatus.Pending => "PENDING",
        InferenceStatus.Success => "GENERATED",
        InferenceStatus.Failed => "FAILED",
        _ => null,
    };

    /// <summary>Galtea keeps a plain-text input as {"user_message": text}.</summary>
    private static Value? Input(Value? input) =>
        input?.KindCase == Value.KindOneofCase.StringValue
            ? Value.ForStruct(new Struct { Fields = { ["user_message"] = input } })
            : input;

    private static void String(SerdeJsonWriter writer, string name, string value)
    {
        writer.PropertyName(name);
        writer.String(value);
    }

    /// <summary>The text, or null when it is empty (proto3 cannot tell empty from unset).</summary>
    private static void OptionalString(SerdeJsonWriter writer, string name, string? value)
    {
        writer.PropertyName(name);
        if (string.IsNullOrEmpty(value))
        {
            writer.Null();
        }
        else
        {
            writer.String(value);
        }
    }

    private static void Number(SerdeJsonWriter writer, string name, double? value)
    {
        writer.PropertyName(name);
        if (value is { } number)
        {
            writer.Number(EcmaScriptNumbers.Format(number));
        }
        else
        {
            writer.Null();
        }
    }
}
