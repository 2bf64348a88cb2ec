// The evaluation runs of a project to pick from (EvaluationResultService.ListEvaluationRuns),
// newest first, a page at a time: picking runs writes their ids into the comparison's id list,
// which can still be edited or pasted by hand.
import type { EvalClient } from "../api";
import { button, field, h } from "../dom";
import type { ErrorBanner } from "../ErrorBanner";
import { formatTime } from "../format";
import type { EvaluationRun } from "../gen/inference/v1/evaluation_pb";

const PAGE_SIZE = 50;

const label = (run: EvaluationRun): string => [run.displayName || run.id, formatTime(run.startTime), run.id].filter(Boolean).join(" · ");

export class RunPicker {
  private readonly runs = h("select", { multiple: true, size: 6 });
  private readonly more = button("More runs", () => void this.load(this.nextPageToken), { disabled: true });
  private nextPageToken = "";
  private loadedProject = "";
  readonly element = h("div", { class: "run-picker" },
    field("Evaluation runs", this.runs),
    h("div", { class: "actions" }, button("Load runs", () => void this.load("")), this.more));

  /**
   * @param project the "entity/project" to list, read when Load runs is clicked; throws an InputError when incomplete
   * @param picked called with the ids of the selected runs, newest first
   */
  constructor(private readonly client: EvalClient, private readonly errors: ErrorBanner, private readonly project: () => string, picked: (ids: string[]) => void) {
    this.runs.addEventListener("change", () => picked([...this.runs.selectedOptions].map((option) => option.value)));
  }

  /** Lists the first page (an empty token) afresh, or appends the page a token names. */
  private async load(pageToken: string): Promise<void> {
    this.errors.clear();
    this.more.disabled = true;
    try {
      const project = pageToken ? this.loadedProject : this.project();
      const response = await this.client.listEvaluationRuns({ project, pageSize: PAGE_SIZE, pageToken });
      if (!pageToken) {
        this.runs.replaceChildren();
        this.loadedProject = project;
      }
      this.runs.append(...response.runs.map((run) => h("option", { value: run.id }, label(run))));
      this.nextPageToken = response.nextPageToken;
      this.more.disabled = !response.nextPageToken;
    } catch (error) {
      this.errors.show(error);
    }
  }
}
