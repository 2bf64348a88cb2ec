// The metrics chart at /charts (/metrics is the host's Prometheus endpoint): TrueFoundry's metrics
// query (GatewayMetricsService.QueryMetrics) as a timeseries of one measure grouped by model, over
// a window and interval the person picks.
import type { MetricsClient } from "../api";
import { button, field, h, select } from "../dom";
import type { ErrorBanner } from "../ErrorBanner";
import { formatMs, formatUsd } from "../format";
import type { MetricsDataPoint } from "../gen/inference/v1/gateway_metrics_service_pb";
import { timestampMs } from "@bufbuild/protobuf/wkt";
import { lineChart, type Series } from "./LineChart";

/** The measures on offer: [value, label, aggregation, column]. */
const MEASURES = [
  ["p50", "p50 latency (ms)", "p50", "latencyMs"],
  ["p99", "p99 latency (ms)", "p99", "latencyMs"],
  ["cost", "cost (USD, sum)", "sum", "costInUSD"],
] as const;

// The sample data's 30 days (services/InferenceGrpc.SampleData), a useful first window.
const DEFAULT_START = "2025-12-02T00:00";
const DEFAULT_END = "2026-01-01T00:00";

/** One series per model; a data point without a model (none recorded) goes under "(no model)". */
export function seriesByModel(points: readonly MetricsDataPoint[]): Series[] {
  const byModel = new Map<string, [number, number][]>();
  for (const point of points) {
    const value = point.values[0]?.value;
    if (value === undefined || !point.startTimestamp) {
      continue;
    }
    const model = point.groups.find((group) => group.key === "modelName")?.value ?? "(no model)";
    byModel.set(model, [...(byModel.get(model) ?? []), [timestampMs(point.startTimestamp), value]]);
  }
  return [...byModel].sort(([a], [b]) => a.localeCompare(b)).map(([name, line]) => ({ name, points: line }));
}

export class MetricsView {
  private readonly measure = select(MEASURES.map(([value, label]) => [value, label] as const));
  private readonly start = h("input", { type: "datetime-local", value: DEFAULT_START });
  private readonly end = h("input", { type: "datetime-local", value: DEFAULT_END });
  private readonly interval = h("input", { type: "text", value: "1 day", size: 10 });
  private readonly output = h("div", { class: "chart-host", role: "region", "aria-label": "Chart" });
  readonly element = h("div", { class: "metrics-page" },
    h("h1", {}, "Metrics by model"),
    h("form", { class: "selection" },
      h("div", { class: "fields" },
        field("Measure", this.measure), field("From (UTC)", this.start), field("To (UTC)", this.end), field("Interval", this.interval)),
      h("div", { class: "actions" }, button("Draw", () => void this.draw(), { class: "primary" }))),
    this.output);

  constructor(private readonly client: MetricsClient, private readonly errors: ErrorBanner) {}

  async draw(): Promise<void> {
    this.errors.clear();
    const [, label, type, column] = MEASURES.find(([value]) => value === this.measure.value)!;
    this.output.replaceChildren(h("p", { class: "muted", role: "status" }, "Loading…"));
    try {
      const response = await this.client.queryMetrics({
        startTs: `${this.start.value}:00Z`,
        endTs: `${this.end.value}:00Z`,
        datasource: "modelMetrics",
        type: "timeseries",
        interval: this.interval.value,
        aggregations: [{ type, column }],
        groupBy: ["modelName"],
      });
      const series = seriesByModel(response.dataPoints);
      this.output.replaceChildren(series.length === 0
        ? h("p", { class: "muted", role: "status" }, "No data in this window.")
        : lineChart(series, label, type === "sum" ? (usd) => formatUsd(usd) : (ms) => formatMs(ms)));
    } catch (error) {
      this.output.replaceChildren();
      this.errors.show(error);
    }
  }
}
