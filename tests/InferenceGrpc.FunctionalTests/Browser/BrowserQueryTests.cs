namespace InferenceGrpc.FunctionalTests.Browser;

/// <summary>
/// InferenceQueryService from a real browser: headless Chromium loads a page from another origin
/// that calls the service over gRPC-Web with connect-web (binary format, fetch), so CORS, the
/// trailer frame, server streaming and cancellation are all the browser's own. A case the page
/// must run but did not report fails, so the page cannot quietly drop one. The screenshot of the
/// page is in artifacts/browser/.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class BrowserQueryTests(BrowserFixture fixture)
{
    private const string Peer = "chromium-connect-web";

    [Theory]
    [InlineData("list_inferences")]
    [InlineData("get_inferences")]
    [InlineData("stream_inferences")]
    [InlineData("unknown_metric_error")]
    public async Task Chromium_RunsQueryCase_OverGrpcWeb_Passes(string caseName)
    {
        var results = await fixture.ResultsAsync();

        DriverCases.AssertPassed(results, Peer, caseName);
    }

    [Fact]
    public async Task Chromium_EveryReportedCase_Passes()
    {
        var results = await fixture.ResultsAsync();

        DriverCases.AssertAllPassed(results);
    }
}
