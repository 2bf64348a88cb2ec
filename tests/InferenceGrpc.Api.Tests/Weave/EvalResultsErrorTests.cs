using System.Net;
using InferenceGrpc.Api.Tests.Infrastructure;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Api.Tests.Weave;

/// <summary>
/// Weave's error bodies (api-compat-spec 3.5): FastAPI's 422 detail list for bodies its model
/// refuses, with the goldens produced by pydantic 2 itself (python3, a model with the body's
/// fields and extra="forbid", locations prefixed with "body" as FastAPI does), and
/// {"reason": "..."} for what the server refuses; INVALID_ARGUMENT for the same over gRPC.
/// </summary>
[Collection(SqliteWeaveServers.Name)]
public sealed class EvalResultsErrorTests(WeaveServer server)
{
    [Theory]
    [InlineData("""{"evaluation_call_ids": ["eval-a"], "limit": -1}""", """{"detail":[{"type":"greater_than_equal","loc":["body","limit"],"msg":"Input should be greater than or equal to 0","input":-1,"ctx":{"ge":0}}]}""")]
    [InlineData("""{"limit": "x"}""", """{"detail":[{"type":"int_parsing","loc":["body","limit"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"x"}]}""")]
    [InlineData("""{"limit": 1.5}""", """{"detail":[{"type":"int_from_float","loc":["body","limit"],"msg":"Input should be a valid integer, got a number with a fractional part","input":1.5}]}""")]
    [InlineData("""{"limit": [1]}""", """{"detail":[{"type":"int_type","loc":["body","limit"],"msg":"Input should be a valid integer","input":[1]}]}""")]
    [InlineData("""{"limit": 1e100}""", """{"detail":[{"type":"int_parsing_size","loc":["body","limit"],"msg":"Unable to parse input string as an integer, exceeded maximum size","input":1e+100}]}""")]
    [InlineData("""{"offset": null}""", """{"detail":[{"type":"int_type","loc":["body","offset"],"msg":"Input should be a valid integer","input":null}]}""")]
    [InlineData("""{"include_rows": "maybe"}""", """{"detail":[{"type":"bool_parsing","loc":["body","include_rows"],"msg":"Input should be a valid boolean, unable to interpret input","input":"maybe"}]}""")]
    [InlineData("""{"include_rows": 2}""", """{"detail":[{"type":"bool_parsing","loc":["body","include_rows"],"msg":"Input should be a valid boolean, unable to interpret input","input":2}]}""")]
    [InlineData("""{"include_summary": null}""", """{"detail":[{"type":"bool_type","loc":["body","include_summary"],"msg":"Input should be a valid boolean","input":null}]}""")]
    [InlineData("""{"resolve_row_refs": {}}""", """{"detail":[{"type":"bool_type","loc":["body","resolve_row_refs"],"msg":"Input should be a valid boolean","input":{}}]}""")]
    [InlineData("""{"evaluation_call_ids": "eval-a"}""", """{"detail":[{"type":"list_type","loc":["body","evaluation_call_ids"],"msg":"Input should be a valid list","input":"eval-a"}]}""")]
    [InlineData("""{"evaluation_run_ids": [1, "b", null]}""", """{"detail":[{"type":"string_type","loc":["body","evaluation_run_ids",0],"msg":"Input should be a valid string","input":1},{"type":"string_type","loc":["body","evaluation_run_ids",2],"msg":"Input should be a valid string","input":null}]}""")]
    [InlineData("""{"bogus": 1, "project_id": "acme/evals"}""", """{"detail":[{"type":"extra_forbidden","loc":["body","bogus"],"msg":"Extra inputs are not permitted","input":1},{"type":"extra_forbidden","loc":["body","project_id"],"msg":"Extra inputs are not permitted","input":"acme/evals"}]}""")]
    [InlineData("""{"sort_by": [1]}""", """{"detail":[{"type":"dict_type","loc":["body","sort_by",0],"msg":"Input should be a valid dictionary","input":1}]}""")]
    [InlineData("""{"filters": "x"}""", """{"detail":[{"type":"list_type","loc":["body","filters"],"msg":"Input should be a valid list","input":"x"}]}""")]
    [InlineData("""{"filter_logic_operator": "AND"}""", """{"detail":[{"type":"literal_error","loc":["body","filter_logic_operator"],"msg":"Input should be 'and' or 'or'","input":"AND","ctx":{"expected":"'and' or 'or'"}}]}""")]
    [InlineData("""{"offset": "a", "limit": -2, "zzz": 1, "require_intersection": [], "evaluation_call_ids": ["é", 3.5]}""", """{"detail":[{"type":"string_type","loc":["body","evaluation_call_ids",1],"msg":"Input should be a valid string","input":3.5},{"type":"bool_type","loc":["body","require_intersection"],"msg":"Input should be a valid boolean","input":[]},{"type":"greater_than_equal","loc":["body","limit"],"msg":"Input should be greater than or equal to 0","input":-2,"ctx":{"ge":0}},{"type":"int_parsing","loc":["body","offset"],"msg":"Input should be a valid integer, unable to parse string as an integer","input":"a"},{"type":"extra_forbidden","loc":["body","zzz"],"msg":"Extra inputs are not permitted","input":1}]}""")]
    public async Task QueryEvalResults_BodyPydanticRefuses_Is422WithPydanticsDetail(string body, string detail)
    {
        var reply = await server.PostAsync(WeaveDataSet.Path(), body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.Status);
        Assert.StartsWith("application/json", reply.ContentType, StringComparison.Ordinal);
        Assert.Equal(detail, reply.Body);
    }

    [Theory]
    [InlineData("[]", """{"detail":[{"type":"model_attributes_type","loc":["body"],"msg":"Input should be a valid dictionary or object to extract fields from","input":[]}]}""")]
    [InlineData("\"x\"", """{"detail":[{"type":"model_attributes_type","loc":["body"],"msg":"Input should be a valid dictionary or object to extract fields from","input":"x"}]}""")]
    [InlineData("", """{"detail":[{"type":"missing","loc":["body"],"msg":"Field required","input":null}]}""")]
    [InlineData("{\"limit\": ", """{"detail":[{"type":"json_invalid","loc":["body",10],"msg":"JSON decode error","input":{},"ctx":{"error":"Invalid JSON"}}]}""")]
    [InlineData("{\n  \"q\": \"é🌸\",\n  \"limit\" 1\n}", """{"detail":[{"type":"json_invalid","loc":["body",25],"msg":"JSON decode error","input":{},"ctx":{"error":"Invalid JSON"}}]}""")]
    public async Task QueryEvalResults_BodyNotAnObject_Is422AsFastApiReportsIt(string body, string detail)
    {
        var reply = await server.PostAsync(WeaveDataSet.Path(), body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reply.Status);
        Assert.Equal(detail, reply.Body);
    }

    [Fact]
    public async Task QueryEvalResults_LaxValues_AreReadAsPydanticReadsThem()
    {
        var lax = await server.PostAsync(WeaveDataSet.Path(), """{"evaluation_call_ids": ["eval-a"], "limit": " 1 ", "offset": "-3", "include_rows": "YES", "include_summary": 1, "require_intersection": "off", "summary_require_intersection": null, "evaluation_run_ids": null, "include_costs": 0.0}""");
        var strict = await server.PostAsync(WeaveDataSet.Path(), """{"evaluation_call_ids": ["eval-a"], "limit": 1, "include_summary": true}""");

        Assert.Equal(HttpStatusCode.OK, lax.Status);
        Assert.Equal(strict.Body, lax.Body);
    }

    [Theory]
    [InlineData("sort_by", """[{"field": "scores.exact", "direction": "asc"}]""")]
    [InlineData("filters", """[{"query": {"$expr": {"$eq": [{"$getField": "scores.exact"}, {"$literal": true}]}}}]""")]
    public async Task QueryEvalResults_SortByOrFiltersGiven_Is400WithReason(string field, string value)
    {
        var reply = await server.PostAsync(WeaveDataSet.Path(), $$"""{"evaluation_call_ids": ["eval-a"], "{{field}}": {{value}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal($$"""{"reason":"{{field}} is not supported by this server; send null or an empty list."}""", reply.Body);
    }

    [Fact]
    public async Task QueryEvalResults_EmptySortByFiltersAndLogicOperator_AreAccepted()
    {
        var reply = await server.PostAsync(WeaveDataSet.Path(), """{"evaluation_call_ids": ["eval-a"], "sort_by": [], "filters": null, "filter_logic_operator": "and"}""");
        var plain = await server.PostAsync(WeaveDataSet.Path(), """{"evaluation_call_ids": ["eval-a"]}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(plain.Body, reply.Body);
    }

    [Fact]
    public async Task QueryEvalResults_InvalidProjectName_Is400WithReason()
    {
        var reply = await server.PostAsync("/v2/acme/ev%20als/eval_results/query", "{}");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("""{"reason":"'acme/ev als' is not a valid project: use 1 to 128 letters, digits, '.', '_', '-' and at most one '/'."}""", reply.Body);
    }

    [Fact]
    public async Task QueryEvalResults_OtherProject_SeesNoRows()
    {
        var reply = await server.PostAsync("/v2/acme/other/eval_results/query", """{"evaluation_call_ids": ["eval-a"], "include_summary": true}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal("""{"rows":[],"total_rows":0,"summary":{"row_count":0,"evaluations":[]},"warnings":[]}""", reply.Body);
    }

    [Fact]
    public async Task QueryEvalResults_BodyOverTheLimit_Is413WithReason()
    {
        var ids = string.Join(",", Enumerable.Repeat("\"" + new string('x', 1000) + "\"", 6000));
        var reply = await server.PostAsync(WeaveDataSet.Path(), $$"""{"evaluation_call_ids": [{{ids}}]}""");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reply.Status);
        Assert.Equal("""{"reason":"Request too large"}""", reply.Body);
    }

    [Fact]
    public async Task QueryEvalResults_MoreIdsThanTheLimit_Is400WithReason()
    {
        var ids = string.Join(",", Enumerable.Range(0, 1001).Select(i => $"\"e{i}\""));
        var reply = await server.PostAsync(WeaveDataSet.Path(), $$"""{"evaluation_call_ids": [{{ids}}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("""{"reason":"At most 1000 evaluation ids per call, got 1001."}""", reply.Body);
    }

    [Fact]
    public async Task StreamEvalResults_PageSizeOverTheLimit_Is400WithReason()
    {
        var reply = await server.PostAsync(WeaveDataSet.Path("stream"), """{"page_size": 1001}""");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal("""{"reason":"page_size: at most 1000, got 1001."}""", reply.Body);
    }

    [Fact]
    public async Task QueryEvalResults_SortByOverGrpc_IsInvalidArgument()
    {
        var request = new QueryEvalResultsRequest { Query = new EvalResultsQuery { Entity = WeaveDataSet.Entity, Project = WeaveDataSet.Project, EvaluationCallIds = { "eval-a" }, SortBy = { Google.Protobuf.WellKnownTypes.Value.ForString("x") } } };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => server.Grpc.CallAsync<QueryEvalResultsResponse>(WeaveGrpc.Service, "QueryEvalResults", request));

        Assert.Contains("grpc-status 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryEvalResults_NoProjectOverGrpc_IsInvalidArgument()
    {
        var request = new QueryEvalResultsRequest { Query = new EvalResultsQuery { EvaluationCallIds = { "eval-a" } } };

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => server.Grpc.CallAsync<QueryEvalResultsResponse>(WeaveGrpc.Service, "QueryEvalResults", request));

        Assert.Contains("grpc-status 3", error.Message, StringComparison.Ordinal);
    }
}
