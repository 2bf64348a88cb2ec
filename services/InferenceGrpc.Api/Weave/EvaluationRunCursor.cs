using System.Buffers.Text;
using Google.Protobuf;
using InferenceGrpc.Api.Queries;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Api.Weave;

/// <summary>
/// ListEvaluationRuns' page token: the last run's place in the newest-first order (its start
/// time and id) as base64url protobuf. It names a position, not data, so it is not signed: a
/// forged one only starts the list elsewhere in the caller's own project, and new runs never
/// shift the pages after it, as an offset would.
/// </summary>
internal static class EvaluationRunCursor
{
    public static string After(EvaluationRun run) =>
        Base64Url.EncodeToString(new EvaluationRun { Id = run.Id, StartTime = run.StartTime }.ToByteArray());

    /// <summary>The position a token names; null for the first page.</summary>
    public static EvaluationRun? Read(string token)
    {
        if (token.Length == 0)
        {
            return null;
        }

        try
        {
            return EvaluationRun.Parser.ParseFrom(Base64Url.DecodeFromChars(token));
        }
        catch (Exception ex) when (ex is FormatException or InvalidProtocolBufferException)
        {
            throw QueryErrors.Invalid("page_token", "page_token: not a token that ListEvaluationRuns returned");
        }
    }
}
