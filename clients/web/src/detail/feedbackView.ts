// The Feedback part of the detail view, from GetInferenceFeedback: the inference's own feedback
// and its episode's, newest first as the server sends them. Episode-level feedback is marked,
// because it is about every inference of the episode, not this one alone.
import { h } from "../dom";
import { formatCount, formatTime } from "../format";
import type { Feedback } from "../gen/inference/v1/feedback_pb";
import type { GetInferenceFeedbackResponse } from "../gen/inference/v1/inference_query_service_pb";

/** The most feedback the detail view asks for in each list. */
export const FEEDBACK_LIMIT = 100;

type Level = "inference" | "episode";

interface Scoped {
  readonly feedback: Feedback;
  readonly level: Level;
}

const metricNumbers = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });

/** A metric's value as the table shows it: numbers to four decimals, booleans as true/false. */
export function metricValue(feedback: Feedback): string | undefined {
  switch (feedback.value.case) {
    case "floatValue":
      return metricNumbers.format(feedback.value.value);
    case "booleanValue":
      return String(feedback.value.value);
    default:
      return undefined;
  }
}

const levelMark = (level: Level): HTMLElement | string => (level === "episode" ? h("span", { class: "tag episode-level" }, "episode") : "inference");

function metricsTable(metrics: readonly Scoped[]): HTMLElement {
  return h("table", { class: "feedback-metrics", "aria-label": "Metric feedback" },
    h("thead", {}, h("tr", {}, h("th", {}, "Metric"), h("th", {}, "Value"), h("th", {}, "Level"), h("th", {}, "Time"))),
    h("tbody", {}, ...metrics.map(({ feedback, level }) => h("tr", {},
      h("td", {}, feedback.metricName),
      h("td", { class: "number" }, metricValue(feedback) ?? ""),
      h("td", {}, levelMark(level)),
      h("td", { class: "nowrap" }, formatTime(feedback.createTime))))));
}

function commentList(comments: readonly Scoped[]): HTMLElement {
  return h("ul", { class: "feedback-comments", "aria-label": "Comments" }, ...comments.map(({ feedback, level }) =>
    h("li", {}, h("span", { class: "muted" }, `${formatTime(feedback.createTime)} `), level === "episode" ? levelMark(level) : "",
      h("pre", { class: "text" }, feedback.value.case === "comment" ? feedback.value.value : ""))));
}

function demonstrationNote(demonstrations: readonly Scoped[]): HTMLElement {
  const times = demonstrations.map(({ feedback }) => formatTime(feedback.createTime));
  const count = demonstrations.length === 1 ? "1 demonstration" : `${formatCount(demonstrations.length)} demonstrations`;
  return h("p", { class: "feedback-demonstrations" }, `${count} (the latest is shown above): ${times.join(", ")}`);
}

/** The section's content: metrics, comments and demonstrations, or a line saying there is none. */
export function feedbackView(response: GetInferenceFeedbackResponse): HTMLElement[] {
  const all: Scoped[] = [
    ...response.inferenceFeedback.map((feedback) => ({ feedback, level: "inference" as const })),
    ...response.episodeFeedback.map((feedback) => ({ feedback, level: "episode" as const })),
  ];
  const of = (cases: readonly Feedback["value"]["case"][]): Scoped[] => all.filter(({ feedback }) => cases.includes(feedback.value.case));
  const metrics = of(["floatValue", "booleanValue"]);
  const comments = of(["comment"]);
  const demonstrations = of(["demonstration"]);
  const capped = response.inferenceFeedback.length >= FEEDBACK_LIMIT || response.episodeFeedback.length >= FEEDBACK_LIMIT;
  const shown = [
    metrics.length > 0 && metricsTable(metrics),
    comments.length > 0 && commentList(comments),
    demonstrations.length > 0 && demonstrationNote(demonstrations),
    capped && h("p", { class: "muted" }, `Only the newest ${formatCount(FEEDBACK_LIMIT)} of each list are shown.`),
  ].filter((part): part is HTMLElement => part instanceof HTMLElement);
  return shown.length > 0 ? shown : [h("p", { class: "muted" }, "No feedback.")];
}
