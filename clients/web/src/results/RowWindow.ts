// The table body of a result set that may hold tens of thousands of rows. A browser lays out the
// whole table again as rows are added, so rows are put in the document a window at a time: the
// first window as the pages arrive, each next one when the end of the table scrolls into view
// (or on "Show more"). Streaming 20,000 rows then costs seconds instead of half a minute.
import { button, h } from "../dom";
import { formatCount } from "../format";
import type { StoredInference } from "../gen/inference/v1/inference_query_service_pb";
import { resultRow } from "./resultRow";

const WINDOW = 200;

export class RowWindow {
  readonly body = h("tbody");
  /** Below the table: how many rows are shown, and the button that shows more. */
  readonly footer: HTMLElement;
  private readonly summary = h("span", { class: "muted" });
  private readonly more = button(`Show ${formatCount(WINDOW)} more`, () => this.grow());
  private readonly visibility = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      this.grow();
    }
  });
  private rows: StoredInference[] = [];
  private limit = WINDOW;

  constructor() {
    this.footer = h("div", { class: "row-window", hidden: true }, this.summary, this.more);
    this.visibility.observe(this.footer);
  }

  clear(): void {
    this.rows = [];
    this.limit = WINDOW;
    this.body.replaceChildren();
    this.update();
  }

  add(rows: readonly StoredInference[]): void {
    this.rows.push(...rows);
    this.update();
  }

  private grow(): void {
    if (this.body.rows.length < this.rows.length) {
      this.limit += WINDOW;
      this.update();
      // Observed afresh, the footer reports again if it is still in view after growing.
      this.visibility.unobserve(this.footer);
      this.visibility.observe(this.footer);
    }
  }

  private update(): void {
    const shown = this.body.rows.length;
    const target = Math.min(this.limit, this.rows.length);
    if (target > shown) {
      this.body.append(...this.rows.slice(shown, target).map(resultRow));
    }
    this.footer.hidden = target === this.rows.length;
    this.summary.textContent = `Showing ${formatCount(target)} of ${formatCount(this.rows.length)} rows.`;
  }
}
