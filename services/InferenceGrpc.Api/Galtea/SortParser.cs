using InferenceGrpc.Api.Queries;
using InferenceGrpc.Protocol;
using InferenceGrpc.Storage.Query;

namespace InferenceGrpc.Api.Galtea;

/// <summary>
/// Galtea's sort (api-compat-spec 2.3): a flat list read two at a time, [field, direction, ...],
/// as the SDK sends it (sort[]=createdAt&amp;sort[]=desc); comma lists arrive already split. As a
/// lenient extension a single value may also be "createdAt:desc" or "-createdAt". Fields are
/// createdAt and index (the turn in its session, [unverified]); directions asc and desc, in any
/// case. No sort means createdAt then index, both ascending [unverified]. Store ties fall to
/// the id, newest first.
/// </summary>
internal static class SortParser
{
    public static readonly IReadOnlyList<InferenceOrder> Default =
        [new InferenceOrder(OrderKey.CreatedTime, false), new InferenceOrder(OrderKey.TurnIndex, false)];

    public static IReadOnlyList<InferenceOrder> Parse(IReadOnlyList<string> sort)
    {
        if (sort.Count == 0)
        {
            return Default;
        }

        var orders = new List<InferenceOrder>();
        for (var i = 0; i < sort.Count; i++)
        {
            var token = sort[i].Trim();
            string field;
            string direction;
            var colon = token.IndexOf(':', StringComparison.Ordinal);
            if (colon >= 0)
            {
                (field, direction) = (token[..colon], token[(colon + 1)..]);
            }
            else if (token.StartsWith('-'))
            {
                (field, direction) = (token[1..], "desc");
            }
            else if (i + 1 < sort.Count)
            {
                (field, direction) = (token, sort[++i].Trim());
            }
            else
            {
                throw Invalid($"sort must be field and direction pairs such as sort=createdAt&sort=desc; '{token}' has no direction");
            }

            var order = new InferenceOrder(Key(field), Descending(field, direction));
            if (orders.Any(o => o.Key == order.Key))
            {
                throw Invalid($"sort names {field} more than once");
            }

            orders.Add(order);
        }

        return orders;
    }

    private static OrderKey Key(string field) => field switch
    {
        "createdAt" => OrderKey.CreatedTime,
        "index" => OrderKey.TurnIndex,
        _ => throw Invalid($"sort field '{field}' is not sortable; use createdAt or index"),
    };

    private static bool Descending(string field, string direction) => direction.ToLowerInvariant() switch
    {
        "asc" => false,
        "desc" => true,
        _ => throw Invalid($"sort direction '{direction}' for {field} is not valid; use asc or desc"),
    };

    private static RpcException Invalid(string message) => QueryErrors.Invalid("sort", message);
}
