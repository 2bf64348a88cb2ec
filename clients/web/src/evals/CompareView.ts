// The evaluation comparison at /compare: Weave's eval_results query
// (EvaluationResultService.QueryEvalResults) for the evaluation runs a person picks from the
// project's list (RunPicker) or pastes, a page of dataset rows at a time.
import type { EvalClient } from "../api";
import { button, field, h } from "../dom";
import type { ErrorBanner } from "../ErrorBanner";
import { formatCount } from "../format";
import { InputError } from "../InputError";
import { rowsTable, summaryTable } from "./compareTables";
import { RunPicker } from "./RunPicker";

export class CompareView {
  private readonly entity = h("input", { type: "text", placeholder: "entity" });
  private readonly project = h("input", { type: "text", placeholder: "project" });
  private readonly ids = h("textarea", { rows: 3, cols: 40, placeholder: "one evaluation run id per line" });
  private readonly intersection = h("input", { type: "checkbox" });
  private readonly limit = h("input", { type: "number", min: 1, value: 20 });
  private readonly status = h("span", { class: "status", role: "status" });
  private readonly previous = button("Previous", () => void this.load(this.offset - this.pageSize()), { disabled: true });
  private readonly next = button("Next", () => void this.load(this.offset + this.pageSize()), { disabled: true });
  private readonly output = h("div", { class: "compare-output" });
  private offset = 0;
  readonly element: HTMLElement;

  constructor(private readonly client: EvalClient, private readonly errors: ErrorBanner) {
    const picker = new RunPicker(client, errors, () => this.tenant(), (ids) => (this.ids.value = ids.join("\n")));
    this.element = h("div", { class: "compare-page" },
      h("h1", {}, "Compare evaluations"),
      h("form", { class: "selection" },
        h("div", { class: "fields" },
          field("Entity", this.entity), field("Project", this.project), field("Evaluation run ids", this.ids),
          field("Rows per page", this.limit), field("Only rows every evaluation has", this.intersection)),
        picker.element,
        h("div", { class: "actions" }, button("Compare", () => void this.load(0), { class: "primary" }))),
      h("section", { "aria-label": "Comparison" }, h("div", { class: "results-bar" }, this.status, this.previous, this.next), this.output));
  }

  /** Weave's entity and project as the tenant "entity/project". */
  private tenant(): string {
    const [entity, project] = [this.entity.value.trim(), this.project.value.trim()];
    if (!entity || !project) {
      throw new InputError("Entity and Project", "give both to list their evaluation runs");
    }
    return `${entity}/${project}`;
  }

  private pageSize = (): number => Math.max(1, Number(this.limit.value) || 20);

  private runIds(): string[] {
    const ids = [...new Set(this.ids.value.split(/[\s,]+/).filter(Boolean))];
    if (ids.length < 2) {
      throw new InputError("Evaluation run ids", "pick or paste at least two to compare");
    }
    return ids;
  }

  async load(offset: number): Promise<void> {
    this.errors.clear();
    this.output.replaceChildren();
    this.status.textContent = "Loading…";
    [this.previous.disabled, this.next.disabled] = [true, true];
    try {
      const evaluationRunIds = this.runIds();
      const limit = this.pageSize();
      const response = await this.client.queryEvalResults({
        query: {
          entity: this.entity.value.trim(), project: this.project.value.trim(), evaluationRunIds,
          requireIntersection: this.intersection.checked, includeSummary: true, limit: BigInt(limit), offset: BigInt(offset),
        },
      });
      this.offset = offset;
      const total = Number(response.totalRows);
      const last = Math.min(offset + response.rows.length, total);
      this.status.textContent = total === 0 ? "No rows." : `Rows ${formatCount(offset + 1)}–${formatCount(last)} of ${formatCount(total)}`;
      [this.previous.disabled, this.next.disabled] = [offset === 0, last >= total];
      this.output.replaceChildren(...(response.summary ? [summaryTable(response.summary)] : []), rowsTable(response.rows, evaluationRunIds));
    } catch (error) {
      this.status.textContent = "Failed";
      this.errors.show(error);
    }
  }
}
