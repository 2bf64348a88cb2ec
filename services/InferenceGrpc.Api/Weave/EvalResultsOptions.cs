using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Api.Weave;

/// <summary>A query's settings with Weave's defaults applied (api-compat-spec 3.2).</summary>
internal sealed record EvalResultsOptions(
    IReadOnlyList<string> EvaluationIds,
    bool RequireIntersection,
    bool IncludeRawDataRows,
    bool ResolveRowRefs,
    bool IncludeRows,
    bool IncludeSummary,
    bool SummaryRequireIntersection,
    long? Limit,
    long Offset,
    bool IncludeChildren,
    bool IncludeCosts)
{
    public static EvalResultsOptions From(EvalResultsQuery query)
    {
        var includeRows = !query.HasIncludeRows || query.IncludeRows;
        return new EvalResultsOptions(
            query.EvaluationCallIds.Concat(query.EvaluationRunIds).Distinct(StringComparer.Ordinal).ToList(),
            query.RequireIntersection,
            // Raw rows are only ever filled for rows that are returned.
            query.IncludeRawDataRows && includeRows,
            query.ResolveRowRefs,
            includeRows,
            query.IncludeSummary,
            query.HasSummaryRequireIntersection ? query.SummaryRequireIntersection : query.RequireIntersection,
            query.HasLimit ? (long)Math.Min(query.Limit, long.MaxValue) : null,
            Math.Max(query.Offset, 0),
            !query.HasIncludePredictAndScoreChildren || query.IncludePredictAndScoreChildren,
            query.IncludeCosts);
    }
}
