// The results table, filled page by page from StreamInferences as the pages arrive, with a live
// count and a Stop button that aborts the call (the server sees the cancellation and stops too).
import { button, h } from "../dom";
import type { ErrorBanner } from "../ErrorBanner";
import { formatCount, formatSeconds } from "../format";
import type { StreamInferencesRequest } from "../gen/inference/v1/inference_query_service_pb";
import type { QueryClient } from "../api";
import { RESULT_COLUMNS } from "./resultRow";
import { RowWindow } from "./RowWindow";

const rows = (count: number): string => `${formatCount(count)} ${count === 1 ? "row" : "rows"}`;

type State = "idle" | "streaming" | "done" | "stopped" | "failed";

export class ResultsView {
  readonly element: HTMLElement;
  private readonly status = h("span", { class: "status", role: "status", "data-state": "idle" }, "Apply a filter to list inferences.");
  private readonly stopButton = button("Stop", () => this.current?.abort(), { disabled: true });
  private readonly table = new RowWindow();
  private current?: AbortController;

  constructor(private readonly client: QueryClient, private readonly errors: ErrorBanner) {
    this.element = h("section", { class: "results", "aria-label": "Results" },
      h("div", { class: "results-bar" }, this.status, this.stopButton),
      // Wide rows (full ids, many tags) scroll sideways inside the page instead of widening it.
      h("div", { class: "table-scroll" }, h("table", {},
        h("thead", {}, h("tr", {}, ...RESULT_COLUMNS.map((column) => h("th", { scope: "col" }, column)))),
        this.table.body)),
      this.table.footer);
    // A click anywhere on a row opens it, like its id link (which the router follows).
    this.table.body.addEventListener("click", (event) => {
      const target = event.target as Element;
      if (!target.closest("a")) {
        target.closest("tr")?.querySelector<HTMLAnchorElement>("a[data-link]")?.click();
      }
    });
  }

  /** Streams the request into a cleared table, cancelling a stream still running. */
  async run(request: StreamInferencesRequest): Promise<void> {
    this.current?.abort();
    const controller = new AbortController();
    this.current = controller;
    this.table.clear();
    this.stopButton.disabled = false;
    const started = performance.now();
    let count = 0;
    this.show("streaming", `${rows(0)}, streaming…`);
    try {
      for await (const page of this.client.streamInferences(request, { signal: controller.signal })) {
        // Pages already decoded still arrive after abort(); they belong to a stream no longer shown.
        if (controller.signal.aborted) {
          break;
        }
        this.table.add(page.inferences);
        count += page.inferences.length;
        this.show("streaming", `${rows(count)}, streaming…`);
      }
      this.finish(controller, count, `done in ${formatSeconds(performance.now() - started)}`);
    } catch (error) {
      if (!controller.signal.aborted) {
        this.errors.show(error);
      }
      this.finish(controller, count, "failed");
    }
  }

  /** Shows a failure that happened before a stream could start, such as a refused form value. */
  fail(error: unknown): void {
    // Forgotten before it is aborted, so its ending does not overwrite this status.
    const running = this.current;
    this.current = undefined;
    running?.abort();
    this.stopButton.disabled = true;
    this.errors.show(error);
    this.show("failed", "Not sent: fix the query above.");
  }

  private finish(controller: AbortController, count: number, outcome: string): void {
    // A stream replaced by a newer one leaves the table and the status to that one.
    if (this.current !== controller) {
      return;
    }
    this.stopButton.disabled = true;
    const stopped = controller.signal.aborted;
    const state: State = stopped ? "stopped" : outcome === "failed" ? "failed" : "done";
    this.show(state, `${rows(count)}, ${stopped ? "stopped" : outcome}`);
  }

  private show(state: State, text: string): void {
    this.status.dataset.state = state;
    this.status.textContent = text;
  }
}
