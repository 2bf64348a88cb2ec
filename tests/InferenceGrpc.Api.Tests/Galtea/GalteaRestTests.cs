using System.Net;
using InferenceGrpc.Api.Tests.Infrastructure;
using static InferenceGrpc.Api.Tests.Galtea.GalteaGolden;

namespace InferenceGrpc.Api.Tests.Galtea;

/// <summary>
/// Golden REST tests of GET /inferenceResults (api-compat-spec 2): every parameter in every
/// array form, the order, the strict ids, and each error with its exact Galtea body. Run on
/// every store by the derived classes.
/// </summary>
public abstract class GalteaRestTests(ApiServer server)
{
    private const string Json = "application/json; charset=utf-8";

    [Fact]
    public async Task List_NoParameters_EveryLiveResultCreatedAtThenIndexWithExplicitNulls()
    {
        var reply = await server.GetPathAsync("/inferenceResults");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(Json, reply.ContentType);
        Assert.Equal(Array(R1, R2, R3, R4, R6), reply.Body);
    }

    [Theory]
    [InlineData("ids=ir_003&ids=ir_001")]
    [InlineData("ids[]=ir_003&ids[]=ir_001")]
    [InlineData("ids=ir_003,ir_001")]
    [InlineData("ids=ir_001,ir_001&ids[]=ir_003")]
    public async Task List_IdsInEveryArrayForm_ThoseResults(string query) =>
        await AssertListAsync(query, Array(R1, R3));

    [Theory]
    [InlineData("sessionIds=s2", new[] { R3, R4 })]
    [InlineData("sessionIds=s1&sessionIds=s2", new[] { R1, R2, R3, R4 })]
    [InlineData("sessionIds[]=s1&sessionIds[]=s3", new[] { R1, R2 })]
    [InlineData("sessionIds=s1,nope", new[] { R1, R2 })]
    [InlineData("sessionIds=nope", new string[0])]
    public async Task List_SessionIds_LenientResultsOfThoseSessions(string query, string[] expected) =>
        await AssertListAsync(query, Array(expected));

    [Theory]
    [InlineData("evaluationIds=ev_1,ev_2", new[] { R2, R3, R4 })]
    [InlineData("evaluationIds[]=ev_2", new[] { R3, R4 })]
    [InlineData("evaluationIds=ev_1&evaluationIds=nope", new[] { R2 })]
    [InlineData("evaluationIds=nope", new string[0])]
    [InlineData("evaluationIds=ev_1&sessionIds=s2", new string[0])]
    public async Task List_EvaluationIds_TheResultsOrSessionsTheyScored(string query, string[] expected) =>
        await AssertListAsync(query, Array(expected));

    [Theory]
    [InlineData("limit=2&offset=1", new[] { R2, R3 })]
    [InlineData("limit=2", new[] { R1, R2 })]
    [InlineData("offset=3", new[] { R4, R6 })]
    [InlineData("limit=0", new string[0])]
    [InlineData("offset=10", new string[0])]
    [InlineData("limit=10000&sessionIds=s1,s2", new[] { R1, R2, R3, R4 })]
    public async Task List_LimitAndOffset_PageTheOrderedResults(string query, string[] expected) =>
        await AssertListAsync(query, Array(expected));

    [Theory]
    [InlineData("fromCreatedAt=2025-06-01T10:00:01Z&toCreatedAt=2025-06-01T10:00:02.000Z", new[] { R2, R3, R4 })]
    [InlineData("fromCreatedAt=2025-06-01T10:00:04.250Z", new[] { R6 })]
    [InlineData("toCreatedAt=2025-06-01T10:00:04.249Z&fromCreatedAt=2025-06-01T10:00:00.001Z", new[] { R2, R3, R4 })]
    [InlineData("fromCreatedAt=2025-06-01T12:00:01%2B02:00&toCreatedAt=2025-06-01T10:00:01", new[] { R2 })]
    [InlineData("fromCreatedAt=2025-06-01", new[] { R1, R2, R3, R4, R6 })]
    [InlineData("toCreatedAt=2025-06-01", new string[0])]
    public async Task List_CreatedAtRange_BothBoundsInclusive(string query, string[] expected) =>
        await AssertListAsync(query, Array(expected));

    [Theory]
    [InlineData("sort[]=createdAt&sort[]=desc")]
    [InlineData("sort=createdAt&sort=desc")]
    [InlineData("sort=createdAt,desc")]
    [InlineData("sort=createdAt:desc")]
    [InlineData("sort=-createdAt")]
    [InlineData("sort=createdAt&sort=DESC")]
    public async Task List_SortCreatedAtDescendingInEveryForm_NewestFirstIdsBreakTies(string query) =>
        await AssertListAsync(query, Array(R6, R3, R4, R2, R1));

    [Theory]
    [InlineData("sort=createdAt&sort=desc&sort=index&sort=desc", new[] { R6, R4, R3, R2, R1 })]
    [InlineData("sort=index&sort=asc", new[] { R3, R1, R4, R2, R6 })]
    [InlineData("sort=index:desc&sort=createdAt:asc", new[] { R2, R4, R1, R3, R6 })]
    [InlineData("sort=createdAt&sort=asc&sort=index&sort=asc", new[] { R1, R2, R3, R4, R6 })]
    public async Task List_SortPairs_AppliedInOrderWithMissingIndexLast(string query, string[] expected) =>
        await AssertListAsync(query, Array(expected));

    [Theory]
    [InlineData("sessionIds=s3")]
    [InlineData("evaluationIds=ev_2&sessionIds=s3")]
    public async Task List_SoftDeletedResult_Hidden(string query) =>
        await AssertListAsync(query, "[]");

    [Fact]
    public async Task List_UnknownParameter_Ignored() =>
        await AssertListAsync("foo=bar&sessionIds=s1&include_deleted=true", Array(R1, R2));

    [Theory]
    [InlineData("ids=ir_002&sessionIds=s1", new[] { R2 })]
    [InlineData("ids=ir_004,ir_003&evaluationIds=ev_2&sort=-createdAt", new[] { R3, R4 })]
    public async Task List_IdsCombinedWithFiltersAllFound_Results(string query, string[] expected) =>
        await AssertListAsync(query, Array(expected));

    [Theory]
    [InlineData("ids=ir_001,ir_999,ir_998", "ir_999,ir_998")]
    [InlineData("ids=ir_001&fromCreatedAt=2025-06-01T10:00:01Z", "ir_001")]
    [InlineData("ids=ir_001&ids=ir_002&limit=1", "ir_002")]
    [InlineData("ids=ir_002&offset=1", "ir_002")]
    [InlineData("ids=ir_001,ir_003&sessionIds=s1", "ir_003")]
    [InlineData("ids[]=ir_005", "ir_005")]
    public async Task List_IdsNotAllReturned_StrictNotFound(string query, string missing) =>
        await AssertErrorAsync(query, HttpStatusCode.NotFound, Error("Not Found", "InferenceResults not found: " + missing));

    [Theory]
    [InlineData("limit=-1", "limit must be a non-negative integer, got -1")]
    [InlineData("limit=10001", "limit must be at most 10000, got 10001")]
    [InlineData("offset=-3", "offset must be a non-negative integer, got -3")]
    [InlineData("offset=1000001", "offset must be at most 1000000, got 1000001")]
    [InlineData("limit=1&limit=2", "Query parameter 'limit' was given 2 times but takes one value.")]
    [InlineData("fromCreatedAt=yesterday", "fromCreatedAt must be an ISO 8601 date-time such as 2025-06-01T12:00:00Z, got 'yesterday'")]
    [InlineData("toCreatedAt=2025-13-01T00:00:00Z", "toCreatedAt must be an ISO 8601 date-time such as 2025-06-01T12:00:00Z, got '2025-13-01T00:00:00Z'")]
    [InlineData("fromCreatedAt=2025-06-01T10:00:02Z&toCreatedAt=2025-06-01T10:00:01Z", "fromCreatedAt (2025-06-01T10:00:02Z) must not be later than toCreatedAt (2025-06-01T10:00:01Z)")]
    [InlineData("sort=createdAt", "sort must be field and direction pairs such as sort=createdAt&sort=desc; 'createdAt' has no direction")]
    [InlineData("sort=createdAt&sort=desc&sort=index", "sort must be field and direction pairs such as sort=createdAt&sort=desc; 'index' has no direction")]
    [InlineData("sort=name&sort=asc", "sort field 'name' is not sortable; use createdAt or index")]
    [InlineData("sort=createdAt&sort=up", "sort direction 'up' for createdAt is not valid; use asc or desc")]
    [InlineData("sort=createdAt:desc&sort=-createdAt", "sort names createdAt more than once")]
    public async Task List_InvalidParameter_BadRequestInGalteaErrorBody(string query, string message) =>
        await AssertErrorAsync(query, HttpStatusCode.BadRequest, Error("Bad Request", message));

    [Theory]
    [InlineData("limit=abc")]
    [InlineData("limit=1.5")]
    [InlineData("offset=")]
    public async Task List_NonIntegerLimitOrOffset_BadRequestInGalteaErrorBody(string query)
    {
        var reply = await server.GetPathAsync("/inferenceResults?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(Json, reply.ContentType);
        var parameter = query[..query.IndexOf('=', StringComparison.Ordinal)];
        Assert.StartsWith($$"""{"error":"Bad Request","message":"Invalid value '{{query[(parameter.Length + 1)..]}}' for '{{parameter}}': """, reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_TooManyIds_BadRequest()
    {
        var ids = string.Join(",", Enumerable.Range(0, 1001).Select(i => $"ir_{i:D4}"));

        await AssertErrorAsync("ids=" + ids, HttpStatusCode.BadRequest, Error("Bad Request", "ids takes at most 1000 values, got 1001"));
    }

    private async Task AssertListAsync(string query, string expected)
    {
        var reply = await server.GetPathAsync("/inferenceResults?" + query);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(Json, reply.ContentType);
        Assert.Equal(expected, reply.Body);
    }

    private async Task AssertErrorAsync(string query, HttpStatusCode status, string body)
    {
        var reply = await server.GetPathAsync("/inferenceResults?" + query);

        Assert.Equal(status, reply.Status);
        Assert.Equal(Json, reply.ContentType);
        Assert.Equal(body, reply.Body);
    }
}
