// One inference on its own page: what it was, what went in, what came out, its tags, its
// demonstration when it has one (asked for with OUTPUT_SOURCE_DEMONSTRATION, which returns only
// inferences that have one), and its feedback and its episode's (GetInferenceFeedback).
import { toJson, type JsonValue } from "@bufbuild/protobuf";
import { ValueSchema, type Value } from "@bufbuild/protobuf/wkt";
import { Code, ConnectError } from "@connectrpc/connect";
import type { QueryClient } from "../api";
import { h, type Child } from "../dom";
import type { ErrorBanner } from "../ErrorBanner";
import { formatMs, formatTime, formatTokens, formatUsd } from "../format";
import { FunctionType, InferenceStatus, type Inference } from "../gen/inference/v1/inference_pb";
import { OutputSource, type GetInferenceFeedbackResponse } from "../gen/inference/v1/inference_query_service_pb";
import { inputView, jsonBlock, outputView } from "./contentViews";
import { FEEDBACK_LIMIT, feedbackView } from "./feedbackView";

const json = (value: Value | undefined): JsonValue | undefined => (value ? toJson(ValueSchema, value) : undefined);

const section = (title: string, ...children: Child[]): HTMLElement =>
  h("section", { class: "detail-section", "aria-label": title }, h("h2", {}, title), ...children);

/** Label/value pairs; pairs without a value are left out. */
function facts(pairs: readonly (readonly [string, string | undefined])[]): HTMLElement {
  return h("dl", { class: "facts" }, ...pairs.filter(([, value]) => value).flatMap(([label, value]) => [h("dt", {}, label), h("dd", {}, value)]));
}

function summary(inference: Inference): HTMLElement {
  const turn = inference.turnIndex === undefined ? "" : ` (turn ${inference.turnIndex})`;
  return facts([
    ["Id", inference.id],
    ["Time", formatTime(inference.createTime)],
    ["Function", inference.functionType === FunctionType.UNSPECIFIED ? inference.functionName : `${inference.functionName} (${FunctionType[inference.functionType].toLowerCase()})`],
    ["Variant", inference.variantName],
    ["Model", [inference.modelName, inference.modelProviderName && `via ${inference.modelProviderName}`].filter(Boolean).join(" ")],
    ["Episode", inference.episodeId],
    ["Session", inference.sessionId && inference.sessionId + turn],
    ["Status", inference.status === InferenceStatus.UNSPECIFIED ? undefined : InferenceStatus[inference.status].toLowerCase()],
    ["Latency", formatMs(inference.latencyMs)],
    ["Time to first token", formatMs(inference.ttftMs)],
    ["Tokens in → out", formatTokens(inference.inputTokens, inference.outputTokens)],
    ["Cost", formatUsd(inference.costUsd)],
    ["Subject", inference.subjectSlug],
    ["Trace", inference.traceId],
  ]);
}

function tags(inference: Inference): HTMLElement {
  const entries = Object.entries(inference.tags).sort(([a], [b]) => a.localeCompare(b));
  return entries.length === 0
    ? h("p", { class: "muted" }, "No tags.")
    : h("table", { class: "tag-table" }, h("tbody", {}, ...entries.map(([key, value]) => h("tr", {}, h("th", { scope: "row" }, key), h("td", {}, value)))));
}

/** Request settings, stored but secondary: collapsed. */
function extras(inference: Inference): HTMLElement[] {
  const pairs: [string, Value | undefined][] = [
    ["Output schema", inference.outputSchema],
    ["Tool parameters", inference.toolParams],
    ["Inference parameters", inference.inferenceParams],
    ["Extra body", inference.extraBody],
  ];
  const shown = pairs.flatMap(([title, value]) => {
    const content = json(value);
    return content === undefined ? [] : [h("details", {}, h("summary", {}, title), jsonBlock(content))];
  });
  if (inference.retrievalContext) {
    shown.push(h("details", {}, h("summary", {}, "Retrieval context"), h("pre", { class: "text" }, inference.retrievalContext)));
  }
  return shown;
}

export class DetailView {
  readonly element = h("article", { class: "detail" });

  constructor(private readonly client: QueryClient, private readonly errors: ErrorBanner) {}

  async load(id: string): Promise<void> {
    this.element.replaceChildren(h("p", { class: "muted", role: "status" }, `Loading ${id}…`));
    try {
      const [stored, demonstrated] = await Promise.all([
        this.client.getInferences({ ids: [id] }),
        this.client.getInferences({ ids: [id], outputSource: OutputSource.DEMONSTRATION }),
      ]);
      const found = stored.inferences[0];
      if (!found?.inference) {
        throw new ConnectError(`No inference has the id ${id}.`, Code.NotFound);
      }
      // After the inference is known to exist, so an unknown or malformed id reads as
      // get_inferences reports it, whichever call would have answered first.
      const feedback = await this.client.getInferenceFeedback({ inferenceId: id, limit: FEEDBACK_LIMIT });
      this.render(found.inference, json(found.output), json(demonstrated.inferences[0]?.output), feedback);
    } catch (error) {
      this.errors.show(error);
      this.element.replaceChildren(h("p", { class: "muted" }, h("a", { href: "/", "data-link": true }, "Back to the list")));
    }
  }

  private render(inference: Inference, output: JsonValue | undefined, demonstration: JsonValue | undefined, feedback: GetInferenceFeedbackResponse): void {
    const input = json(inference.input);
    this.element.replaceChildren(
      h("p", {}, h("a", { href: "/", "data-link": true }, "← All inferences")),
      h("h1", {}, `${inference.functionName} · ${inference.variantName}`),
      summary(inference),
      section("Tags", tags(inference)),
      section("Input", input === undefined ? h("p", { class: "muted" }, "No input stored.") : inputView(input)),
      section("Output", output === undefined ? h("p", { class: "muted" }, "No output stored.") : outputView(output)),
      demonstration === undefined ? "" : section("Demonstration", outputView(demonstration)),
      section("Feedback", ...feedbackView(feedback)),
      ...extras(inference));
  }
}
