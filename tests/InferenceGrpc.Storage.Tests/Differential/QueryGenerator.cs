using InferenceGrpc.Storage.Query;
using OutputSource = InferenceGrpc.Storage.Query.OutputSource;

namespace InferenceGrpc.Storage.Tests.Differential;

/// <summary>
/// Random <see cref="InferenceQuery"/> values that the API could produce (api-compat-spec 1.5.4):
/// never both cursors, no offset with a cursor, cursors only with timestamp orders or none,
/// metric orders only with a function, relevance only with a search.
/// </summary>
internal sealed class QueryGenerator
{
    private static readonly int[] Limits = [0, 1, 2, 3, 5, 10, 20, 50, 1000];
    private readonly Random _random;
    private readonly DataPools _pools;
    private readonly FilterGenerator _filters;

    public QueryGenerator(int seed, DataPools pools)
    {
        _random = new Random(seed);
        _pools = pools;
        _filters = new FilterGenerator(_random, pools);
    }

    public InferenceQuery Next()
    {
        var function = Chance(0.4) ? (Chance(0.05) ? "unknown-function" : Pick(DataPools.Functions.Keys.ToList())) : null;
        var search = Chance(0.2) ? Search() : null;
        var orders = Orders(function is not null, search is not null);
        var query = new InferenceQuery
        {
            FunctionName = function,
            VariantName = Chance(0.12) ? Pick(DataPools.Functions.Values.SelectMany(v => v).Distinct().ToList()) : null,
            EpisodeId = Chance(0.08) ? Pick(_pools.EpisodeIds) : null,
            Ids = Chance(0.05) ? Some(_pools.InferenceIds, allowEmpty: true) : null,
            ExternalIds = Chance(0.05) ? Some(_pools.ExternalIds, allowEmpty: true) : null,
            SessionIds = Chance(0.05) ? Some([.. _pools.SessionIds, "s-none"], allowEmpty: true) : null,
            EvaluationIds = Chance(0.06) ? Some([.. _pools.EvaluationIds, "ev-none"], allowEmpty: true) : null,
            CreatedFrom = Chance(0.08) ? _filters.Instant() : null,
            CreatedTo = Chance(0.08) ? _filters.Instant().AddHours(Chance(0.5) ? 12 : 0) : null,
            Filter = Chance(0.65) ? _filters.Node(_random.Next(1, 5)) : null,
            Search = search,
            OrderBy = orders,
            Limit = Pick(Limits),
            OutputSource = Chance(0.15) ? OutputSource.Demonstration : (Chance(0.1) ? OutputSource.None : OutputSource.Inference),
            IncludeTotalCount = Chance(0.3),
            IncludeDeleted = Chance(0.15),
        };

        if (orders.All(o => o.Key == OrderKey.Timestamp) && Chance(0.35))
        {
            var cursor = Chance(0.8) ? Pick(_pools.InferenceIds) : DeterministicIds.Version7(_filters.Instant().ToUnixTimeMilliseconds(), _random);
            return Chance(0.5) ? query with { Before = cursor } : query with { After = cursor };
        }

        return Chance(0.35) ? query with { Offset = _random.Next(0, 60) } : query;
    }

    private List<InferenceOrder> Orders(bool hasFunction, bool hasSearch)
    {
        var orders = new List<InferenceOrder>();
        if (hasSearch && Chance(0.5))
        {
            // Relevance ties are common (most texts hold a term once), so it leads when it is used at all.
            orders.Add(new InferenceOrder(OrderKey.SearchRelevance, Chance(0.5)));
        }

        var count = orders.Count + (Chance(0.45) ? 0 : _random.Next(1, 3));
        while (orders.Count < count)
        {
            var descending = Chance(0.5);
            switch (_random.Next(5))
            {
                case 0 or 1:
                    orders.Add(new InferenceOrder(OrderKey.Timestamp, descending));
                    break;
                case 2 when hasFunction:
                    orders.Add(new InferenceOrder(OrderKey.Metric, descending, DataPools.Ref(Pick(DataPools.Metrics))));
                    break;
                case 3 when hasSearch:
                    orders.Add(new InferenceOrder(OrderKey.SearchRelevance, descending));
                    break;
                case 4:
                    orders.Add(new InferenceOrder(OrderKey.TurnIndex, descending));
                    break;
                default:
                    count--;
                    break;
            }
        }

        return orders;
    }

    private string Search() => _random.Next(6) switch
    {
        0 => string.Empty,
        1 => "no such text",
        2 or 3 => Pick(DataPools.Words).ToUpperInvariant(),
        _ => Chance(0.5) ? Pick(_pools.SearchSamples) : Pick(_pools.SearchSamples).ToUpperInvariant(),
    };

    private List<T> Some<T>(IReadOnlyList<T> values, bool allowEmpty) =>
        Enumerable.Range(0, _random.Next(allowEmpty ? 0 : 1, 5)).Select(_ => Pick(values)).ToList();

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> values) => values[_random.Next(values.Count)];
}
