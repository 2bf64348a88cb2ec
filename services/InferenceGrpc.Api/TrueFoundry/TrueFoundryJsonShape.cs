using System.Text.Json;
using Google.Protobuf;
using InferenceGrpc.Api.Formatting;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Protocol;
using InferenceGrpc.Protocol.AspNetCore;
using InferenceGrpc.Protocol.AspNetCore.OpenApi;
using InferenceGrpc.Protocol.AspNetCore.Transcoding;
using Microsoft.AspNetCore.Http;

namespace InferenceGrpc.Api.TrueFoundry;

/// <summary>
/// TrueFoundry's JSON on the GatewayMetricsService methods. Requests are read as proto3 JSON
/// (TrueFoundry's camelCase names are the proto's JSON names; unknown fields are ignored), the
/// answer is {"data":{"dataPoints":[...]}} with each data point's keys made from its values
/// (proto3 JSON cannot write dynamic keys), numbers as JSON numbers and missing values as null.
/// Errors are {"status": 400, "message": ..., "code": ...} (see <see cref="MetricsErrors"/>).
/// StreamMetrics, our extension, takes {"query": {...}, "pageSize": n} and writes one
/// {"data":...} page per NDJSON line.
/// </summary>
public sealed class TrueFoundryJsonShape : ProtobufJsonShape, IJsonShapeSchema
{
    public const string QueryMetricsMethod = "inference.v1.GatewayMetricsService.QueryMetrics";
    public const string StreamMetricsMethod = "inference.v1.GatewayMetricsService.StreamMetrics";

    public static new readonly TrueFoundryJsonShape Instance = new();

    private TrueFoundryJsonShape()
    {
    }

    public static void Register(GrpcServerOptions options) => options.UseJsonShape(Instance, QueryMetricsMethod, StreamMetricsMethod);

    public JsonShapeSchemas DescribeMethod(string methodFullName) => TrueFoundrySchemas.For(stream: methodFullName == StreamMetricsMethod);

    public override async Task<IMessage> ReadRequestAsync(HttpContext http, HttpRouteMatch match, GrpcServerOptions options)
    {
        try
        {
            return await base.ReadRequestAsync(http, match, options);
        }
        catch (RpcException ex) when (ex.Status.Code == StatusCode.InvalidArgument)
        {
            throw MetricsErrors.Invalid(MetricsErrors.InvalidJson, string.Empty, ex.Status.Message);
        }
    }

    public override Task WriteResponseAsync(HttpContext http, HttpRoute route, IMessage response)
    {
        ArgumentNullException.ThrowIfNull(http);
        var points = response is QueryMetricsResponse query
            ? query.DataPoints
            : throw new InvalidOperationException($"The TrueFoundry JSON shape cannot write {response.Descriptor.FullName}.");
        return JsonReplies.WriteAsync(http, DataPointsJson.Write(points), JsonContentType);
    }

    public override Task WriteStreamMessageAsync(HttpContext http, HttpRoute route, IMessage message)
    {
        ArgumentNullException.ThrowIfNull(http);
        var points = message is StreamMetricsResponse page
            ? page.DataPoints
            : throw new InvalidOperationException($"The TrueFoundry JSON shape cannot stream {message.Descriptor.FullName}.");
        return JsonReplies.WriteLineAsync(http, DataPointsJson.Write(points));
    }

    public override Task WriteErrorAsync(HttpContext http, HttpRoute route, RpcStatus status, bool streamStarted)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(status);
        var httpStatus = HttpStatusMapping.ToHttpStatus(status.Code);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, DataPointsJson.Options))
        {
            writer.WriteStartObject();
            writer.WriteNumber("status", httpStatus);
            writer.WriteString("message", status.Message);
            writer.WriteString("code", MetricsErrors.CodeOf(status));
            writer.WriteEndObject();
        }

        return JsonReplies.WriteErrorAsync(http, buffer.WrittenMemory, httpStatus, JsonContentType, streamStarted);
    }
}
