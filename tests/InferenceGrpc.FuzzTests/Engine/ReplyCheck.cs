using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace InferenceGrpc.FuzzTests.Engine;

/// <summary>
/// What every reply to bad input must be: an answer that is not a server error (HTTP 5xx other
/// than 503, gRPC UNKNOWN or INTERNAL), in the API's documented error shape. Returns the problem,
/// or null when the reply is acceptable.
/// </summary>
internal static class ReplyCheck
{
    private const int Unknown = 2;
    private const int Internal = 13;

    public static string? Problem(FuzzTarget target, FuzzReply reply)
    {
        var http = (int)reply.Status;
        if (http >= 500 && reply.Status != HttpStatusCode.ServiceUnavailable)
        {
            return $"HTTP {http}";
        }

        return target.Wire is Wire.RestPost or Wire.RestGet ? RestProblem(target, reply) : GrpcProblem(reply);
    }

    private static string? GrpcProblem(FuzzReply reply)
    {
        if (reply.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) != true)
        {
            // Not taken as a gRPC call at all (a content type the mutation broke): any client error will do.
            return reply.Status == HttpStatusCode.OK ? "HTTP 200 without a gRPC reply" : null;
        }

        if (!int.TryParse(reply.GrpcStatus, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code > 16)
        {
            return $"grpc-status '{reply.GrpcStatus ?? "missing"}' is not a status code";
        }

        return code is Unknown or Internal ? $"gRPC status {code}" : null;
    }

    private static string? RestProblem(FuzzTarget target, FuzzReply reply)
    {
        var http = (int)reply.Status;
        if (http is 400 or 404 or 405 or 413 or 414 or 431 && reply.Body.Length == 0)
        {
            // Refused before any API saw it: Kestrel's own limits, or a mutated path no route matches.
            return null;
        }

        var shape = target.ErrorShape ?? ErrorShape.GoogleRpcStatus;
        if (reply.ContentType?.StartsWith("application/x-ndjson", StringComparison.OrdinalIgnoreCase) == true && http == 200)
        {
            var lines = Encoding.UTF8.GetString(reply.Body).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var last = lines.Length == 0 ? null : Parse(lines[^1]);
            return last is { } line && shape.Matches(line) && shape.StreamCode(line) is Unknown or Internal ? "the stream ended with a server error" : null;
        }

        var body = Parse(Encoding.UTF8.GetString(reply.Body));
        if (body is null)
        {
            return "the body is not JSON";
        }

        return http >= 400 && !shape.Matches(body.Value) ? $"the error body is not {shape.Name}" : null;
    }

    private static JsonElement? Parse(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 256 });
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
