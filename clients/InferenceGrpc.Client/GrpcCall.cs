using System.IO.Pipelines;
using System.Runtime.ExceptionServices;
using Google.Protobuf;
using InferenceGrpc.Protocol;

namespace InferenceGrpc.Client;

/// <summary>
/// One call's HTTP exchange: send the request, read the response headers, read messages as the
/// caller asks for them, and settle the status from the trailers (or the Trailers-Only headers,
/// or the gRPC-Web trailer frame). Every way a call can end goes through <see cref="Finish"/>,
/// so the status, the trailers and the released connection always agree.
/// </summary>
internal sealed class GrpcCall<TResponse> : IAsyncDisposable
    where TResponse : class, IMessage<TResponse>
{
    private readonly GrpcChannel _channel;
    private readonly string _path;
    private readonly MessageParser<TResponse> _parser;
    private readonly Metadata? _requestHeaders;
    private readonly Func<CancellationToken, HttpContent> _createContent;
    private readonly CallCancellation _cancellation;
    private HttpRequestMessage? _request;
    private HttpResponseMessage? _response;
    private PipeReader? _body;
    private PipeMessageReader? _reader;
    private Metadata? _headers;
    private Metadata? _trailers;
    private RpcStatus? _status;

    public GrpcCall(GrpcChannel channel, string path, MessageParser<TResponse> parser, CallOptions options, Func<CancellationToken, HttpContent> createContent)
    {
        _channel = channel;
        _path = path;
        _parser = parser;
        _requestHeaders = options.Headers;
        _createContent = createContent;
        _cancellation = new CallCancellation(options.EffectiveDeadline(DateTime.UtcNow, channel.DefaultTimeout), options.CancellationToken);
    }

    /// <summary>The response headers; empty when the call failed before any arrived.</summary>
    public Metadata ResponseHeaders => _headers ?? new Metadata();

    public Metadata Trailers => _trailers ?? throw new InvalidOperationException("The call has not ended yet: trailers arrive with its status.");

    public RpcStatus Status => _status ?? throw new InvalidOperationException("The call has not ended yet.");

    /// <summary>Sends the request and waits for the response headers.</summary>
    public async Task<Metadata> StartAsync()
    {
        if (_cancellation.DeadlineAlreadyPassed)
        {
            throw Finish(new RpcStatus(StatusCode.DeadlineExceeded, "Deadline Exceeded"));
        }

        try
        {
            _request = RequestFactory.Create(_channel, _path, _createContent(_cancellation.Token), _requestHeaders, _cancellation.Deadline);
            _response = await _channel.HttpClient.SendAsync(_request, HttpCompletionOption.ResponseHeadersRead, _cancellation.Token);
        }
        catch (Exception ex) when (ex is not ArgumentException)
        {
            throw Fail(ex);
        }

        return await ReadHeadersAsync(_response);
    }

    /// <summary>The next response message, or null once the call has ended OK.</summary>
    /// <exception cref="RpcException">The call ended with any other status.</exception>
    public async ValueTask<TResponse?> ReadNextAsync()
    {
        // Checked first so a cancelled call stops even when messages are already buffered.
        if (_status is null && _cancellation.Status is { } stopped)
        {
            throw Finish(stopped);
        }

        if (_status is { } status)
        {
            return status.Code == StatusCode.OK ? null : throw new RpcException(status, _trailers);
        }

        TResponse? message;
        try
        {
            message = await _reader!.ReadAsync(_parser, _cancellation.Token);
        }
        catch (Exception ex)
        {
            throw Fail(ex);
        }

        return message ?? ReadTrailers();
    }

    /// <summary>Reads the one response of a unary or client-streaming call, to the end of the call.</summary>
    public async Task<CallResult<TResponse>> ReadSingleAsync()
    {
        await StartAsync();
        var response = await ReadNextAsync()
            ?? throw Finish(new RpcStatus(StatusCode.Internal, "The server ended the call OK without sending a response message."), _trailers);
        if (await ReadNextAsync() is not null)
        {
            throw Finish(new RpcStatus(StatusCode.Internal, "The server sent more than one response message to a call that expects one."));
        }

        return new CallResult<TResponse>(response, ResponseHeaders, Trailers, Status);
    }

    /// <summary>Stops the call as the caller's own cancellation does.</summary>
    public void Cancel() => _cancellation.CancelByCaller();

    public ValueTask DisposeAsync()
    {
        if (_status is null)
        {
            // Abandoned mid-call: resetting the stream tells the server to stop working for us.
            Finish(new RpcStatus(StatusCode.Cancelled, "The call was disposed before it ended."));
        }

        _cancellation.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task<Metadata> ReadHeadersAsync(HttpResponseMessage response)
    {
        var pairs = ResponseHeaderReader.Pairs(response.Headers);
        _headers = ResponseHeaderReader.ToMetadata(pairs);
        var headerStatus = ResponseHeaderReader.ReadStatus(pairs, _channel.StatusDetailTypes);
        if ((int)response.StatusCode != 200)
        {
            // A grpc-status, when present, must win over the HTTP status (http-grpc-status-mapping.md).
            throw Finish(headerStatus ?? HttpStatusMapping.ToStatus((int)response.StatusCode), _headers);
        }

        if (headerStatus is not null)
        {
            // Trailers-Only: the one header block is also the trailers. The status is raised
            // when the caller reads, so the headers stay available either way.
            Finish(headerStatus, _headers);
            return _headers;
        }

        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (mediaType is null || !mediaType.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase))
        {
            throw Finish(new RpcStatus(HttpStatusMapping.ToStatusCode(200), $"Bad gRPC response: content-type '{mediaType}' is not gRPC, and no grpc-status was sent."), _headers);
        }

        try
        {
            var stream = await response.Content.ReadAsStreamAsync(_cancellation.Token);
            _body = PipeReader.Create(stream);
        }
        catch (Exception ex)
        {
            throw Fail(ex);
        }

        var encoding = response.Headers.TryGetValues(GrpcHeaderNames.Encoding, out var values) ? values.FirstOrDefault() : null;
        _reader = new PipeMessageReader(_body, _channel.MaxReceiveMessageSize, encoding);
        return _headers;
    }

    private TResponse? ReadTrailers()
    {
        // HttpClient fills TrailingHeaders only once the body was read to its end, as it now is.
        var pairs = _reader!.TrailerBlock is { } block
            ? GrpcWebTrailerBlock.Parse(block)
            : ResponseHeaderReader.Pairs(_response!.TrailingHeaders);
        var trailers = ResponseHeaderReader.ToMetadata(pairs);
        var status = ResponseHeaderReader.ReadStatus(pairs, _channel.StatusDetailTypes)
            ?? new RpcStatus(HttpStatusMapping.ToStatusCode(200), "The response ended without a grpc-status.");
        var exception = Finish(status, trailers);
        return status.Code == StatusCode.OK ? null : throw exception;
    }

    private RpcException Fail(Exception exception)
    {
        if (_request?.Content is IStreamingRequestBody { Error: { } sendError })
        {
            Finish(sendError as RpcException is { } rpc ? rpc.Status : new RpcStatus(StatusCode.Cancelled, "The request stream failed: " + sendError.Message));
            ExceptionDispatchInfo.Throw(sendError);
        }

        var status = _cancellation.Status ?? exception switch
        {
            // The wire library calls bad protobuf INVALID_ARGUMENT, as on the server the peer sent
            // it; here the peer is the server, so the fault is INTERNAL (statuscodes.md).
            RpcException { StatusCode: StatusCode.InvalidArgument } rpc => new RpcStatus(StatusCode.Internal, rpc.Status.Message),
            RpcException rpc => rpc.Status,
            _ => TransportErrors.ToStatus(exception),
        };
        return Finish(status);
    }

    private RpcException Finish(RpcStatus status, Metadata? trailers = null)
    {
        _status = status;
        _trailers = trailers ?? new Metadata();

        // Stop anything still moving: a request body still being sent, a response not read to its end.
        _cancellation.Abort();

        Release();
        return new RpcException(status, _trailers);
    }

    private void Release()
    {
        _body?.Complete();
        _response?.Dispose();
        _request?.Dispose();
    }
}
