using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using InferenceGrpc.Contracts.V1;

namespace InferenceGrpc.Cli.Export;

/// <summary>
/// Turns a stored inference into one line of OpenAI's chat fine-tuning format:
/// <c>{"messages": [system?, user/assistant/tool turns..., assistant answer]}</c>. The input is
/// TensorZero's stored input ({"system", "messages": [{"role", "content": [blocks]}]}); the
/// answer is the chosen output (the model's, or the demonstration). Text, template arguments,
/// raw text, tool calls and tool results convert; an inference with any other content (images,
/// files, thoughts) is skipped with the reason, never exported half.
/// </summary>
internal static class ChatFineTuningExample
{
    public static JsonObject Create(StoredInference stored)
    {
        var input = stored.Inference.Input?.StructValue ?? throw new ExportSkipped("the input is not an object");
        var messages = new JsonArray();
        if (input.Fields.TryGetValue("system", out var system) && system.KindCase != Value.KindOneofCase.NullValue)
        {
            messages.Add(new JsonObject { ["role"] = "system", ["content"] = TextOf(system) });
        }

        if (input.Fields.TryGetValue("messages", out var turns))
        {
            foreach (var turn in turns.ListValue?.Values ?? [])
            {
                var fields = turn.StructValue?.Fields ?? throw new ExportSkipped("an input message is not an object");
                var role = fields.TryGetValue("role", out var r) ? r.StringValue : "";
                AddTurn(messages, role, fields.TryGetValue("content", out var content) ? content : Value.ForString(""));
            }
        }

        var output = stored.Output ?? throw new ExportSkipped("it has no output");
        if (output.StructValue is { } json && json.Fields.TryGetValue("raw", out var raw))
        {
            // A JSON function's output: the model was trained to write the raw text.
            messages.Add(new JsonObject { ["role"] = "assistant", ["content"] = raw.StringValue });
        }
        else
        {
            AddTurn(messages, "assistant", output);
        }

        return new JsonObject { ["messages"] = messages };
    }

    // One stored message may become several chat messages: tool results are their own "tool"
    // messages, and an assistant's tool calls go into its tool_calls list.
    private static void AddTurn(JsonArray messages, string role, Value content)
    {
        if (role is not ("user" or "assistant"))
        {
            throw new ExportSkipped($"a message has the role '{role}'");
        }

        if (content.KindCase == Value.KindOneofCase.StringValue)
        {
            messages.Add(new JsonObject { ["role"] = role, ["content"] = content.StringValue });
            return;
        }

        var texts = new List<string>();
        var toolCalls = new JsonArray();
        foreach (var block in content.ListValue?.Values ?? throw new ExportSkipped("a message's content is neither text nor blocks"))
        {
            var fields = block.StructValue?.Fields ?? throw new ExportSkipped("a content block is not an object");
            string Field(string name) => fields.TryGetValue(name, out var v) ? TextOf(v) : "";
            switch (Field("type"))
            {
                case "text" when fields.ContainsKey("arguments"):
                    texts.Add(Field("arguments"));
                    break;
                case "text":
                    texts.Add(fields.ContainsKey("text") ? Field("text") : Field("value"));
                    break;
                case "raw_text":
                    texts.Add(Field("value"));
                    break;
                case "template":
                    texts.Add(Field("arguments"));
                    break;
                case "tool_call":
                    toolCalls.Add(new JsonObject
                    {
                        ["id"] = Field("id"),
                        ["type"] = "function",
                        ["function"] = new JsonObject { ["name"] = Field("name"), ["arguments"] = fields.ContainsKey("raw_arguments") ? Field("raw_arguments") : Field("arguments") },
                    });
                    break;
                case "tool_result":
                    messages.Add(new JsonObject { ["role"] = "tool", ["tool_call_id"] = Field("id"), ["content"] = Field("result") });
                    break;
                case var other:
                    throw new ExportSkipped($"it holds a '{other}' content block");
            }
        }

        if (texts.Count == 0 && toolCalls.Count == 0)
        {
            return;
        }

        var message = new JsonObject { ["role"] = role, ["content"] = texts.Count > 0 ? string.Join("\n", texts) : null };
        if (toolCalls.Count > 0)
        {
            message["tool_calls"] = toolCalls;
        }

        messages.Add(message);
    }

    // Strings stay as they are; structured values (template arguments, tool arguments) become
    // their JSON text, which is what the chat format carries.
    private static string TextOf(Value value) =>
        value.KindCase == Value.KindOneofCase.StringValue ? value.StringValue : JsonFormatter.Default.Format(value);
}
