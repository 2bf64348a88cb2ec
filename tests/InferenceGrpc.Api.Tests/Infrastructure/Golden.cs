using static InferenceGrpc.Api.Tests.Infrastructure.DataSet;

namespace InferenceGrpc.Api.Tests.Infrastructure;

/// <summary>
/// The exact TensorZero JSON expected for each record of <see cref="DataSet"/>, written out by
/// hand from api-compat-spec 1.7 (never produced by the code under test): key order, nulls,
/// omitted keys, number and string formatting all as TensorZero's serde_json writes them.
/// Each record is its head (up to "input"), its output, its demonstration and its tail (from
/// "timestamp"), so one record serves every output_source.
/// </summary>
internal static class Golden
{
    public const string H1Input = """{"system":"You are a poet.","messages":[{"role":"user","content":[{"type":"text","text":"Write about spring"}]},{"role":"assistant","content":[{"type":"tool_call","id":"call_1","name":"lookup","arguments":"{\"q\":\"spring\"}"}]},{"role":"user","content":[{"type":"tool_result","name":"lookup","result":"cherry","id":"call_1"}]}]}""";

    /// <summary>Escapes as serde_json writes them: \t and \" and \\, lower-case \u001f, HTML characters raw.</summary>
    public const string H3Output = """[{"type":"text","text":"Tab\there <b>&amp;</b> \"q\" \\ \u001f end"}]""";

    public const string J1Schema = """{"type":"object","properties":{"people":{"type":"array","items":{"type":"string"}}},"required":["people"],"additionalProperties":false}""";

    private const string NoParams = """
        "inference_params":{"chat_completion":{"temperature":null,"max_tokens":null,"seed":null,"top_p":null,"presence_penalty":null,"frequency_penalty":null,"json_mode":null,"stop_sequences":null}}
        """;

    public enum Source
    {
        Inference,
        Demonstration,
        None,
    }

    /// <summary>The example record of api-compat-spec 1.7, copied verbatim (ids filled in).</summary>
    public static string SpecExample => """
        {"inferences":[{"type":"chat","function_name":"write_haiku","variant_name":"v1",
         "input":{"messages":[{"role":"user","content":[{"type":"text","text":"Hi"}]}]},
         "output":[{"type":"text","text":"..."}],"dispreferred_outputs":[],
         "timestamp":"2025-06-01T12:34:56Z","episode_id":"0197...","inference_id":"0197...",
         "tags":{"env":"prod"},"extra_body":[],"inference_params":{"chat_completion":{"temperature":null,"max_tokens":null,"seed":null,"top_p":null,"presence_penalty":null,"frequency_penalty":null,"json_mode":null,"stop_sequences":null}},
         "processing_time_ms":812,"ttft_ms":null,"provider_tools":[]}]}
        """.Replace("\n ", string.Empty, StringComparison.Ordinal).ReplaceFirst("0197...", E1).ReplaceFirst("0197...", Ex);

    public static string Record(string id, Source source = Source.Inference)
    {
        var (head, output, demonstration, tail) = Parts(id);
        return source switch
        {
            Source.Inference => $"{head},\"output\":{output},\"dispreferred_outputs\":[],{tail}",
            Source.Demonstration => $"{head},\"output\":{demonstration},\"dispreferred_outputs\":[{output}],{tail}",
            _ => $"{head},\"dispreferred_outputs\":[],{tail}",
        };
    }

    /// <summary>A whole reply: {"inferences":[...]} with these records in this order.</summary>
    public static string Page(IEnumerable<string> ids, Source source = Source.Inference) =>
        "{\"inferences\":[" + string.Join(",", ids.Select(id => Record(id, source))) + "]}";

    private static (string Head, string Output, string? Demonstration, string Tail) Parts(string id)
    {
        if (id == Ex)
        {
            return (
                """{"type":"chat","function_name":"write_haiku","variant_name":"v1","input":{"messages":[{"role":"user","content":[{"type":"text","text":"Hi"}]}]}""",
                """[{"type":"text","text":"..."}]""",
                null,
                $$$"""
                "timestamp":"2025-06-01T12:34:56Z","episode_id":"{{{E1}}}","inference_id":"{{{Ex}}}","tags":{"env":"prod"},"extra_body":[],{{{NoParams}}},"processing_time_ms":812,"ttft_ms":null,"provider_tools":[]}
                """);
        }

        if (id == H1)
        {
            return (
                $$"""{"type":"chat","function_name":"write_haiku","variant_name":"v1","input":{{H1Input}}""",
                """[{"type":"text","text":"Cherry 🌸 blossoms\nfall"}]""",
                """[{"type":"text","text":"A better haiku"}]""",
                $$$"""
                "timestamp":"2025-06-01T12:34:57Z","episode_id":"{{{E1}}}","inference_id":"{{{H1}}}","tags":{"env":"prod","user":"ada"},"extra_body":[{"variant_name":"v1","pointer":"/service_tier","value":"flex"}],"inference_params":{"chat_completion":{"temperature":0.7,"max_tokens":256,"seed":42,"top_p":null,"presence_penalty":null,"frequency_penalty":null,"json_mode":null,"stop_sequences":["\n\n"],"reasoning_effort":"low"}},"processing_time_ms":813,"ttft_ms":45,"snapshot_hash":"0123abcd","allowed_tools":["lookup"],"tool_choice":"auto","parallel_tool_calls":false,"provider_tools":[]}
                """);
        }

        if (id == H2)
        {
            return (
                """{"type":"chat","function_name":"write_haiku","variant_name":"v2","input":{"messages":[{"role":"user","content":[{"type":"text","text":"Again"}]}]}""",
                """[{"type":"text","text":"Second"}]""",
                """[{"type":"text","text":"Plain demo"}]""",
                $$$"""
                "timestamp":"2025-06-01T12:34:58Z","episode_id":"{{{E1}}}","inference_id":"{{{H2}}}","tags":{"env":"dev"},{{{NoParams}}},"processing_time_ms":null,"ttft_ms":null,"provider_tools":[]}
                """);
        }

        if (id == H3)
        {
            return (
                """{"type":"chat","function_name":"write_haiku","variant_name":"v1","input":{"system":"Be brief","messages":[{"role":"user","content":[{"type":"text","text":"Third"}]}]}""",
                H3Output,
                null,
                $$$"""
                "timestamp":"2025-06-01T12:34:59Z","episode_id":"00000000-0000-0000-0000-000000000000","inference_id":"{{{H3}}}","tags":{},"inference_params":{"chat_completion":{"temperature":1.0,"max_tokens":null,"seed":null,"top_p":0.95,"presence_penalty":null,"frequency_penalty":-0.5,"json_mode":null,"stop_sequences":null}},"processing_time_ms":0,"ttft_ms":null,"provider_tools":[]}
                """);
        }

        if (id == J1)
        {
            return (
                """{"type":"json","function_name":"extract_entities","variant_name":"v1","input":{"messages":[{"role":"user","content":[{"type":"text","text":"Ada met Grace"}]}]}""",
                """{"raw":"{\"people\":[\"Ada\"]}","parsed":{"people":["Ada"]}}""",
                """{"raw":"{\"people\":[\"Grace\"]}","parsed":{"people":["Grace"]}}""",
                $$$"""
                "timestamp":"2025-06-01T12:35:00Z","episode_id":"{{{E2}}}","inference_id":"{{{J1}}}","tags":{"env":"prod"},"inference_params":{"chat_completion":{"temperature":0.2,"max_tokens":null,"seed":null,"top_p":null,"presence_penalty":null,"frequency_penalty":null,"json_mode":"strict","stop_sequences":null}},"processing_time_ms":120,"ttft_ms":34,"snapshot_hash":"feedbeef","output_schema":{{{J1Schema}}}}
                """);
        }

        if (id == J2)
        {
            return (
                """{"type":"json","function_name":"extract_entities","variant_name":"v2","input":{"messages":[{"role":"user","content":[{"type":"text","text":"Nobody"}]}]}""",
                """{"raw":"not json","parsed":null}""",
                null,
                $$$"""
                "timestamp":"2025-06-01T12:35:01Z","episode_id":"{{{E2}}}","inference_id":"{{{J2}}}","tags":{"env":"staging"},{{{NoParams}}},"processing_time_ms":null,"ttft_ms":null}
                """);
        }

        var index = Enumerable.Range(0, BulkCount).Single(i => Bulk(i) == id);
        return (
            $$"""{"type":"chat","function_name":"bulk","variant_name":"b","input":{"messages":[{"role":"user","content":[{"type":"text","text":"Bulk question {{index}}"}]}]}""",
            $$"""[{"type":"text","text":"Bulk answer {{index}}"}]""",
            null,
            $$$"""
            "timestamp":"{{{Start.AddSeconds(10 + index):yyyy-MM-dd'T'HH:mm:ss'Z'}}}","episode_id":"{{{E3}}}","inference_id":"{{{id}}}","tags":{"batch":"1","index":"{{{index}}}"},{{{NoParams}}},"processing_time_ms":{{{index * 10}}},"ttft_ms":null,"provider_tools":[]}
            """);
    }

    private static string ReplaceFirst(this string text, string oldValue, string newValue)
    {
        var at = text.IndexOf(oldValue, StringComparison.Ordinal);
        return text[..at] + newValue + text[(at + oldValue.Length)..];
    }
}
