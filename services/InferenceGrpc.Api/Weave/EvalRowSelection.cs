using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Api.Weave;

/// <summary>
/// Weave's row selection (api-compat-spec 3.3 step 7): with 2 or more evaluations asked for,
/// intersection keeps only the rows every one of them ran; rows sort by digest in code-point
/// order; the count is taken; then offset and limit cut the page.
/// </summary>
internal static class EvalRowSelection
{
    /// <summary>Every selected row, sorted, before paging.</summary>
    public static List<EvalResultsRow> Select(IEnumerable<EvalResultsRow> rows, IReadOnlyList<string> evaluationIds, bool requireIntersection)
    {
        var selected = requireIntersection && evaluationIds.Count > 1
            ? rows.Where(row => evaluationIds.All(id => row.Evaluations.Any(e => e.EvaluationCallId == id)))
            : rows;
        return selected.OrderBy(row => row.RowDigest, CodePointComparer.Instance).ToList();
    }

    /// <summary>rows[offset : offset + limit], as a Python slice.</summary>
    public static IEnumerable<EvalResultsRow> Page(List<EvalResultsRow> rows, long offset, long? limit)
    {
        var skipped = rows.Skip((int)Math.Min(offset, int.MaxValue));
        return limit is { } count ? skipped.Take((int)Math.Min(count, int.MaxValue)) : skipped;
    }
}
