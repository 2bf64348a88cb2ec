using System.Buffers;
using System.IO.Pipelines;
using Google.Protobuf;

namespace InferenceGrpc.Protocol;

/// <summary>
/// Reads length-prefixed messages from a pipe: the request body on the server, the response body
/// on the client. Stops at the end of the body or at a gRPC-Web trailer block, whose raw bytes it
/// keeps in <see cref="TrailerBlock"/>. Bytes that do not frame or decode get
/// <paramref name="malformedCode"/>: INTERNAL when a server sent them (gRPC's rule for clients),
/// INVALID_ARGUMENT when they are a caller's request, which is bad input and not our failure.
/// </summary>
public sealed class PipeMessageReader(PipeReader reader, int maxMessageSize, string? encoding, StatusCode malformedCode = StatusCode.Internal)
{
    private bool _finished;

    /// <summary>The payload of a gRPC-Web trailer frame, once one was read.</summary>
    public byte[]? TrailerBlock { get; private set; }

    /// <summary>The next message, or null at the end of the stream.</summary>
    /// <exception cref="RpcException">A malformed, oversized or undecodable frame.</exception>
    public async ValueTask<T?> ReadAsync<T>(MessageParser<T> parser, CancellationToken cancellationToken)
        where T : class, IMessage<T>
    {
        if (_finished)
        {
            return null;
        }

        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            bool complete;
            byte flags;
            ReadOnlySequence<byte> payload;
            try
            {
                complete = MessageFraming.TryReadFrame(ref buffer, maxMessageSize, out flags, out payload);
            }
            catch (RpcException)
            {
                // Every ReadAsync needs its AdvanceTo: a pipe left mid-read cannot be drained by the
                // server afterwards, and an HTTP/1.1 client then sees its upload cut off.
                _finished = true;
                reader.AdvanceTo(buffer.Start);
                throw;
            }

            if (complete)
            {
                try
                {
                    return Decode(parser, flags, payload);
                }
                finally
                {
                    reader.AdvanceTo(buffer.Start);
                }
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                _finished = true;
                var leftover = buffer.Length;
                reader.AdvanceTo(buffer.End);
                if (leftover > 0)
                {
                    throw new RpcException(malformedCode, "Incomplete message: the stream ended inside a frame.");
                }

                return null;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private T? Decode<T>(MessageParser<T> parser, byte flags, ReadOnlySequence<byte> payload)
        where T : class, IMessage<T>
    {
        if ((flags & MessageFraming.TrailersFlag) != 0)
        {
            TrailerBlock = payload.ToArray();
            _finished = true;
            return null;
        }

        if ((flags & MessageFraming.CompressedFlag) != 0)
        {
            if (encoding != GzipCompression.Name)
            {
                // gRPC's compression spec: an encoding we lack is UNIMPLEMENTED; none at all is a malformed message.
                var code = string.IsNullOrEmpty(encoding) || encoding == "identity" ? malformedCode : StatusCode.Unimplemented;
                throw new RpcException(code, "A compressed message arrived without a supported grpc-encoding.");
            }

            return Parse(parser, new ReadOnlySequence<byte>(GzipCompression.Decompress(payload, maxMessageSize, malformedCode)));
        }

        return Parse(parser, payload);
    }

    private static T Parse<T>(MessageParser<T> parser, ReadOnlySequence<byte> payload)
        where T : class, IMessage<T>
    {
        try
        {
            return parser.ParseFrom(payload);
        }
        catch (Exception ex) when (ex is InvalidProtocolBufferException or ArgumentException)
        {
            // The message is the peer's input, so this is a bad argument rather than our fault.
            // Google.Protobuf (3.25) throws ArgumentOutOfRangeException for some malformed unknown fields.
            throw new RpcException(StatusCode.InvalidArgument, "The message is not valid protobuf for its type: " + ex.Message);
        }
    }
}
