using System.Buffers;
using System.Buffers.Text;
using System.IO.Pipelines;

namespace InferenceGrpc.Protocol.AspNetCore.Grpc;

/// <summary>
/// The base64 body of gRPC-Web text mode. A body may hold several independently padded chunks
/// (PROTOCOL-WEB.md), so it is decoded one padded chunk at a time rather than as one string.
/// </summary>
internal static class GrpcWebText
{
    /// <summary>Reads and decodes a whole text-mode request body, up to <paramref name="maxBytes"/>.</summary>
    public static async Task<byte[]> ReadRequestAsync(PipeReader body, int maxBytes, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await body.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (result.Buffer.Length > maxBytes)
            {
                body.AdvanceTo(result.Buffer.End);
                throw new RpcException(StatusCode.ResourceExhausted, $"The gRPC-Web text request is larger than {maxBytes} bytes.");
            }

            if (result.IsCompleted)
            {
                var text = result.Buffer.ToArray();
                body.AdvanceTo(result.Buffer.End);
                return Decode(text);
            }

            body.AdvanceTo(result.Buffer.Start, result.Buffer.End);
        }
    }

    /// <exception cref="RpcException">INVALID_ARGUMENT when the body is not base64.</exception>
    public static byte[] Decode(ReadOnlySpan<byte> text)
    {
        var output = new ArrayBufferWriter<byte>(text.Length * 3 / 4 + 3);
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            // A chunk ends after its padding; the next chunk starts at the next non-'=' byte.
            var endsChunk = text[i] == (byte)'=' && (i + 1 == text.Length || text[i + 1] != (byte)'=');
            if (endsChunk || i + 1 == text.Length)
            {
                DecodeChunk(text[start..(i + 1)], output);
                start = i + 1;
            }
        }

        return output.WrittenSpan.ToArray();
    }

    /// <summary>Encodes bytes as one base64 chunk straight into the response.</summary>
    public static void Encode(ReadOnlySpan<byte> data, IBufferWriter<byte> output)
    {
        var span = output.GetSpan(Base64.GetMaxEncodedToUtf8Length(data.Length));
        Base64.EncodeToUtf8(data, span, out _, out var written);
        output.Advance(written);
    }

    private static void DecodeChunk(ReadOnlySpan<byte> chunk, ArrayBufferWriter<byte> output)
    {
        var span = output.GetSpan(Base64.GetMaxDecodedFromUtf8Length(chunk.Length));
        if (Base64.DecodeFromUtf8(chunk, span, out _, out var written) != OperationStatus.Done)
        {
            throw new RpcException(StatusCode.InvalidArgument, "The gRPC-Web text request body is not valid base64.");
        }

        output.Advance(written);
    }
}
