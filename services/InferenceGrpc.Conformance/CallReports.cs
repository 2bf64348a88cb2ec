using System.Collections.Concurrent;
using InferenceGrpc.Conformance.V1;
using InferenceGrpc.Protocol.AspNetCore;

namespace InferenceGrpc.Conformance;

/// <summary>
/// How calls that carried a call_id ended, as the server saw it. Lets a test prove that the
/// server noticed a client's cancellation or deadline, not just that the client gave up.
/// </summary>
public sealed class CallReports
{
    private readonly ConcurrentDictionary<string, GetCallReportResponse> _reports = new(StringComparer.Ordinal);

    public GetCallReportResponse Get(string callId) =>
        _reports.TryGetValue(callId, out var report) ? report : new GetCallReportResponse();

    public void Completed(string callId, int messagesSent) => Record(callId, GetCallReportResponse.Types.Outcome.Completed, messagesSent);

    /// <summary>Records a call that stopped early, as deadline or cancellation by what the context says.</summary>
    public void Stopped(string callId, ServerCallContext context, int messagesSent)
    {
        var outcome = context.DeadlineExceeded
            ? GetCallReportResponse.Types.Outcome.DeadlineExceeded
            : GetCallReportResponse.Types.Outcome.Cancelled;
        Record(callId, outcome, messagesSent);
    }

    private void Record(string callId, GetCallReportResponse.Types.Outcome outcome, int messagesSent)
    {
        if (callId.Length > 0)
        {
            _reports[callId] = new GetCallReportResponse { Outcome = outcome, MessagesSent = messagesSent };
        }
    }
}
