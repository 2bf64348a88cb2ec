using Google.Protobuf;
using InferenceGrpc.Protocol.AspNetCore.Pipeline;
using Microsoft.AspNetCore.Http;

namespace InferenceGrpc.Protocol.AspNetCore.Transcoding;

/// <summary>
/// REST as a call transport: the one request message comes from the route binding, responses
/// and errors are written by the route's <see cref="IJsonShape"/>. Server streams become
/// newline-delimited JSON.
/// </summary>
internal sealed class JsonCallTransport(HttpContext http, HttpRouteMatch match, IJsonShape shape, GrpcServerOptions options) : IServerCallTransport
{
    private bool _requestRead;
    private bool _streamStarted;

    public async ValueTask<T?> ReadMessageAsync<T>(MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        if (_requestRead)
        {
            return null;
        }

        _requestRead = true;
        return (T)await shape.ReadRequestAsync(http, match, options).ConfigureAwait(false);
    }

    public async ValueTask WriteMessageAsync(IMessage message, bool flush, CancellationToken cancellationToken)
    {
        if (match.Route.Method.IsServerStreaming)
        {
            _streamStarted = true;
            await shape.WriteStreamMessageAsync(http, match.Route, message).ConfigureAwait(false);
            return;
        }

        await shape.WriteResponseAsync(http, match.Route, message).ConfigureAwait(false);
    }

    public Task CompleteAsync(RpcStatus status)
    {
        if (status.Code == StatusCode.OK)
        {
            // A stream that sent nothing still answers 200 with an empty NDJSON body.
            if (match.Route.Method.IsServerStreaming && !_streamStarted)
            {
                http.Response.ContentType = ProtobufJsonShape.NdjsonContentType;
            }

            return Task.CompletedTask;
        }

        return shape.WriteErrorAsync(http, match.Route, status, _streamStarted);
    }
}
