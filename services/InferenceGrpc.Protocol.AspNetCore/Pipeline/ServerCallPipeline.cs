using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace InferenceGrpc.Protocol.AspNetCore.Pipeline;

/// <summary>
/// The one invocation pipeline every front-end uses: run the method, turn whatever happened into
/// a status, and hand that status to the transport to end the call.
/// </summary>
internal sealed class ServerCallPipeline(
    IOptions<GrpcServerOptions> options, IEnumerable<ICallAuthorizer> authorizers, IHostApplicationLifetime lifetime, ILogger<ServerCallPipeline> logger)
{
    private static readonly RpcStatus Cancelled = new(StatusCode.Cancelled, "Call canceled by the client.");
    private static readonly RpcStatus DeadlineExceeded = new(StatusCode.DeadlineExceeded, "Deadline Exceeded");

    /// <summary>How a stream ends when the server shuts down under it: retryable, resumable.</summary>
    public static readonly RpcStatus ShuttingDown = new(StatusCode.Unavailable, "The server is shutting down; retry, or resume the stream from its last page token.");
    private readonly ICallAuthorizer[] _authorizers = [.. authorizers];

    public async Task RunAsync(ServiceMethodInvoker invoker, IServerCallTransport transport, ServerCallContext context, CallDeadline deadline)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();

        // Graceful shutdown: unary calls run to their end while the host waits; streams, which
        // could outlast any wait, are ended with UNAVAILABLE so clients resume elsewhere.
        using var shutdown = invoker.Descriptor is { IsClientStreaming: true } or { IsServerStreaming: true }
            ? lifetime.ApplicationStopping.Register(deadline.MarkShuttingDown)
            : default;
        var status = await InvokeAsync(invoker, transport, context, deadline).ConfigureAwait(false);
        CallTelemetry.Record(logger, context, status, started);
        try
        {
            await transport.CompleteAsync(status).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or InvalidOperationException)
        {
            GrpcServerLog.CompletionFailed(logger, context.Method, ex);
        }
    }

    private async Task<RpcStatus> InvokeAsync(ServiceMethodInvoker invoker, IServerCallTransport transport, ServerCallContext context, CallDeadline deadline)
    {
        try
        {
            // Health checks are never refused: load balancers carry no credentials, and a
            // NOT_SERVING answer is how an instance says it cannot take calls.
            foreach (var authorizer in IsHealthCheck(context) ? [] : _authorizers)
            {
                if (await authorizer.AuthorizeAsync(context).ConfigureAwait(false) is { } refused)
                {
                    GrpcServerLog.CallRefused(logger, context.Method, refused.Code);
                    return refused;
                }
            }

            await invoker.InvokeAsync(transport, context).ConfigureAwait(false);
            return RpcStatus.Ok;
        }
        catch (RpcException ex)
        {
            foreach (var entry in ex.Trailers)
            {
                context.ResponseTrailers.Add(entry);
            }

            return ex.Status;
        }
        catch (Exception ex) when (deadline.Expired && IsCancellation(ex))
        {
            GrpcServerLog.DeadlineExceeded(logger, context.Method);
            return DeadlineExceeded;
        }
        catch (Exception ex) when (IsCancellation(ex))
        {
            // Not the deadline: the client went away (RequestAborted may not have fired yet when a
            // write finds the stream gone), or the method gave up on its own.
            GrpcServerLog.CallCancelled(logger, context.Method);
            return Cancelled;
        }
        catch (Exception ex) when (Map(ex) is { } mapped)
        {
            GrpcServerLog.HandlerFailedMapped(logger, context.Method, mapped.Code, ex);
            return mapped;
        }
        catch (Exception ex)
        {
            GrpcServerLog.HandlerFailed(logger, context.Method, ex);
            var message = options.Value.EnableDetailedErrors
                ? $"Exception was thrown by handler. {ex.GetType().Name}: {ex.Message}"
                : "Exception was thrown by handler.";
            return new RpcStatus(StatusCode.Unknown, message);
        }
    }

    private RpcStatus? Map(Exception exception)
    {
        foreach (var mapper in options.Value.ExceptionMappers)
        {
            if (mapper(exception) is { } status)
            {
                return status;
            }
        }

        return null;
    }

    private static bool IsHealthCheck(ServerCallContext context) =>
        context.MethodDescriptor?.Service.FullName == global::Grpc.Health.V1.HealthReflection.Descriptor.Services[0].FullName;

    // A client that goes away surfaces as a cancelled token, or as an I/O error from Kestrel. Not
    // InvalidProtocolBufferException, an IOException too: bytes that do not parse are no hang-up.
    private static bool IsCancellation(Exception ex) => IsHangUp(ex) || (ex.InnerException is { } inner && IsHangUp(inner));

    private static bool IsHangUp(Exception ex) => ex is OperationCanceledException || (ex is IOException && ex is not Google.Protobuf.InvalidProtocolBufferException);
}
