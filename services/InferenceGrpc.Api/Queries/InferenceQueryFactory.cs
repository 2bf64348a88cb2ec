using InferenceGrpc.Contracts.V1;
using InferenceGrpc.Storage;
using InferenceGrpc.Storage.Query;
using Microsoft.Extensions.Options;
using OutputSource = InferenceGrpc.Storage.Query.OutputSource;
using WireOutputSource = InferenceGrpc.Contracts.V1.OutputSource;

namespace InferenceGrpc.Api.Queries;

/// <summary>
/// The query core: turns what a caller asked for (whatever API it came through) into the store's
/// <see cref="InferenceQuery"/>, checking it in TensorZero's order (api-compat-spec 1.5.4) with
/// TensorZero's messages, then resolving metrics and the function against the tenant's data.
/// </summary>
public sealed class InferenceQueryFactory(IInferenceStore store, IOptions<QueryLimits> options)
{
    /// <summary>Any deployment knows TensorZero's default function, whether or not it has data.</summary>
    public const string DefaultFunction = "tensorzero::default";

    private QueryLimits Limits => options.Value;

    internal async Task<InferenceQuery> CreateAsync(TenantId tenant, InferenceSelection selection, Paging paging, CancellationToken cancellationToken)
    {
        var before = ParseOptionalId("before", paging.Before);
        var after = ParseOptionalId("after", paging.After);
        if (before is not null && after is not null)
        {
            throw QueryErrors.BothCursors();
        }

        var cursor = before is not null || after is not null;
        if (cursor && paging.Offset is not null)
        {
            throw QueryErrors.CursorWithOffset();
        }

        foreach (var order in selection.OrderBy)
        {
            if (cursor && order.By == OrderBy.Types.Key.Metric)
            {
                throw QueryErrors.CursorWithMetricOrder(order.Name);
            }

            if (cursor && order.By == OrderBy.Types.Key.SearchRelevance)
            {
                throw QueryErrors.CursorWithRelevanceOrder();
            }
        }

        if (paging.Limit < 0 || paging.Limit > Limits.MaxPageSize)
        {
            throw QueryErrors.Invalid("limit", $"limit: must be between 0 and {Limits.MaxPageSize}, got {paging.Limit}");
        }

        if (paging.Offset > (uint)Limits.MaxOffset)
        {
            throw QueryErrors.Invalid("offset", $"offset: must be at most {Limits.MaxOffset}; page deeper with before/after");
        }

        if (selection.HasSearchQueryExperimental && selection.SearchQueryExperimental.Length > Limits.MaxSearchLength)
        {
            throw QueryErrors.Invalid("search_query_experimental", $"search_query_experimental: at most {Limits.MaxSearchLength} characters");
        }

        var metrics = await store.GetMetricDefinitionsAsync(tenant, cancellationToken);
        var reader = new FilterTreeReader(metrics, Limits);
        var query = new InferenceQuery
        {
            FunctionName = selection.HasFunctionName ? selection.FunctionName : null,
            VariantName = selection.HasVariantName ? selection.VariantName : null,
            EpisodeId = selection.HasEpisodeId ? ParseId("episode_id", selection.EpisodeId) : null,
            OutputSource = Convert(selection.OutputSource),
            Search = selection.HasSearchQueryExperimental ? selection.SearchQueryExperimental : null,
            OrderBy = selection.OrderBy.Select((order, i) => Order(order, i, selection, reader)).ToList(),
            Filter = selection.Filters is null ? null : reader.Read(selection.Filters),
            Before = before,
            After = after,
            Offset = (int)(paging.Offset ?? 0),
            Limit = paging.Limit,
        };

        await RequireFunctionAsync(tenant, query.FunctionName, cancellationToken);
        return query;
    }

    /// <summary>NOT_FOUND "Unknown function" unless the function has data or is TensorZero's default.</summary>
    internal async Task RequireFunctionAsync(TenantId tenant, string? function, CancellationToken cancellationToken)
    {
        if (function is not null && function != DefaultFunction && !await store.FunctionExistsAsync(tenant, function, cancellationToken))
        {
            throw QueryErrors.UnknownFunction(function);
        }
    }

    internal static OutputSource Convert(WireOutputSource source) => source switch
    {
        WireOutputSource.Demonstration => OutputSource.Demonstration,
        WireOutputSource.None => OutputSource.None,
        _ => OutputSource.Inference,
    };

    internal static Guid ParseId(string field, string value) =>
        Uuid7.TryParse(value, out var id) ? id : throw QueryErrors.BadUuid(field, value);

    private static Guid? ParseOptionalId(string field, string? value) => value is null ? null : ParseId(field, value);

    private static InferenceOrder Order(OrderBy order, int index, InferenceSelection selection, FilterTreeReader reader)
    {
        // TensorZero requires a direction; we accept a missing one as descending, the documented default.
        var descending = order.Direction != OrderBy.Types.Direction.Ascending;
        return order.By switch
        {
            OrderBy.Types.Key.Timestamp => new InferenceOrder(OrderKey.Timestamp, descending),
            OrderBy.Types.Key.Metric when !selection.HasFunctionName => throw QueryErrors.MetricOrderWithoutFunction(order.Name),
            OrderBy.Types.Key.Metric => new InferenceOrder(OrderKey.Metric, descending, reader.Metric(order.Name, null, $"order_by[{index}].name")),
            OrderBy.Types.Key.SearchRelevance when !selection.HasSearchQueryExperimental => throw QueryErrors.RelevanceWithoutSearch(),
            OrderBy.Types.Key.SearchRelevance => new InferenceOrder(OrderKey.SearchRelevance, descending),
            _ => throw QueryErrors.Invalid($"order_by[{index}].by", $"order_by[{index}]: unknown variant, expected `timestamp`, `metric` or `search_relevance`"),
        };
    }
}
