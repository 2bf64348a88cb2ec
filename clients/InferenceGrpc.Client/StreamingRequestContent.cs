using System.Buffers;
using System.Net;
using Google.Protobuf;
using InferenceGrpc.Protocol;

namespace InferenceGrpc.Client;

/// <summary>
/// A request body that streams: each message of the caller's sequence becomes one frame, written
/// as soon as the sequence yields it. Over HTTP/2 HttpClient sends this while the response is
/// being read, which is what makes client-streaming and duplex calls possible.
/// </summary>
internal sealed class StreamingRequestContent<TRequest> : HttpContent, IStreamingRequestBody
    where TRequest : class, IMessage<TRequest>
{
    private readonly IAsyncEnumerable<TRequest> _requests;
    private readonly bool _compress;
    private readonly int _maxSendMessageSize;
    private readonly CancellationToken _callToken;

    public StreamingRequestContent(IAsyncEnumerable<TRequest> requests, bool compress, int maxSendMessageSize, CancellationToken callToken)
    {
        _requests = requests;
        _compress = compress;
        _maxSendMessageSize = maxSendMessageSize;
        _callToken = callToken;
    }

    /// <inheritdoc />
    public Exception? Error { get; private set; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _callToken);
        var token = linked.Token;
        var frame = new ArrayBufferWriter<byte>();
        var enumerator = _requests.GetAsyncEnumerator(token);
        try
        {
            while (true)
            {
                var next = enumerator.MoveNextAsync();
                if (!next.IsCompleted)
                {
                    // Flush only when the sequence makes us wait: a duplex peer sees every message
                    // promptly, and a bulk upload still fills whole DATA frames.
                    await stream.FlushAsync(token);
                }

                if (!await Observe(next, token))
                {
                    break;
                }

                frame.ResetWrittenCount();
                try
                {
                    MessageFraming.WriteMessage(frame, enumerator.Current, _compress, _maxSendMessageSize);
                }
                catch (RpcException ex)
                {
                    Error = ex;
                    throw;
                }

                await stream.WriteAsync(frame.WrittenMemory, token);
            }

            await stream.FlushAsync(token);
        }
        finally
        {
            await enumerator.DisposeAsync();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = -1;
        return false;
    }

    private async ValueTask<bool> Observe(ValueTask<bool> next, CancellationToken token)
    {
        try
        {
            return await next;
        }
        catch (Exception ex) when (!token.IsCancellationRequested)
        {
            // The caller's own sequence failed; stopping because the call stopped is no error of theirs.
            Error = ex;
            throw;
        }
    }
}
