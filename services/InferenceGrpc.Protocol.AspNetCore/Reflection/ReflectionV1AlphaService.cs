using Google.Protobuf;
using Alpha = Grpc.Reflection.V1Alpha;
using V1 = Grpc.Reflection.V1;

namespace InferenceGrpc.Protocol.AspNetCore.Reflection;

/// <summary>
/// grpc.reflection.v1alpha, which older tools still ask for. Its messages are the v1 messages
/// byte for byte, so each request is re-read as v1, answered by <see cref="ReflectionService"/>,
/// and the answer re-read as v1alpha: one implementation, two package names.
/// </summary>
public sealed class ReflectionV1AlphaService
{
    private readonly ReflectionService _v1;

    internal ReflectionV1AlphaService(ReflectionService v1) => _v1 = v1;

    public async Task ServerReflectionInfo(IAsyncEnumerable<Alpha.ServerReflectionRequest> requests, IServerStreamWriter<Alpha.ServerReflectionResponse> responses, ServerCallContext context)
    {
        await foreach (var request in requests.WithCancellation(context.CancellationToken).ConfigureAwait(false))
        {
            var answer = _v1.Answer(V1.ServerReflectionRequest.Parser.ParseFrom(request.ToByteString()));
            await responses.WriteAsync(Alpha.ServerReflectionResponse.Parser.ParseFrom(answer.ToByteString()), context.CancellationToken).ConfigureAwait(false);
        }
    }
}
