import { button, h } from "../dom";
import { filterNode, type NodeEditor } from "./NodeEditor";

/** A child of a group: its editor, a "not" switch (NotFilter) and a remove button. */
export class NodeRow implements NodeEditor {
  readonly element: HTMLElement;
  private readonly negate = h("input", { type: "checkbox", "aria-label": "Not" });

  constructor(private readonly editor: NodeEditor, onRemove: (row: NodeRow) => void) {
    this.element = h("li", { class: "node-row" },
      h("label", { class: "not", title: "Match inferences this filter does not match" }, this.negate, "not"),
      editor.element,
      button("×", () => onRemove(this), { class: "remove", "aria-label": "Remove filter", title: "Remove" }));
  }

  toFilter(where: string) {
    const child = this.editor.toFilter(where);
    return this.negate.checked ? filterNode({ case: "not", value: { child } }) : child;
  }
}
