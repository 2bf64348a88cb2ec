using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using InferenceGrpc.Client;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Protocol;
using InferenceGrpc.Server;
using Microsoft.Extensions.Logging;

namespace InferenceGrpc.FunctionalTests.Observability;

/// <summary>Per-call structured logs that carry the caller's W3C trace id, and metrics at /metrics.</summary>
public sealed partial class ObservabilityTests : IAsyncLifetime
{
    private static readonly Method<ListInferencesRequest, ListInferencesResponse> List = new(InferenceQueryServiceReflection.Descriptor.Services[0], "ListInferences");
    private readonly string _directory = Directory.CreateTempSubdirectory("inferencegrpc-observability-").FullName;
    private readonly CapturingLoggerProvider _logs = new();
    private InferenceGrpcHost _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _host = InferenceGrpcHost.Create(
            ["--Server:GrpcPort=0", "--Server:HttpPort=0", $"--Storage:Sqlite:DataDirectory={_directory}", "--Logging:LogLevel:InferenceGrpc=Information"],
            builder => builder.Logging.AddProvider(_logs));
        await _host.StartAsync();
        _http = new HttpClient { BaseAddress = _host.Endpoints.Http };
    }

    [Fact]
    public async Task A_call_is_logged_once_with_its_status_request_id_and_the_callers_trace_id()
    {
        const string TraceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/inferences/list_inferences") { Content = new StringContent("{\"limit\": 1}", Encoding.UTF8, "application/json") };
        request.Headers.Add("traceparent", $"00-{TraceId}-00f067aa0ba902b7-01");

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single(_logs.Entries, e => e.State.TryGetValue("Method", out var m) && (string?)m == "/inference.v1.InferenceQueryService/ListInferences");
        Assert.Equal(TraceId, entry.State["TraceId"]);
        Assert.Equal(TraceId, entry.Scopes["TraceId"]?.ToString());
        Assert.Equal("OK", entry.State["Code"]?.ToString());
        Assert.False(string.IsNullOrEmpty(entry.State["RequestId"]?.ToString()));
    }

    [Fact]
    public async Task Metrics_count_calls_by_method_protocol_and_status_and_the_store_rows()
    {
        using var channel = new GrpcChannel(_host.Endpoints.Grpc!);
        var ok = Series("rpc_server_calls_total", "OK", "/inference.v1.InferenceQueryService/ListInferences", "Grpc");
        var invalid = Series("rpc_server_calls_total", "InvalidArgument", "/inference.v1.InferenceQueryService/ListInferences", "Grpc");
        var before = Parse(await ScrapeAsync());

        await channel.UnaryAsync(List, new ListInferencesRequest());
        await channel.UnaryAsync(List, new ListInferencesRequest());
        await Assert.ThrowsAsync<RpcException>(() => channel.UnaryAsync(List, new ListInferencesRequest { Before = "not-a-uuid" }));
        var text = await ScrapeAsync();
        var after = Parse(text);

        // Other tests' servers share the process-wide meters, so counts grow at least by ours.
        Assert.True(after.GetValueOrDefault(ok) - before.GetValueOrDefault(ok) >= 2, text);
        Assert.True(after.GetValueOrDefault(invalid) - before.GetValueOrDefault(invalid) >= 1, text);
        Assert.Contains("# TYPE rpc_server_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("inferencegrpc_store_rows_total{operation=\"query_inferences\"}", text, StringComparison.Ordinal);
        Assert.Contains("inferencegrpc_sqlite_vm_steps_total{operation=\"query_inferences\"}", text, StringComparison.Ordinal);
        Assert.Contains("inferencegrpc_store_duration_seconds_bucket{operation=\"query_inferences\",le=\"+Inf\"}", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_metrics_query_reports_its_store_work_under_its_own_operation()
    {
        using var content = new StringContent(
            "{\"startTs\": \"2026-01-01T00:00:00Z\", \"endTs\": \"2026-01-02T00:00:00Z\", \"datasource\": \"modelMetrics\", \"type\": \"distribution\", \"aggregations\": [{\"type\": \"count\", \"column\": \"latencyMs\"}]}",
            Encoding.UTF8,
            "application/json");

        using var response = await _http.PostAsync("/api/svc/v1/llm-gateway/metrics/query", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("inferencegrpc_sqlite_vm_steps_total{operation=\"query_metrics\"}", await ScrapeAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_asking_for_metrics_gets_metrics_not_the_explorer()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await _http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.StopAsync();
        await _host.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static string Series(string name, string code, string method, string protocol) =>
        $"{name}{{rpc_grpc_status_code=\"{code}\",rpc_method=\"{method}\",rpc_protocol=\"{protocol}\"}}";

    private async Task<string> ScrapeAsync()
    {
        using var response = await _http.GetAsync("/metrics");
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        return await response.Content.ReadAsStringAsync();
    }

    private static Dictionary<string, double> Parse(string text) =>
        SampleLine().Matches(text).ToDictionary(m => m.Groups["series"].Value, m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<series>[a-z_]+\{[^}]*\}) (?<value>\S+)$", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}
