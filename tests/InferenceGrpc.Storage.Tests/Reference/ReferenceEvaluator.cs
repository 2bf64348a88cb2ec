using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage.Query;
using OutputSource = InferenceGrpc.Storage.Query.OutputSource;

namespace InferenceGrpc.Storage.Tests.Reference;

/// <summary>
/// An in-memory oracle for <see cref="IInferenceStore.QueryInferencesAsync"/>: the spec
/// (api-compat-spec 1.5-1.6, <see cref="InferenceQuery"/>) written as plain C# over the records,
/// independent of both SQL compilers, so a differential test can check each store against it.
/// </summary>
internal static class ReferenceEvaluator
{
    public static ReferenceResult Evaluate(ReferenceData data, InferenceQuery query)
    {
        var matching = data.Inferences.Where(i => Matches(data, query, i)).ToList();
        var page = matching.Where(i => WithinCursors(query, Id(i))).ToList();

        // 'after' walks forward: every direction inverted, oldest id first, then the page reversed.
        var walkingForward = query.After is not null;
        page.Sort(new ReferenceOrdering(data, query, invert: walkingForward));
        var ids = page.Skip(query.Offset).Take(query.Limit).Select(Id).ToList();
        if (walkingForward)
        {
            ids.Reverse();
        }

        return new ReferenceResult(ids, matching.Count);
    }

    private static bool Matches(ReferenceData data, InferenceQuery query, Inference inference)
    {
        var id = Id(inference);
        var created = inference.CreateTime.ToDateTimeOffset();
        return (query.IncludeDeleted || inference.DeleteTime is null)
            && (string.IsNullOrEmpty(query.FunctionName) || inference.FunctionName == query.FunctionName)
            && (string.IsNullOrEmpty(query.VariantName) || inference.VariantName == query.VariantName)
            && (query.EpisodeId is null || (inference.EpisodeId.Length > 0 && Guid.Parse(inference.EpisodeId) == query.EpisodeId))
            && (query.Ids is null || query.Ids.Contains(id))
            && (query.ExternalIds is null || (inference.ExternalId.Length > 0 && query.ExternalIds.Contains(inference.ExternalId)))
            && (query.SessionIds is null || (inference.SessionId.Length > 0 && query.SessionIds.Contains(inference.SessionId)))
            && (query.EvaluationIds is null || Evaluated(data, query.EvaluationIds, inference))
            && (query.CreatedFrom is null || created >= query.CreatedFrom)
            && (query.CreatedTo is null || created <= query.CreatedTo)
            && (string.IsNullOrEmpty(query.Search) || SearchText.Of(inference).Contains(SearchText.Normalize(query.Search), StringComparison.Ordinal))
            && (query.OutputSource != OutputSource.Demonstration || data.HasDemonstration(id))
            && (query.Filter is null || ReferenceFilter.Evaluate(query.Filter, inference, data) == true);
    }

    /// <summary>An evaluation points at its inference or, when it names none, at every turn of its session.</summary>
    private static bool Evaluated(ReferenceData data, IReadOnlyList<string> evaluationIds, Inference inference) =>
        data.Evaluations.Where(e => evaluationIds.Contains(e.Id)).Any(e => e.InferenceId.Length > 0
            ? Uuid7.TryParse(e.InferenceId, out var target) && target == Id(inference)
            : e.SessionId.Length > 0 && e.SessionId == inference.SessionId);

    private static bool WithinCursors(InferenceQuery query, Guid id) =>
        (query.Before is null || Uuid7.Compare(id, query.Before.Value) < 0)
        && (query.After is null || Uuid7.Compare(id, query.After.Value) > 0);

    private static Guid Id(Inference inference) => Guid.Parse(inference.Id);
}
