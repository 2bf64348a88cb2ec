using Google.Protobuf.Collections;
using InferenceGrpc.Api.Queries;
using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage.Query;
using Microsoft.Extensions.Options;

namespace InferenceGrpc.Api.Galtea;

/// <summary>
/// Turns Galtea's query parameters into the store's <see cref="InferenceQuery"/> after checking
/// them (api-compat-spec 2.5): negative or too large limit or offset, unreadable date-times, a
/// range that ends before it starts and a malformed sort are INVALID_ARGUMENT (400). Galtea
/// documents no default limit; ours is <see cref="DefaultLimit"/>, at most <see cref="MaxLimit"/>
/// (the newer SDK's default, so its calls are never refused).
/// </summary>
public sealed class InferenceResultQueryFactory(IOptions<QueryLimits> options)
{
    public const int DefaultLimit = 1000;
    public const int MaxLimit = 10_000;

    private QueryLimits Limits => options.Value;

    internal InferenceQuery Create(ListInferenceResultsRequest request)
    {
        var from = IsoDateTime.ParseOptional("fromCreatedAt", request.FromCreatedAt);
        var to = IsoDateTime.ParseOptional("toCreatedAt", request.ToCreatedAt);
        if (from > to)
        {
            throw QueryErrors.Invalid("fromCreatedAt", $"fromCreatedAt ({request.FromCreatedAt}) must not be later than toCreatedAt ({request.ToCreatedAt})");
        }

        return new InferenceQuery
        {
            ExternalIds = IdList("ids", request.Ids),
            SessionIds = IdList("sessionIds", request.SessionIds),
            EvaluationIds = IdList("evaluationIds", request.EvaluationIds),
            CreatedFrom = from,
            CreatedTo = to,
            OrderBy = SortParser.Parse(request.Sort),
            Limit = Bounded("limit", request.HasLimit ? request.Limit : DefaultLimit, MaxLimit),
            Offset = Bounded("offset", request.HasOffset ? request.Offset : 0, Limits.MaxOffset),
        };
    }

    /// <summary>The distinct ids in the order given, or null (no filter) when there are none.</summary>
    private List<string>? IdList(string parameter, RepeatedField<string> ids)
    {
        var distinct = ids.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count > Limits.MaxIds)
        {
            throw QueryErrors.Invalid(parameter, $"{parameter} takes at most {Limits.MaxIds} values, got {distinct.Count}");
        }

        return distinct.Count == 0 ? null : distinct;
    }

    private static int Bounded(string parameter, long value, int max) => value switch
    {
        < 0 => throw QueryErrors.Invalid(parameter, $"{parameter} must be a non-negative integer, got {value}"),
        _ when value > max => throw QueryErrors.Invalid(parameter, $"{parameter} must be at most {max}, got {value}"),
        _ => (int)value,
    };
}
