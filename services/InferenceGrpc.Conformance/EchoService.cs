using Google.Protobuf;
using InferenceGrpc.Conformance.V1;
using InferenceGrpc.Protocol;
using InferenceGrpc.Protocol.AspNetCore;

namespace InferenceGrpc.Conformance;

/// <summary>conformance.v1.EchoService: each method exercises one protocol behaviour.</summary>
public sealed class EchoService(CallReports reports)
{
    private const string EchoPrefix = "x-echo-";

    public Task<EchoResponse> Echo(EchoRequest request, ServerCallContext context)
    {
        foreach (var entry in context.RequestHeaders.Where(e => e.Key.StartsWith(EchoPrefix, StringComparison.Ordinal)))
        {
            var trailerKey = "x-trailer-" + entry.Key[2..];
            context.ResponseHeaders.Add(entry);
            context.ResponseTrailers.Add(entry.IsBinary ? new MetadataEntry(trailerKey, entry.ValueBytes!) : new MetadataEntry(trailerKey, entry.Value!));
        }

        return Task.FromResult(new EchoResponse { Message = request.Message, Payload = request.Payload });
    }

    public async Task ServerStream(ServerStreamRequest request, IServerStreamWriter<ServerStreamResponse> responses, ServerCallContext context)
    {
        var payload = ByteString.CopyFrom(new byte[Math.Max(0, request.PayloadSize)]);
        var sent = 0;
        try
        {
            for (; sent < request.Count; sent++)
            {
                if (request.FailAfter > 0 && sent == request.FailAfter)
                {
                    throw new RpcException(StatusCode.Internal, $"Failed after {sent} messages, as asked.");
                }

                await responses.WriteAsync(new ServerStreamResponse { Index = sent, Payload = payload }, context.CancellationToken);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException)
        {
            reports.Stopped(request.CallId, context, sent);
            throw;
        }

        reports.Completed(request.CallId, sent);
    }

    public async Task<ClientStreamResponse> ClientStream(IAsyncEnumerable<ClientStreamRequest> requests, ServerCallContext context)
    {
        var response = new ClientStreamResponse();
        await foreach (var request in requests)
        {
            response.Sum += request.Value;
            response.Count++;
        }

        return response;
    }

    public async Task BidiEcho(IAsyncEnumerable<BidiEchoRequest> requests, IServerStreamWriter<BidiEchoResponse> responses, ServerCallContext context)
    {
        var index = 0;
        await foreach (var request in requests)
        {
            await responses.WriteAsync(new BidiEchoResponse { Message = request.Message, Index = index++ }, context.CancellationToken);
        }
    }

    public Task<FailResponse> Fail(FailRequest request, ServerCallContext context)
    {
        var code = Enum.IsDefined((StatusCode)request.Code) && request.Code != 0 ? (StatusCode)request.Code : StatusCode.Unknown;
        var badRequest = new Google.Rpc.BadRequest();
        badRequest.FieldViolations.Add(new Google.Rpc.BadRequest.Types.FieldViolation { Field = request.Field, Description = request.Message });
        throw new RpcException(new RpcStatus(code, request.Message, [badRequest]));
    }

    public async Task<SlowResponse> Slow(SlowRequest request, ServerCallContext context)
    {
        var started = DateTime.UtcNow;
        try
        {
            await Task.Delay(request.DelayMs, context.CancellationToken);
        }
        catch (OperationCanceledException)
        {
            reports.Stopped(request.CallId, context, 0);
            throw;
        }

        reports.Completed(request.CallId, 0);
        return new SlowResponse { WaitedMs = (int)(DateTime.UtcNow - started).TotalMilliseconds };
    }

    public Task<GetCallReportResponse> GetCallReport(GetCallReportRequest request, ServerCallContext context) =>
        Task.FromResult(reports.Get(request.CallId));
}
