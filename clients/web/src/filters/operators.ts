import { ComparisonOperator } from "../gen/inference/v1/filter_pb";
import { select } from "../dom";

/** Every comparison, for metrics and times. */
export const ALL_OPERATORS: readonly ComparisonOperator[] = [
  ComparisonOperator.GREATER_THAN_OR_EQUAL,
  ComparisonOperator.GREATER_THAN,
  ComparisonOperator.EQUAL,
  ComparisonOperator.NOT_EQUAL,
  ComparisonOperator.LESS_THAN,
  ComparisonOperator.LESS_THAN_OR_EQUAL,
];

/** What tags accept (filter.proto: EQUAL or NOT_EQUAL). */
export const TAG_OPERATORS: readonly ComparisonOperator[] = [ComparisonOperator.EQUAL, ComparisonOperator.NOT_EQUAL];

const SYMBOLS: Record<ComparisonOperator, string> = {
  [ComparisonOperator.UNSPECIFIED]: "?",
  [ComparisonOperator.LESS_THAN]: "<",
  [ComparisonOperator.LESS_THAN_OR_EQUAL]: "≤",
  [ComparisonOperator.EQUAL]: "=",
  [ComparisonOperator.GREATER_THAN]: ">",
  [ComparisonOperator.GREATER_THAN_OR_EQUAL]: "≥",
  [ComparisonOperator.NOT_EQUAL]: "≠",
};

/** A <select> of operators whose values are the enum numbers. */
export const operatorSelect = (operators: readonly ComparisonOperator[], label: string): HTMLSelectElement =>
  select(operators.map((op) => [String(op), SYMBOLS[op]] as const), { "aria-label": label, class: "operator" });

export const selectedOperator = (control: HTMLSelectElement): ComparisonOperator => Number(control.value) as ComparisonOperator;
