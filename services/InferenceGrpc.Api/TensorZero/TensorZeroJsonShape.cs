using System.Globalization;
using System.Text.Json;
using Google.Protobuf;
using InferenceGrpc.Api.Formatting;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Protocol;
using InferenceGrpc.Protocol.AspNetCore;
using InferenceGrpc.Protocol.AspNetCore.OpenApi;
using InferenceGrpc.Protocol.AspNetCore.Transcoding;
using Microsoft.AspNetCore.Http;

namespace InferenceGrpc.Api.TensorZero;

/// <summary>
/// The REST JSON of TensorZero's get_inferences and list_inferences, byte for byte, on the
/// InferenceQueryService methods, so TensorZero's clients work against us unchanged: request
/// bodies read with TensorZero's (serde's) rules and error texts, replies written as its
/// serde_json writes them, errors as {"error": "..."} with the status of the gRPC code.
/// StreamInferences, our extension, reads the list body and writes one page per NDJSON line.
/// </summary>
public sealed class TensorZeroJsonShape : IJsonShape, IJsonShapeSchema
{
    public const string GetInferencesMethod = "inference.v1.InferenceQueryService.GetInferences";
    public const string ListInferencesMethod = "inference.v1.InferenceQueryService.ListInferences";
    public const string StreamInferencesMethod = "inference.v1.InferenceQueryService.StreamInferences";

    /// <summary>axum's Json reply header, which TensorZero's replies and errors carry.</summary>
    public const string JsonContentType = "application/json";

    public static readonly TensorZeroJsonShape Instance = new();

    // What the list request asked of its reply, kept from reading the request to writing it.
    private static readonly object ExtensionsKey = new();

    private TensorZeroJsonShape()
    {
    }

    /// <summary>Serves the three InferenceQueryService methods with this shape.</summary>
    public static void Register(GrpcServerOptions options) => options.UseJsonShape(Instance, GetInferencesMethod, ListInferencesMethod, StreamInferencesMethod);

    public JsonShapeSchemas DescribeMethod(string methodFullName) => TensorZeroSchemas.For(methodFullName);

    public async Task<IMessage> ReadRequestAsync(HttpContext http, HttpRouteMatch match, GrpcServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(options);
        using var document = await RequestBody.ReadAsync(http, options.MaxBufferedRequestBytes);
        try
        {
            switch (match.Route.Method.FullName)
            {
                case GetInferencesMethod:
                    return RequestReader.ReadGet(document.RootElement);
                case ListInferencesMethod:
                    var list = RequestReader.ReadList(document.RootElement, out var extensions);
                    http.Items[ExtensionsKey] = extensions;
                    return list;
                case StreamInferencesMethod:
                    return RequestReader.ReadStream(document.RootElement);
                default:
                    throw new RpcException(StatusCode.Unimplemented, $"The TensorZero JSON shape does not serve {match.Route.Method.FullName}.");
            }
        }
        catch (SerdeError error)
        {
            throw error.ToRpcException();
        }
        catch (InvalidOperationException)
        {
            // JSON that System.Text.Json parsed but serde_json would not, such as "\ud800".
            throw RequestBody.Malformed();
        }
    }

    public Task WriteResponseAsync(HttpContext http, HttpRoute route, IMessage response)
    {
        ArgumentNullException.ThrowIfNull(http);
        var writer = new SerdeJsonWriter();
        switch (response)
        {
            case GetInferencesResponse get:
                WritePage(writer, get.Inferences, null, null);
                break;
            case ListInferencesResponse list:
                var extensions = http.Items.TryGetValue(ExtensionsKey, out var asked) ? asked as ResponseExtensions : null;
                WritePage(
                    writer,
                    list.Inferences,
                    extensions?.PageToken == true ? list.NextPageToken : null,
                    extensions?.TotalCount == true && list.HasTotalCount ? list.TotalCount : null);
                break;
            default:
                throw new InvalidOperationException($"The TensorZero JSON shape cannot write {response.Descriptor.FullName}.");
        }

        return JsonReplies.WriteAsync(http, writer.WrittenMemory, JsonContentType);
    }

    public Task WriteStreamMessageAsync(HttpContext http, HttpRoute route, IMessage message)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (message is not StreamInferencesResponse page)
        {
            throw new InvalidOperationException($"The TensorZero JSON shape cannot stream {message.Descriptor.FullName}.");
        }

        var writer = new SerdeJsonWriter();
        WritePage(writer, page.Inferences, page.NextPageToken, null);
        return JsonReplies.WriteLineAsync(http, writer.WrittenMemory);
    }

    public Task WriteErrorAsync(HttpContext http, HttpRoute route, RpcStatus status, bool streamStarted)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(status);
        var writer = new SerdeJsonWriter();
        writer.StartObject();
        writer.PropertyName("error");
        writer.String(status.Message);
        writer.EndObject();
        return JsonReplies.WriteErrorAsync(http, writer.WrittenMemory, HttpStatusMapping.ToHttpStatus(status.Code), JsonContentType, streamStarted);
    }

    /// <summary>{"inferences":[...]} and, only when asked for, our "next_page_token" and "total_count".</summary>
    private static void WritePage(SerdeJsonWriter writer, IEnumerable<StoredInference> inferences, string? nextPageToken, long? totalCount)
    {
        writer.StartObject();
        writer.PropertyName("inferences");
        writer.StartArray();
        foreach (var inference in inferences)
        {
            StoredInferenceWriter.Write(writer, inference);
        }

        writer.EndArray();
        if (nextPageToken is not null)
        {
            writer.PropertyName("next_page_token");
            writer.String(nextPageToken);
        }

        if (totalCount is { } total)
        {
            writer.PropertyName("total_count");
            writer.Number(total.ToString(CultureInfo.InvariantCulture));
        }

        writer.EndObject();
    }
}
