using InferenceGrpc.FunctionalTests.Conformance;

namespace InferenceGrpc.FunctionalTests.Browser;

/// <summary>Assertions on what a browser driver reported, one JSON line per case.</summary>
internal static class DriverCases
{
    /// <summary>
    /// The named case, which must be reported and passed; a case the driver should run but did not
    /// report fails, so a driver cannot quietly drop one.
    /// </summary>
    public static PeerCaseResult AssertPassed(IReadOnlyList<PeerCaseResult> results, string peer, string caseName)
    {
        var result = results.FirstOrDefault(r => r.Peer == peer && r.Case == caseName);
        Assert.True(result is not null, $"{peer} did not report case {caseName}; it reported: {string.Join("; ", results.Select(r => $"{r.Case}: {r.Detail}"))}");
        Assert.True(result.Ok, $"{peer} {caseName}: {result.Detail}");
        return result;
    }

    /// <summary>Every reported case passed, including any the tests do not name.</summary>
    public static void AssertAllPassed(IReadOnlyList<PeerCaseResult> results)
    {
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.True(r.Ok, $"{r.Peer} {r.Case}: {r.Detail}"));
    }
}
