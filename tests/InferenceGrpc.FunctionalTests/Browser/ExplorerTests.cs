using Xunit.Abstractions;

namespace InferenceGrpc.FunctionalTests.Browser;

/// <summary>
/// The web explorer as the service serves it at /, used in headless Chromium the way a person
/// would (tests/browser/explorer.mjs): build a filter tree and see the matching rows arrive page by
/// page, use every other field of the form, stop a stream that is still running, open one
/// inference and its feedback, read the error of a bad filter, send an API key, compare two evaluation runs, page through a project's runs, draw
/// the metrics chart and read the error of an interval the server refuses. What the page shows is checked against the same queries over REST. Screenshots are in
/// artifacts/browser/explorer-*.png; each case's detail names its own.
/// </summary>
[Collection(SharedBrowser.Name)]
public sealed class ExplorerTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Peer = "chromium-explorer";

    [Theory]
    [InlineData("filter_rows")]
    [InlineData("every_field")]
    [InlineData("detail_view")]
    [InlineData("detail_feedback")]
    [InlineData("stop_stream")]
    [InlineData("bad_filter_error")]
    [InlineData("invalid_input_error")]
    [InlineData("api_key_header")]
    [InlineData("compare_evaluations")]
    [InlineData("run_picker_pages")]
    [InlineData("metrics_chart")]
    [InlineData("metrics_error")]
    public async Task Explorer_RunsCase_InChromium_Passes(string caseName)
    {
        var results = await fixture.ExplorerResultsAsync();

        var result = DriverCases.AssertPassed(results, Peer, caseName);

        // What the case saw, with the path of its screenshot.
        output.WriteLine(result.Detail);
    }

    [Fact]
    public async Task Explorer_EveryReportedCase_Passes()
    {
        var results = await fixture.ExplorerResultsAsync();

        DriverCases.AssertAllPassed(results);
    }
}
