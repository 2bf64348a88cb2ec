using InferenceGrpc.Api.Tests.Infrastructure;
using static InferenceGrpc.Api.Tests.Infrastructure.DataSet;

namespace InferenceGrpc.Api.Tests;

/// <summary>The filter tree of list_inferences (api-compat-spec 1.5): leaves, combinators, and the alias `filter`.</summary>
[Collection(SharedServer.Name)]
public sealed class FilterTests(ApiServer server)
{
    [Fact]
    public async Task ListInferences_FloatMetricFilter_ComparesTheLatestValue()
    {
        // H1's quality was 0.1, then 0.9: only the latest counts.
        var high = await List("""{"type":"float_metric","metric_name":"quality","value":0.5,"comparison_operator":">="}""");
        var low = await List("""{"type":"float_metric","metric_name":"quality","value":0.5,"comparison_operator":"<"}""");

        Assert.Equal(Golden.Page([H1]), high.Body);
        Assert.Equal(Golden.Page([H2]), low.Body);
    }

    [Fact]
    public async Task ListInferences_BooleanMetricFilter_MatchesTheValue()
    {
        var reply = await List("""{"type":"boolean_metric","metric_name":"thumbs_up","value":false}""");

        Assert.Equal(Golden.Page([J1]), reply.Body);
    }

    [Fact]
    public async Task ListInferences_EpisodeLevelMetric_MatchesEveryInferenceOfTheEpisode()
    {
        var reply = await List("""{"type":"float_metric","metric_name":"episode_score","value":0.5,"comparison_operator":">"}""");

        Assert.Equal(Golden.Page([H2, H1, Ex]), reply.Body);
    }

    [Fact]
    public async Task ListInferences_NotOverMissingFeedback_NeverMatches()
    {
        // Only H1 (0.9) and H2 (0.4) have quality; EX and H3 have none and match neither side.
        var reply = await List("""{"type":"not","child":{"type":"float_metric","metric_name":"quality","value":0.5,"comparison_operator":">"}}""", "write_haiku");

        Assert.Equal(Golden.Page([H2]), reply.Body);
    }

    [Fact]
    public async Task ListInferences_TagEqual_MatchesTheValue()
    {
        var reply = await List("""{"type":"tag","key":"env","value":"prod","comparison_operator":"="}""");

        Assert.Equal(Golden.Page([J1, H1, Ex]), reply.Body);
    }

    [Fact]
    public async Task ListInferences_TagNotEqual_NeedsTheKeyWithAnotherValue()
    {
        // H3 and the bulk inferences have no "env" tag, so they fail != as well as =.
        var reply = await List("""{"type":"tag","key":"env","value":"prod","comparison_operator":"!="}""");

        Assert.Equal(Golden.Page([J2, H2]), reply.Body);
    }

    [Fact]
    public async Task ListInferences_TimeFilter_ComparesWholeSeconds()
    {
        var before = await List("""{"type":"time","time":"2025-06-01T12:34:58Z","comparison_operator":"<"}""");
        var offset = await List("""{"type":"time","time":"2025-06-01T14:34:58.700+02:00","comparison_operator":"<="}""");

        Assert.Equal(Golden.Page([H1, Ex]), before.Body);
        Assert.Equal(Golden.Page([H2, H1, Ex]), offset.Body);
    }

    [Fact]
    public async Task ListInferences_DemonstrationFeedbackFilter_MatchesInferencesWithOne()
    {
        var with = await List("""{"type":"demonstration_feedback","has_demonstration":true}""");
        var without = await List("""{"type":"demonstration_feedback","has_demonstration":false}""", "write_haiku");

        Assert.Equal(Golden.Page([J1, H2, H1]), with.Body);
        Assert.Equal(Golden.Page([H3, Ex]), without.Body);
    }

    [Fact]
    public async Task ListInferences_EmptyAnd_MatchesEverything()
    {
        var reply = await List("""{"type":"and","children":[]}""", limit: 30);

        Assert.Equal(Golden.Page(NewestFirst), reply.Body);
    }

    [Fact]
    public async Task ListInferences_EmptyOr_MatchesNothing()
    {
        var reply = await List("""{"type":"or","children":[]}""");

        Assert.Equal("""{"inferences":[]}""", reply.Body);
    }

    [Fact]
    public async Task ListInferences_NestedCombinators_CombineTheLeaves()
    {
        var reply = await List("""
            {"type":"and","children":[
              {"type":"or","children":[
                {"type":"tag","key":"env","value":"dev","comparison_operator":"="},
                {"type":"boolean_metric","metric_name":"thumbs_up","value":true}]},
              {"type":"not","child":{"type":"tag","key":"user","value":"bob","comparison_operator":"="}}]}
            """);

        Assert.Equal(Golden.Page([H2, H1]), reply.Body);
    }

    [Fact]
    public async Task ListInferences_FilterAlias_IsUsedWhenFiltersIsAbsent()
    {
        var reply = await server.ListAsync("""{"filter":{"type":"tag","key":"env","value":"staging","comparison_operator":"="}}""");

        Assert.Equal(Golden.Page([J2]), reply.Body);
    }

    [Fact]
    public async Task ListInferences_FiltersAndAlias_FiltersWins()
    {
        var reply = await server.ListAsync("""
            {"filter":{"type":"tag","key":"env","value":"staging","comparison_operator":"="},
             "filters":{"type":"tag","key":"env","value":"dev","comparison_operator":"="}}
            """);

        Assert.Equal(Golden.Page([H2]), reply.Body);
    }

    [Fact]
    public async Task ListInferences_FiltersNull_FallsBackToAlias()
    {
        var reply = await server.ListAsync("""{"filters":null,"filter":{"type":"tag","key":"env","value":"staging","comparison_operator":"="}}""");

        Assert.Equal(Golden.Page([J2]), reply.Body);
    }

    [Fact]
    public async Task ListInferences_FilterWithOutputSourceDemonstration_AppliesBoth()
    {
        var reply = await server.ListAsync("""{"output_source":"demonstration","filters":{"type":"tag","key":"env","value":"prod","comparison_operator":"="}}""");

        Assert.Equal(Golden.Page([J1, H1], Golden.Source.Demonstration), reply.Body);
    }

    private Task<RestReply> List(string filter, string? function = null, int limit = 20)
    {
        var functionMember = function is null ? string.Empty : $"\"function_name\":\"{function}\",";
        return server.ListAsync($$"""{{{functionMember}}"limit":{{limit}},"filters":{{filter}}}""");
    }
}
