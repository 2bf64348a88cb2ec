namespace InferenceGrpc.FunctionalTests.Conformance;

/// <summary>
/// The conformance matrix: each case run by each client, written by others, that can express
/// it. A case a peer must run but did not report fails, so a script cannot quietly drop one.
/// </summary>
public sealed class ConformanceMatrixTests(ConformanceFixture fixture) : IClassFixture<ConformanceFixture>
{
    private static readonly string[] GrpcCore =
    [
        "unary", "server_stream_10k", "client_stream", "bidi_stream", "error_details_utf8", "deadline",
        "cancel_mid_stream", "gzip_request", "gzip_response", "metadata_roundtrip", "oversize_message",
        "unknown_method", "health_check", "health_watch", "tls_unary",
    ];

    /// <summary>What each reported peer must cover; which script reports it is in <see cref="Peer"/>.</summary>
    public static readonly IReadOnlyDictionary<string, (Peer Script, string[] Cases)> Required = new Dictionary<string, (Peer, string[])>
    {
        ["grpcio"] = (Peer.GrpcIo, [.. GrpcCore, "reflection_list", "reflection_call"]),
        ["grpc-js"] = (Peer.GrpcJs, [.. GrpcCore, "reflection_list"]),
        ["connect-grpc"] = (Peer.Connect, [.. GrpcCore, "reflection_list"]),
        ["connect-grpc-web"] = (Peer.Connect,
        [
            "unary", "server_stream_10k", "deadline", "cancel_mid_stream", "gzip_request", "gzip_response", "metadata_roundtrip",
            "oversize_message", "unknown_method", "health_check", "health_watch", "tls_unary", "grpc_web_binary", "grpc_web_error",
        ]),
        ["curl"] = (Peer.Curl,
        [
            "unary", "error_details_utf8", "gzip_request", "gzip_response", "metadata_roundtrip", "oversize_message", "unknown_method",
            "tls_unary", "grpc_web_binary", "grpc_web_text", "grpc_web_error", "wrong_content_type", "grpc_over_http1", "server_deadline",
            "rest_transcoding",
        ]),
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (peer, (_, cases)) in Required)
        {
            foreach (var name in cases)
            {
                data.Add(peer, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Peer_RunsCase_AgainstOurServer_Passes(string peer, string caseName)
    {
        var results = await fixture.ResultsAsync(Required[peer].Script);

        var result = results.FirstOrDefault(r => r.Peer == peer && r.Case == caseName);

        Assert.True(result is not null, $"{peer} did not report case {caseName}.");
        Assert.True(result.Ok, $"{peer} {caseName}: {result.Detail}");
    }

    [Theory]
    [InlineData("grpcio")]
    [InlineData("grpc-js")]
    [InlineData("connect")]
    [InlineData("curl")]
    public async Task PeerScript_EveryReportedCase_Passes(string script)
    {
        var results = await fixture.ResultsAsync(Peer.All.Single(p => p.Script == script));

        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.True(r.Ok, $"{r.Peer} {r.Case}: {r.Detail}"));
    }
}
