// The comparison's two tables: the summary's scorer stats per evaluation, and the dataset rows
// side by side, one column group (model output, scores) per evaluation.
import { toJson, type JsonValue } from "@bufbuild/protobuf";
import { ValueSchema, type Value } from "@bufbuild/protobuf/wkt";
import { h } from "../dom";
import { formatCount } from "../format";
import type { EvalResultsRow, EvalResultsScorerStats, EvalResultsSummary, EvalResultsTrial } from "../gen/inference/v1/evaluation_result_service_pb";

const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });
const mean = new Intl.NumberFormat("en-US", { maximumFractionDigits: 3 });

/** A Value as compact JSON text, "" when absent. */
export const jsonText = (value: Value | undefined): string => (value ? JSON.stringify(toJson(ValueSchema, value) as JsonValue) : "");

/** "pass 75% (3/4)" for a boolean scorer, "mean 0.82 (4)" for a numeric one, both when both apply. */
export function scorerStat(stats: EvalResultsScorerStats): string {
  const parts = [];
  if (stats.passRate !== undefined) {
    parts.push(`pass ${percent.format(stats.passRate)} (${stats.passTrueCount}/${stats.passKnownCount})`);
  }
  if (stats.numericMean !== undefined) {
    parts.push(`mean ${mean.format(stats.numericMean)} (${stats.numericCount})`);
  }
  return `${stats.path ? `${stats.scorerKey}.${stats.path}` : stats.scorerKey}: ${parts.join(", ") || "no numeric or pass values"}`;
}

export function summaryTable(summary: EvalResultsSummary): HTMLElement {
  return h("table", { class: "summary-table", "aria-label": "Summary" },
    h("thead", {}, h("tr", {}, h("th", {}, "Evaluation"), h("th", { class: "number" }, "Trials"), h("th", {}, "Scorers"))),
    h("tbody", {}, ...summary.evaluations.map((evaluation) => h("tr", { "data-evaluation": evaluation.evaluationCallId },
      h("td", {}, h("div", {}, evaluation.displayName ?? ""), h("div", { class: "id" }, evaluation.evaluationCallId)),
      h("td", { class: "number" }, formatCount(evaluation.trialCount)),
      h("td", {}, h("ul", { class: "stats" }, ...evaluation.scorerStats.map((stats) => h("li", {}, scorerStat(stats)))))))));
}

/** A trial's scores as "key: json" lines, in key order. */
const scoreLines = (trial: EvalResultsTrial): string[] =>
  Object.entries(trial.scores).sort(([a], [b]) => a.localeCompare(b)).map(([key, value]) => `${key}: ${jsonText(value)}`);

/** Rows by row_digest; for each evaluation (in the order asked) its trials' outputs and scores. */
export function rowsTable(rows: readonly EvalResultsRow[], evaluationIds: readonly string[]): HTMLElement {
  const cells = (row: EvalResultsRow, id: string) => {
    const trials = row.evaluations.find((evaluation) => evaluation.evaluationCallId === id)?.trials ?? [];
    return [
      h("td", { class: "output", "data-evaluation": id }, ...trials.map((trial) => h("pre", { class: "json" }, jsonText(trial.modelOutput)))),
      h("td", { class: "scores", "data-evaluation": id }, ...trials.map((trial) => h("ul", { class: "stats" }, ...scoreLines(trial).map((line) => h("li", {}, line))))),
    ];
  };
  return h("div", { class: "table-scroll" }, h("table", { class: "compare", "aria-label": "Rows" },
    h("thead", {},
      h("tr", {}, h("th", { rowspan: 2 }, "Row digest"), ...evaluationIds.map((id) => h("th", { colspan: 2, class: "id" }, id))),
      h("tr", {}, ...evaluationIds.flatMap(() => [h("th", {}, "Model output"), h("th", {}, "Scores")]))),
    h("tbody", {}, ...rows.map((row) => h("tr", { "data-digest": row.rowDigest },
      h("td", { class: "id" }, row.rowDigest.slice(0, 12)),
      ...evaluationIds.flatMap((id) => cells(row, id)))))));
}
