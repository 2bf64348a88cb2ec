using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Google.Protobuf;
using InferenceGrpc.Protocol.AspNetCore.Pipeline;
using Microsoft.AspNetCore.Http;

namespace InferenceGrpc.Protocol.AspNetCore.Grpc;

/// <summary>
/// gRPC and gRPC-Web on Kestrel's pipes. The three modes share framing and differ only at the
/// edges: gRPC ends with HTTP/2 trailers (or Trailers-Only headers when nothing was sent);
/// gRPC-Web ends with a 0x80 trailer frame in the body; text mode base64-encodes each flushed
/// piece and decodes the request as padded chunks.
/// </summary>
internal sealed class GrpcCallTransport : IServerCallTransport
{
    private readonly HttpContext _http;
    private readonly ServerCallContext _context;
    private readonly GrpcServerOptions _options;
    private readonly CallProtocol _protocol;
    private readonly bool _compressResponses;
    private PipeMessageReader? _reader;
    private bool _responseStarted;

    public GrpcCallTransport(HttpContext http, ServerCallContext context, GrpcServerOptions options)
    {
        _http = http;
        _context = context;
        _options = options;
        _protocol = context.Protocol;
        _compressResponses = options.CompressResponses
            && _protocol == CallProtocol.Grpc
            && GzipCompression.IsAccepted(http.Request.Headers["grpc-accept-encoding"]);
    }

    public async ValueTask<T?> ReadMessageAsync<T>(MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        _reader ??= await CreateReaderAsync(cancellationToken).ConfigureAwait(false);
        return await _reader.ReadAsync(parser, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask WriteMessageAsync(IMessage message, bool flush, CancellationToken cancellationToken)
    {
        StartResponse();
        var body = _http.Response.BodyWriter;
        if (_protocol == CallProtocol.GrpcWebText)
        {
            var frame = new ArrayBufferWriter<byte>();
            MessageFraming.WriteMessage(frame, message, compress: false, _options.MaxSendMessageSize);
            GrpcWebText.Encode(frame.WrittenSpan, body);
        }
        else
        {
            var compress = _compressResponses && message.CalculateSize() >= _options.ResponseCompressionMinBytes;
            MessageFraming.WriteMessage(body, message, compress, _options.MaxSendMessageSize);
        }

        if (flush)
        {
            // After the client resets the stream, Kestrel completes flushes without throwing and
            // RequestAborted fires later; without this check a producer spins through no-op writes.
            var result = await body.FlushAsync(cancellationToken).ConfigureAwait(false);
            if (result.IsCanceled || result.IsCompleted)
            {
                throw new OperationCanceledException("The client is no longer reading the response.", cancellationToken);
            }
        }
    }

    public async Task CompleteAsync(RpcStatus status)
    {
        if (_protocol == CallProtocol.Grpc)
        {
            CompleteGrpc(status);
            return;
        }

        StartResponse();
        var block = new StringBuilder();
        StatusHeaders.Write(status, _context.ResponseTrailers, (key, value) => block.Append(key).Append(": ").Append(value).Append("\r\n"));
        var payload = Encoding.ASCII.GetBytes(block.ToString());
        var frame = new byte[MessageFraming.HeaderSize + payload.Length];
        MessageFraming.WriteHeader(frame, MessageFraming.TrailersFlag, payload.Length);
        payload.CopyTo(frame, MessageFraming.HeaderSize);

        var body = _http.Response.BodyWriter;
        if (_protocol == CallProtocol.GrpcWebText)
        {
            GrpcWebText.Encode(frame, body);
        }
        else
        {
            body.Write(frame);
        }

        await body.FlushAsync(_http.RequestAborted).ConfigureAwait(false);
    }

    private void CompleteGrpc(RpcStatus status)
    {
        if (!_responseStarted)
        {
            // Trailers-Only: one HEADERS frame that ends the stream, with the status in it.
            _http.Response.ContentType = GrpcContentTypes.Grpc;
            AddMetadata(_context.ResponseHeaders, _http.Response.Headers);
            StatusHeaders.Write(status, _context.ResponseTrailers, (key, value) => _http.Response.Headers.Append(key, value));
            return;
        }

        StatusHeaders.Write(status, _context.ResponseTrailers, (key, value) => _http.Response.AppendTrailer(key, value));
    }

    private void StartResponse()
    {
        if (_responseStarted)
        {
            return;
        }

        _responseStarted = true;
        var headers = _http.Response.Headers;
        _http.Response.ContentType = GrpcContentTypes.ResponseContentType(_protocol);
        headers["grpc-accept-encoding"] = GzipCompression.AcceptEncoding;
        if (_compressResponses)
        {
            headers["grpc-encoding"] = GzipCompression.Name;
        }

        AddMetadata(_context.ResponseHeaders, headers);
    }

    private static void AddMetadata(Metadata metadata, IHeaderDictionary headers)
    {
        foreach (var entry in metadata)
        {
            headers.Append(entry.Key, entry.ToWireValue());
        }
    }

    private async Task<PipeMessageReader> CreateReaderAsync(CancellationToken cancellationToken)
    {
        var body = _http.Request.BodyReader;
        if (_protocol == CallProtocol.GrpcWebText)
        {
            var decoded = await GrpcWebText.ReadRequestAsync(body, _options.MaxBufferedRequestBytes, cancellationToken).ConfigureAwait(false);
            body = PipeReader.Create(new ReadOnlySequence<byte>(decoded));
        }

        string? encoding = _http.Request.Headers["grpc-encoding"];
        return new PipeMessageReader(body, _options.MaxReceiveMessageSize, encoding, malformedCode: StatusCode.InvalidArgument);
    }
}
