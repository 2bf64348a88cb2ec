import { button, h, select } from "../dom";
import type { InferenceFilter } from "../gen/inference/v1/filter_pb";
import { createLeafEditor, LEAF_KINDS } from "./leafEditors";
import { filterNode, type NodeEditor } from "./NodeEditor";
import { NodeRow } from "./NodeRow";

/**
 * An AND or OR group: its children, and buttons adding a leaf of each kind or a nested group, so
 * any InferenceFilter tree can be built. (A NOT is the "not" switch on any child.)
 */
export class GroupEditor implements NodeEditor {
  readonly element: HTMLElement;
  private readonly rows: NodeRow[] = [];
  private readonly list = h("ul", { class: "children" });
  private readonly combinator = select([["and", "all"], ["or", "any"]], { "aria-label": "Combine filters" });

  constructor(readonly depth = 0) {
    const adders = [
      ...LEAF_KINDS.map(([kind, text]) => button(`+ ${text}`, () => this.add(createLeafEditor(kind)), { class: "add" })),
      button("+ Group", () => this.add(new GroupEditor(depth + 1)), { class: "add" }),
    ];
    this.element = h("div", { class: `group depth-${depth % 2}` },
      h("div", { class: "group-head" }, "Match ", this.combinator, depth === 0 ? " of these filters" : " of"),
      this.list,
      h("div", { class: "adders" }, ...adders));
  }

  get isEmpty(): boolean {
    return this.rows.length === 0;
  }

  /**
   * The group as sent. An empty group is kept as it is: an empty AND matches everything and an
   * empty OR nothing (filter.proto), which is what a person who built it sees.
   */
  toFilter(where: string): InferenceFilter {
    // "filter 2.1": the first child of the root's second child.
    const children = this.rows.map((row, index) => row.toFilter(`${where}${this.depth === 0 ? " " : "."}${index + 1}`));
    return filterNode(this.combinator.value === "or" ? { case: "or", value: { children } } : { case: "and", value: { children } });
  }

  private add(editor: NodeEditor): void {
    const row = new NodeRow(editor, (removed) => {
      this.rows.splice(this.rows.indexOf(removed), 1);
      removed.element.remove();
    });
    this.rows.push(row);
    this.list.append(row.element);
    row.element.querySelector<HTMLElement>("input, select")?.focus();
  }
}
