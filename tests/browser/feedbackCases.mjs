// The detail view's Feedback section, checked against REST's GET /v1/inferences/{id}/feedback
// (the JSON transcoding of GetInferenceFeedback, read with Node's fetch; the explorer calls it
// over gRPC-Web). The fixture finds, in the same deterministic sample data, a seeded inference
// with a comment and metric values of its own, and one whose episode has metric values.
import { expect, expectEq } from "./explorerPage.mjs";

const numbers = new Intl.NumberFormat("en-US", { maximumFractionDigits: 4 });
/** "2025-12-20 10:04:05 UTC", as the explorer shows times. */
const shownTime = (rfc3339) => new Date(rfc3339).toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");

/** REST's metric feedback as the table's rows: name, value, level, time; the inference's first. */
function expectedMetrics(reply) {
  const rows = (list, level) => (list ?? [])
    .filter((feedback) => feedback.floatValue !== undefined || feedback.booleanValue !== undefined)
    .map((feedback) => [feedback.metricName, feedback.floatValue === undefined ? String(feedback.booleanValue) : numbers.format(feedback.floatValue), level, shownTime(feedback.createTime)]);
  return [...rows(reply.inferenceFeedback, "inference"), ...rows(reply.episodeFeedback, "episode")];
}

/** Opens one inference: its metric rows (episode ones marked) and comments equal REST's. */
async function checkInference(page, service, id) {
  const response = await fetch(`${service}/v1/inferences/${id}/feedback`);
  const text = await response.text();
  expect(response.ok, `REST feedback of ${id}: HTTP ${response.status} ${text.slice(0, 200)}`);
  const reply = JSON.parse(text);
  const comments = (reply.inferenceFeedback ?? []).filter((feedback) => feedback.comment !== undefined).map((feedback) => feedback.comment);
  const metrics = expectedMetrics(reply);
  expect(comments.length > 0 && metrics.length > 0, `${id} lacks a comment or a metric value: ${text.slice(0, 300)}`);

  await page.goto(`${service}/inferences/${id}`);
  const section = page.getByRole("region", { name: "Feedback" });
  await section.waitFor();
  const shown = await section.getByRole("table", { name: "Metric feedback" }).locator("tbody tr")
    .evaluateAll((rows) => rows.map((row) => [...row.cells].map((cell) => cell.textContent)));
  expectEq(`${id}: metric rows vs REST`, metrics, shown);
  expectEq(`${id}: comments vs REST`, comments, await section.getByRole("list", { name: "Comments" }).locator("pre").allTextContents());
  await section.scrollIntoViewIfNeeded();
  const episodeLevel = metrics.filter(([, , level]) => level === "episode").length;
  return `${id}: ${metrics.length} metric rows (${episodeLevel} episode-level), comment "${comments[0]}"`;
}

async function detailFeedback({ page, service, feedbackInferences, screenshot }) {
  expect(feedbackInferences.length === 2, "--feedback-inferences needs two ids");
  const seen = [];
  for (const id of feedbackInferences) {
    seen.push(await checkInference(page, service, id));
  }
  expect(seen.some((line) => !line.includes("(0 episode-level)")), "no inference showed episode-level feedback");
  return `as REST returns them: ${seen.join("; ")}; screenshot ${await screenshot("detail-feedback")}`;
}

export const FEEDBACK_CASES = [["detail_feedback", detailFeedback]];
