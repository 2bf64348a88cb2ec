using System.Diagnostics;
using Google.Protobuf;
using InferenceGrpc.Conformance.V1;
using InferenceGrpc.Protocol;
using Outcome = InferenceGrpc.Conformance.V1.GetCallReportResponse.Types.Outcome;

namespace InferenceGrpc.Client.Tests;

/// <summary>
/// The core behaviours, run against every EchoService server we have (ours, and ones written by
/// others), so the client is proven against more than the server it was written beside.
/// </summary>
public abstract class EchoCoreCases
{
    protected abstract GrpcChannel Channel { get; }

    private static CallOptions Within(int seconds) => new() { Timeout = TimeSpan.FromSeconds(seconds) };

    [Fact]
    public async Task UnaryAsync_Echo_ReturnsMessageAndPayload()
    {
        var request = new EchoRequest { Message = "hello", Payload = ByteString.CopyFrom(1, 2, 3, 255) };

        var response = await Channel.UnaryAsync(EchoMethods.Echo, request, Within(10));

        Assert.Equal("hello", response.Message);
        Assert.Equal(request.Payload, response.Payload);
    }

    [Fact]
    public async Task ServerStreaming_TenThousandMessages_ArriveInOrderThenStatusOk()
    {
        await using var call = Channel.ServerStreaming(EchoMethods.ServerStream, new ServerStreamRequest { Count = 10_000, PayloadSize = 16 }, Within(60));

        var expected = 0;
        await foreach (var message in call)
        {
            Assert.Equal(expected++, message.Index);
            Assert.Equal(16, message.Payload.Length);
        }

        Assert.Equal(10_000, expected);
        Assert.Equal(StatusCode.OK, call.Status.Code);
    }

    [Fact]
    public async Task ClientStreamingAsync_ThousandValues_ReturnsSumAndCount()
    {
        var response = await Channel.ClientStreamingAsync(EchoMethods.ClientStream, Values(1000), Within(30));

        Assert.Equal(500_500, response.Sum);
        Assert.Equal(1000, response.Count);
    }

    [Fact]
    public async Task UnaryAsync_Fail_ThrowsWithUtf8MessageAndBadRequestDetail()
    {
        const string message = "bad näme ✓ 日本語 100%";
        var request = new FailRequest { Code = (int)StatusCode.InvalidArgument, Message = message, Field = "name" };

        var ex = await Assert.ThrowsAsync<RpcException>(() => Channel.UnaryAsync(EchoMethods.Fail, request, Within(10)));

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(message, ex.Status.Message);
        var badRequest = Assert.IsType<Google.Rpc.BadRequest>(Assert.Single(ex.Status.Details!));
        var violation = Assert.Single(badRequest.FieldViolations);
        Assert.Equal("name", violation.Field);
        Assert.Equal(message, violation.Description);
    }

    [Fact]
    public async Task UnaryAsync_SlowPastDeadline_ThrowsDeadlineExceededAndServerStops()
    {
        for (var attempt = 1; ; attempt++)
        {
            var callId = CallReports.NewCallId();
            var stopwatch = Stopwatch.StartNew();

            var ex = await Assert.ThrowsAsync<RpcException>(() => Channel.UnaryAsync(
                EchoMethods.Slow, new SlowRequest { DelayMs = 10_000, CallId = callId }, new CallOptions { Timeout = TimeSpan.FromMilliseconds(300) }));

            Assert.Equal(StatusCode.DeadlineExceeded, ex.StatusCode);
            Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(8), $"The call took {stopwatch.Elapsed} to fail.");

            // A server left unscheduled for 300 ms (a busy machine) gets the request only after its
            // deadline and never runs the handler, so there is nothing to report: try again. A server
            // that ran the handler and did not stop it would report COMPLETED, which no retry hides.
            var report = await CallReports.WaitForEndAsync(Channel, callId, TimeSpan.FromSeconds(12));
            if (report.Outcome == Outcome.Unspecified && attempt < 3)
            {
                continue;
            }

            // Client and server each time the deadline, so whichever noticed first decides whether the
            // server saw its own deadline pass or the client reset the stream; both mean it stopped.
            Assert.Contains(report.Outcome, new[] { Outcome.DeadlineExceeded, Outcome.Cancelled });
            return;
        }
    }

    [Fact]
    public async Task UnaryCallAsync_EchoMetadata_ComesBackAsHeadersAndTrailers()
    {
        var binary = new byte[] { 0, 1, 2, 250, 255 };
        var headers = new Metadata { { "x-echo-text", "plain value" }, { "x-echo-data-bin", binary } };

        var result = await Channel.UnaryCallAsync(EchoMethods.Echo, new EchoRequest { Message = "m" }, new CallOptions { Headers = headers, Timeout = TimeSpan.FromSeconds(10) });

        Assert.Equal("plain value", result.ResponseHeaders.GetValue("x-echo-text"));
        Assert.Equal(binary, result.ResponseHeaders.Get("x-echo-data-bin")?.ValueBytes);
        Assert.Equal("plain value", result.Trailers.GetValue("x-trailer-echo-text"));
        Assert.Equal(binary, result.Trailers.Get("x-trailer-echo-data-bin")?.ValueBytes);
    }

    [Fact]
    public async Task ServerStreaming_CancelledMidStream_ThrowsCancelledAndServerStops()
    {
        const int count = 100_000;
        var callId = CallReports.NewCallId();
        using var cancellation = new CancellationTokenSource();
        var request = new ServerStreamRequest { Count = count, PayloadSize = 1024, CallId = callId };
        await using var call = Channel.ServerStreaming(EchoMethods.ServerStream, request, new CallOptions { CancellationToken = cancellation.Token, Timeout = TimeSpan.FromSeconds(60) });

        var received = 0;
        var ex = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in call)
            {
                if (++received == 10)
                {
                    cancellation.Cancel();
                }
            }
        });

        Assert.Equal(StatusCode.Cancelled, ex.StatusCode);
        Assert.Equal(10, received);
        var report = await CallReports.WaitForEndAsync(Channel, callId, TimeSpan.FromSeconds(15));
        Assert.Equal(Outcome.Cancelled, report.Outcome);
        Assert.True(report.MessagesSent < count / 10, $"The server sent {report.MessagesSent} of {count} messages.");
    }

    private static async IAsyncEnumerable<ClientStreamRequest> Values(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            if (i % 100 == 0)
            {
                // Let the sequence sometimes make the sender wait, as a real producer would.
                await Task.Yield();
            }

            yield return new ClientStreamRequest { Value = i };
        }
    }
}
