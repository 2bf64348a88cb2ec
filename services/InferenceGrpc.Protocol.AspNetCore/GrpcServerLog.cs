using Microsoft.Extensions.Logging;

namespace InferenceGrpc.Protocol.AspNetCore;

/// <summary>The protocol layer's log events; the ids are stable.</summary>
internal static partial class GrpcServerLog
{
    [LoggerMessage(EventId = 1, EventName = "HandlerFailed", Level = LogLevel.Error, Message = "Error when executing service method '{Method}'.")]
    public static partial void HandlerFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 2, EventName = "CallCancelled", Level = LogLevel.Debug, Message = "Call '{Method}' was cancelled by the client.")]
    public static partial void CallCancelled(ILogger logger, string method);

    [LoggerMessage(EventId = 3, EventName = "DeadlineExceeded", Level = LogLevel.Debug, Message = "Call '{Method}' exceeded its deadline.")]
    public static partial void DeadlineExceeded(ILogger logger, string method);

    [LoggerMessage(EventId = 4, EventName = "CompletionFailed", Level = LogLevel.Debug, Message = "Could not send the status of call '{Method}'; the client has most likely gone.")]
    public static partial void CompletionFailed(ILogger logger, string method, Exception exception);

    [LoggerMessage(EventId = 6, EventName = "HandlerFailedMapped", Level = LogLevel.Warning, Message = "Service method '{Method}' failed with {Code}.")]
    public static partial void HandlerFailedMapped(ILogger logger, string method, StatusCode code, Exception exception);

    [LoggerMessage(EventId = 5, EventName = "UnimplementedMethod", Level = LogLevel.Debug, Message = "No method is bound to '{Path}'.")]
    public static partial void UnimplementedMethod(ILogger logger, string path);

    [LoggerMessage(EventId = 7, EventName = "CallRefused", Level = LogLevel.Information, Message = "Call '{Method}' was refused with {Code} before it ran.")]
    public static partial void CallRefused(ILogger logger, string method, StatusCode code);

    [LoggerMessage(EventId = 9, EventName = "StreamWriteStalled", Level = LogLevel.Warning, Message = "Call '{Method}' over {Protocol}: the client took no response message for {TimeoutSeconds} s; the stream was reset.")]
    public static partial void StreamWriteStalled(ILogger logger, string method, CallProtocol protocol, double timeoutSeconds);

    [LoggerMessage(EventId = 8, EventName = "CallCompleted", Level = LogLevel.Information, Message = "Call '{Method}' over {Protocol} ended {Code} in {ElapsedMs:0.###} ms (request {RequestId}, trace {TraceId}).")]
    public static partial void CallCompleted(ILogger logger, string method, CallProtocol protocol, StatusCode code, double elapsedMs, string requestId, string traceId);
}
