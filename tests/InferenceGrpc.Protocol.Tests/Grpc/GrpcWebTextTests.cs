using System.Buffers;
using System.Text;
using InferenceGrpc.Protocol.AspNetCore;
using InferenceGrpc.Protocol.AspNetCore.Grpc;

namespace InferenceGrpc.Protocol.Tests.Grpc;

public class GrpcWebTextTests
{
    [Fact]
    public void Decode_SeveralIndependentlyPaddedChunks_ConcatenatesBytes()
    {
        // Two flushes of a text-mode client: each chunk is padded on its own.
        var body = Convert.ToBase64String([1, 2]) + Convert.ToBase64String([3]) + Convert.ToBase64String([4, 5, 6]);

        var decoded = GrpcWebText.Decode(Encoding.ASCII.GetBytes(body));

        Assert.Equal(new byte[] { 1, 2, 3, 4, 5, 6 }, decoded);
    }

    [Fact]
    public void Decode_NotBase64_ThrowsInvalidArgument()
    {
        var ex = Assert.Throws<RpcException>(() => GrpcWebText.Decode("@@@@"u8));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
    }

    [Fact]
    public void Encode_Bytes_WritesPaddedBase64()
    {
        var output = new ArrayBufferWriter<byte>();

        GrpcWebText.Encode([0x80, 0x00, 0x00, 0x00, 0x0F], output);

        Assert.Equal(Convert.ToBase64String([0x80, 0x00, 0x00, 0x00, 0x0F]), Encoding.ASCII.GetString(output.WrittenSpan));
    }

    [Theory]
    [InlineData("application/grpc", CallProtocol.Grpc)]
    [InlineData("application/grpc+proto", CallProtocol.Grpc)]
    [InlineData("application/grpc-web", CallProtocol.GrpcWeb)]
    [InlineData("application/grpc-web+proto", CallProtocol.GrpcWeb)]
    [InlineData("application/grpc-web-text", CallProtocol.GrpcWebText)]
    [InlineData("application/grpc-web-text+proto; charset=utf-8", CallProtocol.GrpcWebText)]
    [InlineData("application/grpc+json", null)]
    [InlineData("application/json", null)]
    [InlineData(null, null)]
    public void Classify_ContentType_SelectsFrontEnd(string? contentType, CallProtocol? expected)
    {
        Assert.Equal(expected, GrpcContentTypes.Classify(contentType));
    }
}
