using System.Net;
using InferenceGrpc.Api.Tests.Infrastructure;
using static InferenceGrpc.Api.Tests.Infrastructure.DataSet;

namespace InferenceGrpc.Api.Tests;

/// <summary>POST /v1/inferences/get_inferences (api-compat-spec 1.3), compared as exact bytes.</summary>
[Collection(SharedServer.Name)]
public sealed class GetInferencesTests(ApiServer server)
{
    [Fact]
    public async Task GetInferences_KnownIds_ReturnsGoldenRecordsNewestFirst()
    {
        var reply = await server.GetAsync($$"""{"ids":["{{Ex}}","{{J1}}","{{H1}}","{{H3}}","{{J2}}","{{H2}}"]}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("application/json", reply.ContentType);
        Assert.Equal(Golden.Page([J2, J1, H3, H2, H1, Ex]), reply.Body);
    }

    [Fact]
    public async Task GetInferences_EmptyIds_ReturnsEmptyList()
    {
        var reply = await server.GetAsync("""{"ids":[]}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("""{"inferences":[]}""", reply.Body);
    }

    [Fact]
    public async Task GetInferences_EmptyIdsWithUnknownFunction_ReturnsEmptyList()
    {
        var reply = await server.GetAsync("""{"ids":[],"function_name":"no_such_function"}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("""{"inferences":[]}""", reply.Body);
    }

    [Fact]
    public async Task GetInferences_UnknownAndDuplicateIds_DropsUnknownAndReturnsEachOnce()
    {
        var unknown = Id(9999);
        var reply = await server.GetAsync($$"""{"ids":["{{H1}}","{{unknown}}","{{H1}}","{{Ex}}","{{H1}}"]}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(Golden.Page([H1, Ex]), reply.Body);
    }

    [Fact]
    public async Task GetInferences_UuidInEveryAcceptedForm_FindsTheInference()
    {
        var simple = H1.Replace("-", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var reply = await server.GetAsync($$"""{"ids":["{{simple}}","{{{Ex}}}","urn:uuid:{{H2}}"]}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(Golden.Page([H2, H1, Ex]), reply.Body);
    }

    [Fact]
    public async Task GetInferences_FunctionName_KeepsOnlyThatFunction()
    {
        var reply = await server.GetAsync($$"""{"ids":["{{H1}}","{{J1}}"],"function_name":"extract_entities"}""");

        Assert.Equal(Golden.Page([J1]), reply.Body);
    }

    [Fact]
    public async Task GetInferences_UnknownFunction_Returns404()
    {
        var reply = await server.GetAsync($$"""{"ids":["{{H1}}"],"function_name":"no_such_function"}""");

        Assert.Equal(HttpStatusCode.NotFound, reply.Status);
        Assert.Equal("""{"error":"Unknown function: no_such_function"}""", reply.Body);
    }

    [Fact]
    public async Task GetInferences_Demonstration_ReturnsLatestDemonstrationAndLeavesOutTheRest()
    {
        var reply = await server.GetAsync($$"""{"ids":["{{H1}}","{{H2}}","{{H3}}","{{J1}}"],"output_source":"demonstration"}""");

        Assert.Equal(Golden.Page([J1, H2, H1], Golden.Source.Demonstration), reply.Body);
    }

    [Fact]
    public async Task GetInferences_OutputSourceNone_OmitsOutput()
    {
        var reply = await server.GetAsync($$"""{"ids":["{{H1}}","{{J1}}"],"output_source":"none"}""");

        Assert.Equal(Golden.Page([J1, H1], Golden.Source.None), reply.Body);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task GetInferences_AnyOrNoContentType_ParsesTheBodyAsJson(string? contentType)
    {
        var reply = await server.PostAsync("/v1/inferences/get_inferences", $$"""{"ids":["{{H2}}"]}""", contentType);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(Golden.Page([H2]), reply.Body);
    }

    [Fact]
    public async Task GetInferences_MissingIds_Returns400MissingField()
    {
        var reply = await server.GetAsync("""{"function_name":"write_haiku"}""");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("""{"error":"missing field `ids`"}""", reply.Body);
    }

    [Theory]
    [InlineData("\"not-a-uuid\"", "ids[1]: UUID parsing failed: invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `n` at 1")]
    [InlineData("\"0197\"", "ids[1]: UUID parsing failed: invalid length: expected length 32 for simple format, found 4")]
    [InlineData("\"01977b4c-0000\"", "ids[1]: UUID parsing failed: invalid group count: expected 5, found 2")]
    [InlineData("\"01977b4c-000-7000-8000-000000000000\"", "ids[1]: UUID parsing failed: invalid group length in group 1: expected 4, found 3")]
    [InlineData("5", "ids[1]: invalid type: integer `5`, expected a UUID string")]
    public async Task GetInferences_BadId_Returns400NamingTheElement(string id, string message)
    {
        var reply = await server.GetAsync($$"""{"ids":["{{H1}}",{{id}}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal($$"""{"error":"{{message}}"}""", reply.Body);
    }

    [Fact]
    public async Task GetInferences_IdsNull_Returns400InvalidType()
    {
        var reply = await server.GetAsync("""{"ids":null}""");

        Assert.Equal("""{"error":"ids: invalid type: null, expected a sequence"}""", reply.Body);
    }
}
