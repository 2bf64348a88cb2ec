namespace InferenceGrpc.Protocol.AspNetCore;

/// <summary>
/// Sends the messages of a streaming response. Each write is flushed and completes only when the
/// transport has taken the message, so awaiting it is the backpressure point: a slow client slows
/// the producer instead of growing server memory. One write at a time.
/// </summary>
public interface IServerStreamWriter<in T>
{
    ValueTask WriteAsync(T message, CancellationToken cancellationToken = default);
}
