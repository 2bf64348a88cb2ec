using System.Text;
using InferenceGrpc.Protocol.AspNetCore.Grpc;

namespace InferenceGrpc.Protocol.Tests.Grpc;

public class StatusHeadersTests
{
    [Fact]
    public void Write_MessageQuotingHugeInput_SendsAtMostTheBoundPercentEncoded()
    {
        // A fuzzer found this: a 56 KB bad id echoed into grpc-message made HttpClient drop the connection.
        var status = RpcStatus.InvalidArgument("ids[0]: '" + string.Concat(Enumerable.Repeat("ab&=🌸", 20_000)) + "' is not a UUID", ("ids[0]", "not a UUID"));
        var headers = new List<(string Name, string Value)>();

        StatusHeaders.Write(status, new Metadata(), (name, value) => headers.Add((name, value)));

        var message = headers.Single(h => h.Name == StatusHeaders.Message).Value;
        Assert.True(message.Length <= 3 * StatusHeaders.MaxMessageBytes, $"grpc-message is {message.Length} characters");
        Assert.StartsWith("ids[0]: 'ab&=", GrpcMessageEncoding.Decode(message), StringComparison.Ordinal);
        Assert.EndsWith("…", GrpcMessageEncoding.Decode(message), StringComparison.Ordinal);
        Assert.DoesNotContain(headers, h => h.Name == StatusHeaders.Details);
    }

    [Fact]
    public void Write_ShortMessage_SendsItWholeWithDetails()
    {
        var status = RpcStatus.InvalidArgument("limit: too large", ("limit", "at most 1000"));
        var headers = new List<(string Name, string Value)>();

        StatusHeaders.Write(status, new Metadata(), (name, value) => headers.Add((name, value)));

        Assert.Equal("limit: too large", GrpcMessageEncoding.Decode(headers.Single(h => h.Name == StatusHeaders.Message).Value));
        Assert.Contains(headers, h => h.Name == StatusHeaders.Details);
    }

    [Theory]
    [InlineData(1024, false)]
    [InlineData(1025, true)]
    public void Bounded_AtTheLimit_CutsOnlyLongerMessages(int length, bool cut)
    {
        var message = new string('x', length);

        var bounded = StatusHeaders.Bounded(message);

        Assert.Equal(cut, bounded != message);
        Assert.True(Encoding.UTF8.GetByteCount(bounded) <= StatusHeaders.MaxMessageBytes);
    }
}
