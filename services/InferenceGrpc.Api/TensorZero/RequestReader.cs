using System.Text.Json;
using InferenceGrpc.Contracts.V1;
using static InferenceGrpc.Api.TensorZero.SerdeFields;

namespace InferenceGrpc.Api.TensorZero;

/// <summary>
/// Builds the request messages from TensorZero's request bodies (api-compat-spec 1.3, 1.4),
/// failing as TensorZero's serde structs `GetInferencesRequest` and `ListInferencesRequest`
/// would. Our extensions ride along as optional members TensorZero does not know ("project",
/// "include_total_count", "page_token", "page_size"); TensorZero ignores unknown members, so a
/// TensorZero client never sends them and never sees their effect.
/// </summary>
internal static class RequestReader
{
    private static readonly string[] OutputSources = ["none", "inference", "demonstration"];

    public static GetInferencesRequest ReadGet(JsonElement json)
    {
        var v = Struct(Root(json, "GetInferencesRequest", 3),
            new("ids", j => Ids(j)),
            new("function_name", j => OptionalString(j), Required: false),
            new("output_source", j => UnitVariant(j, OutputSources), Required: false),
            new("project", j => OptionalString(j), Required: false));
        var ids = (List<string>)v["ids"]!;
        var request = new GetInferencesRequest { Project = Get<string>(v, "project") ?? string.Empty, OutputSource = Source(v) };
        request.Ids.AddRange(ids);

        if (Get<string>(v, "function_name") is { } function)
        {
            request.FunctionName = function;
        }

        return request;
    }

    public static ListInferencesRequest ReadList(JsonElement json, out ResponseExtensions extensions)
    {
        var v = Struct(Root(json, "ListInferencesRequest", 12), [
            .. SelectionFields,
            new("limit", j => OptionalU32(j), Required: false),
            new("offset", j => OptionalU32(j), Required: false),
            new("before", j => OptionalUuid(j), Required: false),
            new("after", j => OptionalUuid(j), Required: false),
            new("project", j => OptionalString(j), Required: false),
            new("include_total_count", j => j.ValueKind == JsonValueKind.Null ? null : Bool(j), Required: false),
            new("page_token", j => OptionalString(j), Required: false),
        ]);
        var request = new ListInferencesRequest
        {
            Project = Get<string>(v, "project") ?? string.Empty,
            Selection = Selection(v),
            IncludeTotalCount = v.GetValueOrDefault("include_total_count") is true,
            PageToken = Get<string>(v, "page_token") ?? string.Empty,
        };
        SetIf(v, "limit", (uint x) => request.Limit = x);
        SetIf(v, "offset", (uint x) => request.Offset = x);
        SetIf(v, "before", (string x) => request.Before = x);
        SetIf(v, "after", (string x) => request.After = x);

        // The reply carries our paging extras only for callers that asked for them.
        extensions = new ResponseExtensions(v.GetValueOrDefault("page_token") is not null, request.IncludeTotalCount);
        return request;
    }

    /// <summary>The stream takes the list body's selection; limit, offset and cursors do not apply to it.</summary>
    public static StreamInferencesRequest ReadStream(JsonElement json)
    {
        var v = Struct(Root(json, "ListInferencesRequest", 12), [
            .. SelectionFields,
            new("project", j => OptionalString(j), Required: false),
            new("page_size", j => OptionalU32(j), Required: false),
            new("page_token", j => OptionalString(j), Required: false),
        ]);
        return new StreamInferencesRequest
        {
            Project = Get<string>(v, "project") ?? string.Empty,
            Selection = Selection(v),
            PageSize = v.GetValueOrDefault("page_size") as uint? ?? 0,
            PageToken = Get<string>(v, "page_token") ?? string.Empty,
        };
    }

    private static SerdeField[] SelectionFields =>
    [
        new("function_name", j => OptionalString(j), Required: false),
        new("variant_name", j => OptionalString(j), Required: false),
        new("episode_id", j => OptionalUuid(j), Required: false),
        new("output_source", j => UnitVariant(j, OutputSources), Required: false),
        new("filters", j => j.ValueKind == JsonValueKind.Null ? null : FilterReader.Read(j), Required: false),
        new("filter", j => j.ValueKind == JsonValueKind.Null ? null : FilterReader.Read(j), Required: false),
        new("order_by", j => j.ValueKind == JsonValueKind.Null ? null : OrderByReader.Read(j), Required: false),
        new("search_query_experimental", j => OptionalString(j), Required: false),
    ];

    private static InferenceSelection Selection(Dictionary<string, object?> v)
    {
        var selection = new InferenceSelection { OutputSource = Source(v) };
        SetIf(v, "function_name", (string x) => selection.FunctionName = x);
        SetIf(v, "variant_name", (string x) => selection.VariantName = x);
        SetIf(v, "episode_id", (string x) => selection.EpisodeId = x);
        SetIf(v, "search_query_experimental", (string x) => selection.SearchQueryExperimental = x);

        // `filter` is TensorZero's deprecated alias, used only when `filters` is absent or null;
        // both are still read, so a bad `filter` fails even next to a good `filters`.
        selection.Filters = Get<InferenceFilter>(v, "filters") ?? Get<InferenceFilter>(v, "filter");
        if (Get<List<OrderBy>>(v, "order_by") is { } order)
        {
            selection.OrderBy.AddRange(order);
        }

        return selection;
    }

    private static OutputSource Source(Dictionary<string, object?> v) => v.GetValueOrDefault("output_source") switch
    {
        "none" => OutputSource.None,
        "demonstration" => OutputSource.Demonstration,
        _ => OutputSource.Inference,
    };

    private static List<string> Ids(JsonElement json)
    {
        var ids = new List<string>();
        foreach (var id in Sequence(json))
        {
            ids.Add(At($"[{ids.Count}]", () => Uuid(id)));
        }

        return ids;
    }

    /// <summary>
    /// The body's members. A body that is no object fails as serde fails a struct; serde_json
    /// would read an array as the struct's fields in order, which no client relies on, so only
    /// the empty array keeps serde's exact text.
    /// </summary>
    private static List<KeyValuePair<string, JsonElement>> Root(JsonElement json, string structName, int fieldCount) => json.ValueKind switch
    {
        JsonValueKind.Object => Members(json),
        JsonValueKind.Array when json.GetArrayLength() == 0 => throw new SerdeError($"invalid length 0, expected struct {structName} with {fieldCount} elements"),
        _ => throw SerdeError.InvalidType(json, $"struct {structName}"),
    };

    private static T? Get<T>(Dictionary<string, object?> values, string name)
        where T : class => values.GetValueOrDefault(name) as T;

    private static void SetIf<T>(Dictionary<string, object?> values, string name, Action<T> set)
    {
        if (values.GetValueOrDefault(name) is T value)
        {
            set(value);
        }
    }
}

