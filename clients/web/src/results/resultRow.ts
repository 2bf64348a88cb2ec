import { h } from "../dom";
import { formatMs, formatTime, formatTokens, formatUsd } from "../format";
import type { StoredInference } from "../gen/inference/v1/inference_query_service_pb";
import { detailPath } from "../router";

// The id second, where it stays in view: the tags, last, take what width is left.
export const RESULT_COLUMNS = ["Time", "Id", "Function", "Variant", "Model", "Latency", "Tokens", "Cost", "Tags"] as const;

/** One table row; the id links to the inference's own page. */
export function resultRow({ inference }: StoredInference): HTMLTableRowElement {
  if (!inference) {
    // The server always fills it; a row without it would be a server bug, shown rather than hidden.
    return h("tr", {}, h("td", { colspan: RESULT_COLUMNS.length, class: "error-text" }, "a result without its inference"));
  }
  const tags = Object.entries(inference.tags).sort(([a], [b]) => a.localeCompare(b));
  return h("tr", { "data-id": inference.id },
    h("td", { class: "nowrap" }, formatTime(inference.createTime)),
    h("td", { class: "id" }, h("a", { href: detailPath(inference.id), "data-link": true }, inference.id)),
    h("td", {}, inference.functionName),
    h("td", {}, inference.variantName),
    h("td", {}, inference.modelName),
    h("td", { class: "number" }, formatMs(inference.latencyMs)),
    h("td", { class: "number" }, formatTokens(inference.inputTokens, inference.outputTokens)),
    h("td", { class: "number" }, formatUsd(inference.costUsd)),
    h("td", { class: "tags" }, ...tags.map(([key, value]) => h("span", { class: "tag" }, `${key}=${value}`))));
}
