// The leaves of the filter tree: one small editor per InferenceFilter leaf kind. Values are read
// when the filter is applied; what the server would refuse anyway but can be caught here (an empty
// metric name, a value that is not a number) is an InputError, so nothing half-typed is sent.
import { timestampFromDate } from "@bufbuild/protobuf/wkt";
import { h, select } from "../dom";
import { InputError } from "../InputError";
import { ALL_OPERATORS, TAG_OPERATORS, operatorSelect, selectedOperator } from "./operators";
import { filterNode, type NodeEditor } from "./NodeEditor";

export type LeafKind = "tag" | "floatMetric" | "booleanMetric" | "time" | "demonstration";

/** The leaf kinds with the text of the button that adds one. */
export const LEAF_KINDS: readonly (readonly [LeafKind, string])[] = [
  ["tag", "Tag"],
  ["floatMetric", "Metric"],
  ["booleanMetric", "Boolean metric"],
  ["time", "Time"],
  ["demonstration", "Demonstration"],
];

const text = (label: string, placeholder: string): HTMLInputElement =>
  h("input", { type: "text", "aria-label": label, placeholder, spellcheck: false });

function required(control: HTMLInputElement, where: string, what: string): string {
  const value = control.value.trim();
  if (value === "") {
    throw new InputError(where, `${what} is empty`);
  }
  return value;
}

const leaf = (kind: string, ...controls: HTMLElement[]): HTMLElement => h("span", { class: "leaf" }, h("span", { class: "leaf-kind" }, kind), ...controls);

function tagEditor(): NodeEditor {
  const key = text("Tag key", "key");
  const operator = operatorSelect(TAG_OPERATORS, "Tag comparison");
  const value = text("Tag value", "value");
  return {
    element: leaf("tag", key, operator, value),
    toFilter: (where) => filterNode({ case: "tag", value: { key: required(key, where, "the tag key"), value: value.value, comparisonOperator: selectedOperator(operator) } }),
  };
}

function floatMetricEditor(): NodeEditor {
  const name = text("Metric name", "metric, e.g. user_rating");
  const operator = operatorSelect(ALL_OPERATORS, "Metric comparison");
  const value = h("input", { type: "number", step: "any", "aria-label": "Metric value", placeholder: "number" });
  return {
    element: leaf("metric", name, operator, value),
    toFilter: (where) => {
      const number = Number(required(value, where, "the metric value"));
      if (!Number.isFinite(number)) {
        throw new InputError(where, `the metric value "${value.value}" is not a number`);
      }
      return filterNode({ case: "floatMetric", value: { metricName: required(name, where, "the metric name"), value: number, comparisonOperator: selectedOperator(operator) } });
    },
  };
}

function booleanMetricEditor(): NodeEditor {
  const name = text("Boolean metric name", "metric, e.g. thumbs_up");
  const value = select([["true", "is true"], ["false", "is false"]], { "aria-label": "Boolean metric value" });
  return {
    element: leaf("boolean metric", name, value),
    toFilter: (where) => filterNode({ case: "booleanMetric", value: { metricName: required(name, where, "the metric name"), value: value.value === "true" } }),
  };
}

function timeEditor(): NodeEditor {
  const operator = operatorSelect(ALL_OPERATORS, "Time comparison");
  // datetime-local has no zone; the explorer shows times in UTC, so it reads them as UTC too.
  const time = h("input", { type: "datetime-local", step: 1, "aria-label": "Time (UTC)" });
  return {
    element: leaf("time", operator, time, h("span", { class: "muted" }, "UTC")),
    toFilter: (where) => {
      const instant = new Date(`${required(time, where, "the time")}Z`);
      if (Number.isNaN(instant.getTime())) {
        throw new InputError(where, `"${time.value}" is not a time`);
      }
      return filterNode({ case: "time", value: { time: timestampFromDate(instant), comparisonOperator: selectedOperator(operator) } });
    },
  };
}

function demonstrationEditor(): NodeEditor {
  const has = select([["true", "has a demonstration"], ["false", "has no demonstration"]], { "aria-label": "Demonstration" });
  return {
    element: leaf("demonstration", has),
    toFilter: () => filterNode({ case: "demonstrationFeedback", value: { hasDemonstration: has.value === "true" } }),
  };
}

const FACTORIES: Record<LeafKind, () => NodeEditor> = {
  tag: tagEditor,
  floatMetric: floatMetricEditor,
  booleanMetric: booleanMetricEditor,
  time: timeEditor,
  demonstration: demonstrationEditor,
};

export const createLeafEditor = (kind: LeafKind): NodeEditor => FACTORIES[kind]();
