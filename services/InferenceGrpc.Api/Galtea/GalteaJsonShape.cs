using Google.Protobuf;
using InferenceGrpc.Api.Formatting;
using InferenceGrpc.Api.TensorZero;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Protocol;
using InferenceGrpc.Protocol.AspNetCore;
using InferenceGrpc.Protocol.AspNetCore.OpenApi;
using InferenceGrpc.Protocol.AspNetCore.Transcoding;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace InferenceGrpc.Api.Galtea;

/// <summary>
/// The REST JSON of Galtea's GET /inferenceResults on the InferenceResultService methods:
/// requests bound from the query string as usual (k=a&amp;k=b, k[]=a, a,b; unknown parameters
/// ignored), replies as a bare array of InferenceResult objects, errors as
/// {"error": "&lt;HTTP reason phrase&gt;", "message": "&lt;text&gt;"} with the status of the gRPC
/// code (api-compat-spec 2.5; the "error" text is [unverified]). The stream writes one array per
/// NDJSON line, and an error after the first line as a last line in the same error shape.
/// </summary>
public sealed class GalteaJsonShape : ProtobufJsonShape, IJsonShapeSchema
{
    public const string ListMethod = "inference.v1.InferenceResultService.ListInferenceResults";
    public const string StreamMethod = "inference.v1.InferenceResultService.StreamInferenceResults";

    public static new readonly GalteaJsonShape Instance = new();

    private GalteaJsonShape()
    {
    }

    /// <summary>Serves the two InferenceResultService methods with this shape.</summary>
    public static void Register(GrpcServerOptions options) => options.UseJsonShape(Instance, ListMethod, StreamMethod);

    public JsonShapeSchemas DescribeMethod(string methodFullName) => GalteaSchemas.For();

    public override Task WriteResponseAsync(HttpContext http, HttpRoute route, IMessage response)
    {
        ArgumentNullException.ThrowIfNull(http);
        var results = response is ListInferenceResultsResponse list
            ? list.InferenceResults
            : throw new InvalidOperationException($"The Galtea JSON shape cannot write {response.Descriptor.FullName}.");
        return JsonReplies.WriteAsync(http, Array(results), JsonContentType);
    }

    public override Task WriteStreamMessageAsync(HttpContext http, HttpRoute route, IMessage message)
    {
        ArgumentNullException.ThrowIfNull(http);
        var results = message is StreamInferenceResultsResponse page
            ? page.InferenceResults
            : throw new InvalidOperationException($"The Galtea JSON shape cannot stream {message.Descriptor.FullName}.");
        return JsonReplies.WriteLineAsync(http, Array(results));
    }

    public override Task WriteErrorAsync(HttpContext http, HttpRoute route, RpcStatus status, bool streamStarted)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(status);
        var httpStatus = HttpStatusMapping.ToHttpStatus(status.Code);
        var writer = new SerdeJsonWriter(EcmaScriptNumbers.JsonStyle);
        writer.StartObject();
        writer.PropertyName("error");
        writer.String(ReasonPhrases.GetReasonPhrase(httpStatus) is { Length: > 0 } reason ? reason : "Error");
        writer.PropertyName("message");
        writer.String(status.Message);
        writer.EndObject();
        return JsonReplies.WriteErrorAsync(http, writer.WrittenMemory, httpStatus, JsonContentType, streamStarted);
    }

    private static ReadOnlyMemory<byte> Array(IEnumerable<Inference> results)
    {
        var writer = new SerdeJsonWriter(EcmaScriptNumbers.JsonStyle);
        writer.StartArray();
        foreach (var inference in results)
        {
            InferenceResultWriter.Write(writer, inference);
        }

        writer.EndArray();
        return writer.WrittenMemory;
    }
}
