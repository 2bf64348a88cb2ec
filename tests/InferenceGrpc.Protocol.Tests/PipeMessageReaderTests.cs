using System.IO.Pipelines;
using Google.Rpc;

namespace InferenceGrpc.Protocol.Tests;

public class PipeMessageReaderTests
{
    public static TheoryData<byte[], string?, StatusCode, StatusCode> Malformed() => new()
    {
        // Cut inside the frame; compressed with no encoding; compressed but not gzip.
        { [0x00, 0x00, 0x00, 0x00, 0x05, 0x08], null, StatusCode.InvalidArgument, StatusCode.Internal },
        { [0x01, 0x00, 0x00, 0x00, 0x01, 0x08], null, StatusCode.InvalidArgument, StatusCode.Internal },
        { [0x01, 0x00, 0x00, 0x00, 0x04, 0xFF, 0xFF, 0xFF, 0xFF], "gzip", StatusCode.InvalidArgument, StatusCode.Internal },
        { [0x01, 0x00, 0x00, 0x00, 0x01, 0x08], "br", StatusCode.Unimplemented, StatusCode.Unimplemented },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task ReadAsync_MalformedFrame_FailsWithTheReadersCode(byte[] body, string? encoding, StatusCode asServer, StatusCode asClient)
    {
        // A server reads a caller's request (bad input); a client reads a server's reply (gRPC's INTERNAL).
        Assert.Equal(asServer, await ReadFailureAsync(body, encoding, StatusCode.InvalidArgument));
        Assert.Equal(asClient, await ReadFailureAsync(body, encoding, StatusCode.Internal));
    }

    private static async Task<StatusCode> ReadFailureAsync(byte[] body, string? encoding, StatusCode malformedCode)
    {
        var reader = new PipeMessageReader(PipeReader.Create(new MemoryStream(body)), 1024, encoding, malformedCode);

        var ex = await Assert.ThrowsAsync<RpcException>(async () => await reader.ReadAsync(Status.Parser, CancellationToken.None));

        return ex.StatusCode;
    }
}
