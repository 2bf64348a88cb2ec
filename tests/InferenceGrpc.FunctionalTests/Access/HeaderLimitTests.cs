using System.Net;
using System.Text;
using InferenceGrpc.Server;

namespace InferenceGrpc.FunctionalTests.Access;

/// <summary>Oversized request headers are refused before any API sees them.</summary>
public sealed class HeaderLimitTests
{
    [Fact]
    public async Task Headers_over_the_limit_are_431()
    {
        await using var host = InferenceGrpcHost.Create(["--Server:GrpcPort=0", "--Server:HttpPort=0", "--Server:MaxRequestHeadersTotalSize=4096", "--Logging:LogLevel:Default=Critical"]);
        await host.StartAsync();
        using var http = new HttpClient { BaseAddress = host.Endpoints.Http };
        using var small = new HttpRequestMessage(HttpMethod.Post, "/v1/inferences/list_inferences") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        small.Headers.Add("x-padding", new string('a', 1000));
        using var large = new HttpRequestMessage(HttpMethod.Post, "/v1/inferences/list_inferences") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        large.Headers.Add("x-padding", new string('a', 8000));

        using var accepted = await http.SendAsync(small);
        using var refused = await http.SendAsync(large);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.RequestHeaderFieldsTooLarge, refused.StatusCode);
    }
}
