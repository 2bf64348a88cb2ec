using System.Collections.Concurrent;

namespace InferenceGrpc.Client.Tests;

/// <summary>Passes requests on, remembering the headers each way, to see what went over the wire.</summary>
internal sealed class RecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public ConcurrentQueue<(HttpRequestMessage Request, HttpResponseMessage Response)> Exchanges { get; } = new();

    public static string? Header(System.Net.Http.Headers.HttpHeaders headers, string name) =>
        headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        Exchanges.Enqueue((request, response));
        return response;
    }
}
