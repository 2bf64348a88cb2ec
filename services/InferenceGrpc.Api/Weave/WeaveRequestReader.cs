using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Api.Weave;

/// <summary>
/// Reads an eval_results query body as Weave's FastAPI model does (pydantic v2, lax mode,
/// extra keys forbidden): "true"/"yes"/1 are booleans, "7" and 7.0 are integers, and every
/// problem in the body is reported at once as a 422 entry with pydantic's type and text.
/// </summary>
internal sealed class WeaveRequestReader
{
    private static readonly string[] TrueWords = ["1", "on", "t", "true", "y", "yes"];
    private static readonly string[] FalseWords = ["0", "off", "f", "false", "n", "no"];

    /// <summary>The body model's fields in declaration order: the seed version's, then the newer optional ones (api-compat-spec 3.2).</summary>
    private static readonly string[] Fields =
    [
        "evaluation_call_ids", "evaluation_run_ids", "require_intersection", "include_raw_data_rows", "resolve_row_refs",
        "include_rows", "include_summary", "summary_require_intersection", "limit", "offset",
        "include_predict_and_score_children", "include_costs", "sort_by", "filters", "filter_logic_operator",
    ];

    private const string PageSizeField = "page_size";

    private readonly List<PydanticError> _errors = [];

    /// <summary>The query, or <see cref="RequestValidationException"/> with every error found.</summary>
    public static QueryEvalResultsRequest ReadQuery(JsonElement body)
    {
        var reader = new WeaveRequestReader();
        var request = new QueryEvalResultsRequest { Query = reader.ReadBody(body, null) };
        return reader._errors.Count == 0 ? request : throw new RequestValidationException(reader._errors);
    }

    /// <summary>The query of our stream extension: Weave's body plus "page_size" (an int from 0, 0 meaning the default).</summary>
    public static StreamEvalResultsRequest ReadStream(JsonElement body)
    {
        var reader = new WeaveRequestReader();
        var request = new StreamEvalResultsRequest();
        request.Query = reader.ReadBody(body, request);
        return reader._errors.Count == 0 ? request : throw new RequestValidationException(reader._errors);
    }

    private EvalResultsQuery ReadBody(JsonElement body, StreamEvalResultsRequest? stream)
    {
        var query = new EvalResultsQuery();
        if (body.ValueKind != JsonValueKind.Object)
        {
            _errors.Add(new PydanticError("model_attributes_type", ["body"], "Input should be a valid dictionary or object to extract fields from", body));
            return query;
        }

        // pydantic reports field errors in the model's field order, then the extra keys.
        foreach (var field in Fields)
        {
            if (body.TryGetProperty(field, out var value))
            {
                Apply(field, value, query);
            }
        }

        if (stream is not null && body.TryGetProperty(PageSizeField, out var pageSize))
        {
            stream.PageSize = (uint)BigInteger.Min(NonNegative(PageSizeField, pageSize) ?? 0, uint.MaxValue);
        }

        foreach (var property in body.EnumerateObject().Where(p => !Fields.Contains(p.Name) && (stream is null || p.Name != PageSizeField)))
        {
            _errors.Add(new PydanticError("extra_forbidden", ["body", property.Name], "Extra inputs are not permitted", property.Value));
        }

        return query;
    }

    private void Apply(string field, JsonElement value, EvalResultsQuery query)
    {
        switch (field)
        {
            case "evaluation_call_ids":
                StringList(field, value, query.EvaluationCallIds);
                break;
            case "evaluation_run_ids":
                StringList(field, value, query.EvaluationRunIds);
                break;
            case "require_intersection":
                query.RequireIntersection = Bool(field, value) ?? false;
                break;
            case "include_raw_data_rows":
                query.IncludeRawDataRows = Bool(field, value) ?? false;
                break;
            case "resolve_row_refs":
                query.ResolveRowRefs = Bool(field, value) ?? false;
                break;
            case "include_rows":
                query.IncludeRows = Bool(field, value) ?? true;
                break;
            case "include_summary":
                query.IncludeSummary = Bool(field, value) ?? false;
                break;
            case "summary_require_intersection" when value.ValueKind != JsonValueKind.Null:
                query.SummaryRequireIntersection = Bool(field, value) ?? false;
                break;
            case "limit" when value.ValueKind != JsonValueKind.Null:
                Limit(value, query);
                break;
            case "offset":
                query.Offset = (long)BigInteger.Clamp(Integer(field, value) ?? 0, long.MinValue, long.MaxValue);
                break;
            case "include_predict_and_score_children":
                query.IncludePredictAndScoreChildren = Bool(field, value) ?? true;
                break;
            case "include_costs":
                query.IncludeCosts = Bool(field, value) ?? false;
                break;
            case "sort_by":
                ObjectList(field, value, query.SortBy);
                break;
            case "filters":
                ObjectList(field, value, query.Filters);
                break;
            case "filter_logic_operator":
                LogicOperator(value);
                break;
        }
    }

    private void Limit(JsonElement value, EvalResultsQuery query)
    {
        if (NonNegative("limit", value) is { } limit)
        {
            query.Limit = (ulong)BigInteger.Min(limit, ulong.MaxValue);
        }
    }

    /// <summary>An int with ge=0.</summary>
    private BigInteger? NonNegative(string field, JsonElement value)
    {
        if (Integer(field, value) is not { } number)
        {
            return null;
        }

        if (number < 0)
        {
            _errors.Add(new PydanticError("greater_than_equal", ["body", field], "Input should be greater than or equal to 0", value, [KeyValuePair.Create("ge", (object)0L)]));
            return null;
        }

        return number;
    }

    /// <summary>list[str] | None.</summary>
    private void StringList(string field, JsonElement value, RepeatedField<string> target) =>
        List(field, value, target, JsonValueKind.String, item => item.GetString()!, "string_type", "Input should be a valid string");

    /// <summary>list[dict] | None, kept as values: the service decides what it supports.</summary>
    private void ObjectList(string field, JsonElement value, RepeatedField<Value> target) =>
        List(field, value, target, JsonValueKind.Object, item => Value.Parser.ParseJson(item.GetRawText()), "dict_type", "Input should be a valid dictionary");

    /// <summary>A list or None whose items must all be of one JSON kind; each other item is an error at its index.</summary>
    private void List<T>(string field, JsonElement value, RepeatedField<T> target, JsonValueKind itemKind, Func<JsonElement, T> convert, string itemError, string itemMessage)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            _errors.Add(new PydanticError("list_type", ["body", field], "Input should be a valid list", value));
            return;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == itemKind)
            {
                target.Add(convert(item));
            }
            else
            {
                _errors.Add(new PydanticError(itemError, ["body", field, index], itemMessage, item));
            }

            index++;
        }
    }

    /// <summary>Literal["and", "or"] | None: checked, not used (filters are not supported).</summary>
    private void LogicOperator(JsonElement value)
    {
        if (value.ValueKind is JsonValueKind.Null || (value.ValueKind == JsonValueKind.String && value.GetString() is "and" or "or"))
        {
            return;
        }

        _errors.Add(new PydanticError("literal_error", ["body", "filter_logic_operator"], "Input should be 'and' or 'or'", value, [KeyValuePair.Create("expected", (object)"'and' or 'or'")]));
    }

    /// <summary>A lax bool: JSON booleans, 0 and 1, and pydantic's words in any case.</summary>
    private bool? Bool(string field, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String:
                var word = value.GetString()!.ToLowerInvariant();
                if (TrueWords.Contains(word) || FalseWords.Contains(word))
                {
                    return TrueWords.Contains(word);
                }

                break;
            case JsonValueKind.Number:
                var number = value.GetDouble();
                if (number is 0 or 1)
                {
                    return number == 1;
                }

                if (Math.Floor(number) != number)
                {
                    _errors.Add(new PydanticError("bool_type", ["body", field], "Input should be a valid boolean", value));
                    return null;
                }

                break;
            default:
                _errors.Add(new PydanticError("bool_type", ["body", field], "Input should be a valid boolean", value));
                return null;
        }

        _errors.Add(new PydanticError("bool_parsing", ["body", field], "Input should be a valid boolean, unable to interpret input", value));
        return null;
    }

    /// <summary>A lax int: JSON integers of any size, integral floats, true/false, and integer strings (spaces trimmed).</summary>
    private BigInteger? Integer(string field, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.True or JsonValueKind.False:
                return value.ValueKind == JsonValueKind.True ? 1 : 0;
            case JsonValueKind.String when BigInteger.TryParse(value.GetString()!.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed):
                return parsed;
            case JsonValueKind.String:
                _errors.Add(new PydanticError("int_parsing", ["body", field], "Input should be a valid integer, unable to parse string as an integer", value));
                return null;
            case JsonValueKind.Number when BigInteger.TryParse(value.GetRawText(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer):
                return integer;
            case JsonValueKind.Number:
                var number = value.GetDouble();
                if (Math.Floor(number) != number)
                {
                    _errors.Add(new PydanticError("int_from_float", ["body", field], "Input should be a valid integer, got a number with a fractional part", value));
                    return null;
                }

                if (Math.Abs(number) > long.MaxValue)
                {
                    _errors.Add(new PydanticError("int_parsing_size", ["body", field], "Unable to parse input string as an integer, exceeded maximum size", value));
                    return null;
                }

                return new BigInteger(number);
            default:
                _errors.Add(new PydanticError("int_type", ["body", field], "Input should be a valid integer", value));
                return null;
        }
    }
}
