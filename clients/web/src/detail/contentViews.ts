// Inputs and outputs as a person reads them: TensorZero's {"system", "messages"} input with its
// content blocks, chat output blocks, and json functions' {"raw", "parsed"}. Text blocks show as
// text; any other block or shape shows as indented JSON, so nothing stored is hidden.
import type { JsonValue } from "@bufbuild/protobuf";
import { h } from "../dom";

type JsonObject = { [key: string]: JsonValue };

const isObject = (value: JsonValue | undefined): value is JsonObject => typeof value === "object" && value !== null && !Array.isArray(value);

export const jsonBlock = (value: JsonValue): HTMLElement => h("pre", { class: "json" }, JSON.stringify(value, null, 2));

const textBlock = (text: string): HTMLElement => h("pre", { class: "text" }, text);

/** A content block: its text, or its type and JSON (tool calls, tool results, templates, images…). */
function block(value: JsonValue): HTMLElement {
  if (typeof value === "string") {
    return textBlock(value);
  }
  if (isObject(value) && value.type === "text" && typeof value.text === "string") {
    return textBlock(value.text);
  }
  const type = isObject(value) && typeof value.type === "string" ? value.type : "value";
  return h("div", { class: "block" }, h("span", { class: "block-type" }, type), jsonBlock(value));
}

const blocks = (content: JsonValue): HTMLElement[] => (Array.isArray(content) ? content.map(block) : [block(content)]);

const message = (role: string, content: JsonValue): HTMLElement =>
  h("div", { class: `message role-${role}` }, h("div", { class: "role" }, role), ...blocks(content));

/** The input: the system prompt and each message with its role; other shapes as JSON. */
export function inputView(input: JsonValue): HTMLElement {
  if (!isObject(input) || !Array.isArray(input.messages)) {
    return jsonBlock(input);
  }
  const system = input.system;
  return h("div", { class: "messages" },
    system !== undefined && system !== null && message("system", system),
    ...input.messages.map((m) => (isObject(m) && typeof m.role === "string" ? message(m.role, m.content ?? null) : jsonBlock(m))));
}

/** An output: chat blocks, a json function's raw text with its parsed value, or JSON. */
export function outputView(output: JsonValue): HTMLElement {
  if (Array.isArray(output)) {
    return h("div", { class: "message role-assistant" }, ...blocks(output));
  }
  if (isObject(output) && "raw" in output && "parsed" in output) {
    return h("div", { class: "message role-assistant" },
      h("div", { class: "role" }, "raw"), textBlock(String(output.raw ?? "")),
      h("div", { class: "role" }, "parsed"), output.parsed === null ? h("p", { class: "error-text" }, "null: the raw output did not parse as the schema's JSON") : jsonBlock(output.parsed));
  }
  return jsonBlock(output);
}
