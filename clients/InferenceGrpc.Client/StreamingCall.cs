using Google.Protobuf;
using InferenceGrpc.Protocol;

namespace InferenceGrpc.Client;

/// <summary>
/// A call whose responses stream: enumerate it once with <c>await foreach</c>. The request is
/// sent as soon as the call is made. Leaving the loop early (break, an exception) or disposing
/// the call resets the HTTP/2 stream, so the server stops too.
/// </summary>
/// <typeparam name="TResponse">The response message type.</typeparam>
public sealed class StreamingCall<TResponse> : IAsyncEnumerable<TResponse>, IAsyncDisposable
    where TResponse : class, IMessage<TResponse>
{
    private readonly GrpcCall<TResponse> _call;
    private readonly Task<Metadata> _started;
    private int _enumerated;

    internal StreamingCall(GrpcCall<TResponse> call)
    {
        _call = call;
        _started = call.StartAsync();

        // A call that fails while nobody awaits its headers (the caller only enumerates, or just
        // disposes) must not surface later as an unobserved task exception.
        _started.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    /// <summary>
    /// The response headers, once they arrive. Faults with <see cref="RpcException"/> when the call
    /// fails before any arrive. For a Trailers-Only response these are the trailers.
    /// </summary>
    public Task<Metadata> ResponseHeadersAsync() => _started;

    /// <summary>The trailers, once the call has ended (after enumeration, or after it threw).</summary>
    /// <exception cref="InvalidOperationException">The call has not ended yet.</exception>
    public Metadata Trailers => _call.Trailers;

    /// <summary>The final status, once the call has ended.</summary>
    /// <exception cref="InvalidOperationException">The call has not ended yet.</exception>
    public RpcStatus Status => _call.Status;

    /// <summary>Cancels the call: the stream is reset, and enumeration throws CANCELLED.</summary>
    public void Cancel() => _call.Cancel();

    /// <summary>Reads the responses as they arrive.</summary>
    /// <param name="cancellationToken">Cancels the call, as <see cref="Cancel"/> does.</param>
    /// <exception cref="RpcException">The call ended with a status other than OK.</exception>
    /// <exception cref="InvalidOperationException">The call is enumerated a second time.</exception>
    public IAsyncEnumerator<TResponse> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        // Checked here, not inside the iterator, so a second enumeration fails at once.
        if (Interlocked.Exchange(ref _enumerated, 1) == 1)
        {
            throw new InvalidOperationException("A streaming call's responses can be enumerated only once.");
        }

        return EnumerateAsync(cancellationToken);
    }

    /// <summary>Ends the call if it is still running (resetting the stream) and releases its connection.</summary>
    public ValueTask DisposeAsync() => _call.DisposeAsync();

    private async IAsyncEnumerator<TResponse> EnumerateAsync(CancellationToken cancellationToken)
    {
        using var registration = cancellationToken.Register(static call => ((GrpcCall<TResponse>)call!).Cancel(), _call);
        try
        {
            await _started;
            while (await _call.ReadNextAsync() is { } response)
            {
                yield return response;
            }
        }
        finally
        {
            await _call.DisposeAsync();
        }
    }
}
