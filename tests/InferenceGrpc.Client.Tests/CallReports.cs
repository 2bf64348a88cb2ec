using InferenceGrpc.Conformance.V1;

namespace InferenceGrpc.Client.Tests;

/// <summary>Asks the server how an earlier call ended, waiting for it to notice.</summary>
internal static class CallReports
{
    /// <summary>
    /// The server records a call's end only once its handler has unwound, which may be a moment
    /// after the client gave up; poll with a generous bound rather than assume an order.
    /// </summary>
    public static async Task<GetCallReportResponse> WaitForEndAsync(GrpcChannel channel, string callId, TimeSpan patience)
    {
        var giveUp = DateTime.UtcNow + patience;
        while (true)
        {
            var report = await channel.UnaryAsync(EchoMethods.GetCallReport, new GetCallReportRequest { CallId = callId }, new CallOptions { Timeout = TimeSpan.FromSeconds(5) });
            if (report.Outcome != GetCallReportResponse.Types.Outcome.Unspecified || DateTime.UtcNow > giveUp)
            {
                return report;
            }

            await Task.Delay(50);
        }
    }

    public static string NewCallId() => "client-tests-" + Guid.NewGuid().ToString("N");
}
