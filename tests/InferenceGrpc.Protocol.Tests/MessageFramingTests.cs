using System.Buffers;
using Google.Protobuf;
using InferenceGrpc.Conformance.V1;
using InferenceGrpc.Protocol;

namespace InferenceGrpc.Protocol.Tests;

public class MessageFramingTests
{
    [Fact]
    public void WriteMessage_Uncompressed_PrefixesFlagAndBigEndianLength()
    {
        // Arrange
        var output = new ArrayBufferWriter<byte>();
        var message = new EchoRequest { Message = "hi" };

        // Act
        var size = MessageFraming.WriteMessage(output, message, compress: false);

        // Assert
        Assert.Equal(4, size);
        Assert.Equal(new byte[]
        {
            0x00, // not compressed
            0x00, 0x00, 0x00, 0x04, // length 4
            0x0A, 0x02, (byte)'h', (byte)'i', // field 1, length 2, "hi"
        }, output.WrittenSpan.ToArray());
    }

    [Theory]
    [InlineData(100)]
    [InlineData(65_536)] // one contiguous span, larger than a pipe's 4 KiB block
    [InlineData(1_500_000)] // above the contiguous limit: written block by block
    public async Task WriteMessage_IntoAPipe_ProducesThePrefixAndTheSerializedMessage(int payloadSize)
    {
        // Arrange
        var pipe = new System.IO.Pipelines.Pipe();
        var message = new EchoRequest { Message = new string('x', payloadSize) };
        var expected = message.ToByteArray();

        // Act
        var size = MessageFraming.WriteMessage(pipe.Writer, message, compress: false);
        await pipe.Writer.CompleteAsync();
        var written = (await pipe.Reader.ReadAsync()).Buffer;

        // Assert
        Assert.Equal(expected.Length, size);
        Assert.Equal(MessageFraming.HeaderSize + expected.Length, written.Length);
        var frame = written;
        Assert.True(MessageFraming.TryReadFrame(ref frame, int.MaxValue, out var flags, out var payload));
        Assert.Equal(0, flags);
        Assert.Equal(expected, payload.ToArray());
    }

    [Fact]
    public void TryReadFrame_SplitAcrossSegments_Reassembles()
    {
        // Arrange: the header itself is split, as HTTP/2 DATA frames may split it.
        var buffer = Sequence([0x00, 0x00, 0x00], [0x00, 0x03, 0x01], [0x02, 0x03, 0xFF]);

        // Act
        var complete = MessageFraming.TryReadFrame(ref buffer, 100, out var flags, out var payload);

        // Assert
        Assert.True(complete);
        Assert.Equal(0, flags);
        Assert.Equal(new byte[] { 1, 2, 3 }, payload.ToArray());
        Assert.Equal(new byte[] { 0xFF }, buffer.ToArray());
    }

    [Fact]
    public void TryReadFrame_IncompletePayload_ReturnsFalseAndKeepsBuffer()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { 0x00, 0x00, 0x00, 0x00, 0x05, 0x01 });

        Assert.False(MessageFraming.TryReadFrame(ref buffer, 100, out _, out _));
        Assert.Equal(6, buffer.Length);
    }

    [Fact]
    public void TryReadFrame_DeclaredLengthOverLimit_ThrowsResourceExhaustedBeforeBuffering()
    {
        // Only the 5-byte header has arrived; the limit is enforced from it alone.
        var buffer = new ReadOnlySequence<byte>(new byte[] { 0x00, 0x00, 0x40, 0x00, 0x01 });

        var ex = Assert.Throws<RpcException>(() => MessageFraming.TryReadFrame(ref buffer, 4 * 1024 * 1024, out _, out _));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public void TryReadFrame_TrailerBlockDeclaring4GiB_ThrowsResourceExhaustedInsteadOfOverflowing()
    {
        // A fuzzer found this: 5 + 0xFFFFFFFF wrapped around in uint arithmetic and Slice threw.
        var buffer = new ReadOnlySequence<byte>(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x0A, 0x04 });

        var ex = Assert.Throws<RpcException>(() => MessageFraming.TryReadFrame(ref buffer, 4 * 1024 * 1024, out _, out _));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public void TryReadFrame_TrailerBlockWithinItsBound_IsReadOverASmallMessageLimit()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { MessageFraming.TrailersFlag, 0x00, 0x00, 0x00, 0x03, 0x61, 0x3A, 0x62 });

        var complete = MessageFraming.TryReadFrame(ref buffer, 1, out var flags, out var payload);

        Assert.True(complete);
        Assert.Equal(MessageFraming.TrailersFlag, flags);
        Assert.Equal(3, payload.Length);
    }

    [Fact]
    public void WriteMessage_Compressed_RoundTripsThroughDecompress()
    {
        var output = new ArrayBufferWriter<byte>();
        var message = new EchoRequest { Message = new string('a', 10_000) };

        MessageFraming.WriteMessage(output, message, compress: true);
        var buffer = new ReadOnlySequence<byte>(output.WrittenMemory);
        MessageFraming.TryReadFrame(ref buffer, int.MaxValue, out var flags, out var payload);
        var decoded = EchoRequest.Parser.ParseFrom(GzipCompression.Decompress(payload, int.MaxValue));

        Assert.Equal(MessageFraming.CompressedFlag, flags);
        Assert.True(payload.Length < 1000);
        Assert.Equal(message, decoded);
    }

    [Fact]
    public void Decompress_InflatesPastLimit_ThrowsResourceExhausted()
    {
        var output = new ArrayBufferWriter<byte>();
        MessageFraming.WriteMessage(output, new EchoRequest { Message = new string('a', 100_000) }, compress: true);
        var buffer = new ReadOnlySequence<byte>(output.WrittenMemory);
        MessageFraming.TryReadFrame(ref buffer, int.MaxValue, out _, out var payload);

        var ex = Assert.Throws<RpcException>(() => GzipCompression.Decompress(payload, 1000));

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    private static ReadOnlySequence<byte> Sequence(params byte[][] segments)
    {
        var first = new Segment(segments[0], 0);
        var last = first;
        foreach (var segment in segments.Skip(1))
        {
            last = last.Append(segment);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(byte[] data, long runningIndex)
        {
            Memory = data;
            RunningIndex = runningIndex;
        }

        public Segment Append(byte[] data)
        {
            var next = new Segment(data, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
