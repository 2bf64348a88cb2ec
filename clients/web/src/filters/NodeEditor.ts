import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { InferenceFilterSchema, type InferenceFilter } from "../gen/inference/v1/filter_pb";

/** One node of the filter tree being edited: its controls, and the message they describe. */
export interface NodeEditor {
  readonly element: HTMLElement;
  /**
   * The node as sent. `where` names it in an InputError, such as "filter 2.1", so a person can
   * find the control that holds the bad value.
   */
  toFilter(where: string): InferenceFilter;
}

/** An InferenceFilter holding one node kind. */
export const filterNode = (node: MessageInitShape<typeof InferenceFilterSchema>["node"]): InferenceFilter => create(InferenceFilterSchema, { node });
