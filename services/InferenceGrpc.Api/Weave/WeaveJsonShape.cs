using Google.Protobuf;
using InferenceGrpc.Api.Formatting;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Protocol;
using InferenceGrpc.Protocol.AspNetCore;
using InferenceGrpc.Protocol.AspNetCore.OpenApi;
using InferenceGrpc.Protocol.AspNetCore.Transcoding;
using Microsoft.AspNetCore.Http;

namespace InferenceGrpc.Api.Weave;

/// <summary>
/// The REST JSON of Weave's eval_results query on the EvaluationResultService methods: bodies
/// read as its FastAPI model reads them (422 {"detail": [...]} on bad input), replies written as
/// its server writes them, other errors as {"reason": "..."} with Weave's statuses, and 500
/// always "Internal server error". StreamEvalResults, our extension, writes each page as one
/// NDJSON line of the same shape.
/// </summary>
public sealed class WeaveJsonShape : IJsonShape, IJsonShapeSchema
{
    public const string QueryMethod = "inference.v1.EvaluationResultService.QueryEvalResults";
    public const string StreamMethod = "inference.v1.EvaluationResultService.StreamEvalResults";

    /// <summary>FastAPI's JSONResponse header.</summary>
    public const string JsonContentType = "application/json";

    public static readonly WeaveJsonShape Instance = new();

    // Kept from reading the request to writing its reply or error.
    private static readonly object IncludeCostsKey = new();
    private static readonly object ValidationErrorsKey = new();
    private static readonly object TooLargeKey = new();

    private WeaveJsonShape()
    {
    }

    /// <summary>Serves both EvaluationResultService methods with this shape.</summary>
    public static void Register(GrpcServerOptions options) => options.UseJsonShape(Instance, QueryMethod, StreamMethod);

    public JsonShapeSchemas DescribeMethod(string methodFullName) => WeaveSchemas.For(stream: methodFullName == StreamMethod);

    public async Task<IMessage> ReadRequestAsync(HttpContext http, HttpRouteMatch match, GrpcServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(options);
        try
        {
            var body = await WeaveRequestBody.ReadAsync(http, options.MaxBufferedRequestBytes);
            IMessage request;
            EvalResultsQuery query;
            if (match.Route.Method.FullName == StreamMethod)
            {
                var stream = WeaveRequestReader.ReadStream(body);
                (request, query) = (stream, stream.Query);
            }
            else
            {
                var unary = WeaveRequestReader.ReadQuery(body);
                (request, query) = (unary, unary.Query);
            }

            query.Entity = PathValue(match, "query.entity");
            query.Project = PathValue(match, "query.project");
            http.Items[IncludeCostsKey] = query.IncludeCosts;
            return request;
        }
        catch (RequestValidationException invalid)
        {
            http.Items[ValidationErrorsKey] = invalid.Errors;
            throw new RpcException(StatusCode.InvalidArgument, invalid.Message);
        }
        catch (RequestTooLargeException)
        {
            http.Items[TooLargeKey] = true;
            throw new RpcException(StatusCode.ResourceExhausted, "Request too large");
        }
    }

    public Task WriteResponseAsync(HttpContext http, HttpRoute route, IMessage response)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (response is not QueryEvalResultsResponse reply)
        {
            throw new InvalidOperationException($"The Weave JSON shape cannot write {response.Descriptor.FullName}.");
        }

        var json = WeaveResponseWriter.Write(reply.Rows, reply.TotalRows, reply.Summary, reply.Warnings, IncludeCosts(http));
        return JsonReplies.WriteAsync(http, json, JsonContentType);
    }

    public Task WriteStreamMessageAsync(HttpContext http, HttpRoute route, IMessage message)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (message is not StreamEvalResultsResponse page)
        {
            throw new InvalidOperationException($"The Weave JSON shape cannot stream {message.Descriptor.FullName}.");
        }

        return JsonReplies.WriteLineAsync(http, WeaveResponseWriter.Write(page.Rows, page.TotalRows, page.Summary, page.Warnings, IncludeCosts(http)));
    }

    public Task WriteErrorAsync(HttpContext http, HttpRoute route, RpcStatus status, bool streamStarted)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(status);
        var (httpStatus, body) = http.Items.TryGetValue(ValidationErrorsKey, out var errors) && errors is IReadOnlyList<PydanticError> detail
            ? (StatusCodes.Status422UnprocessableEntity, WeaveErrorWriter.Detail(detail))
            : WeaveErrorWriter.Reason(status, http.Items.ContainsKey(TooLargeKey));
        return JsonReplies.WriteErrorAsync(http, body, httpStatus, JsonContentType, streamStarted);
    }

    private static string PathValue(HttpRouteMatch match, string field) =>
        match.PathValues.FirstOrDefault(p => p.Key == field).Value ?? string.Empty;

    private static bool IncludeCosts(HttpContext http) => http.Items.TryGetValue(IncludeCostsKey, out var value) && value is true;
}
