// The explorer's evaluation comparison (/compare) and metrics chart (/charts), each reached by the
// navigation links and checked against the same query over REST (Weave's eval_results/query and
// TrueFoundry's metrics/query, read with Node's fetch), a path the explorer does not use.
import { expect, expectEq, oneLine } from "./explorerPage.mjs";

async function postJson(url, body) {
  return readJson(url, await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
}

const getJson = async (url) => readJson(url, await fetch(url));

async function readJson(url, response) {
  const text = await response.text();
  expect(response.ok, `REST ${url}: HTTP ${response.status} ${text.slice(0, 200)}`);
  return JSON.parse(text);
}

const nav = (page, name) => page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name }).click();

/** What the comparison shows: each row's digest and, per evaluation, its scores' lines. */
const shownRows = (page) => page.getByRole("table", { name: "Rows" }).locator("tbody tr").evaluateAll((rows) => rows.map((row) => ({
  digest: row.dataset.digest,
  scores: [...row.querySelectorAll("td.scores")].map((cell) => [cell.dataset.evaluation, [...cell.querySelectorAll("li")].map((li) => li.textContent)]),
})));

/** REST's rows in the same form: scores as "key: json" lines in key order, trial after trial. */
const expectedRows = (rows, ids) => rows.map((row) => ({
  digest: row.row_digest,
  scores: ids.map((id) => [id, (row.evaluations.find((evaluation) => evaluation.evaluation_call_id === id)?.trials ?? [])
    .flatMap((trial) => Object.entries(trial.scores).sort(([a], [b]) => a.localeCompare(b)).map(([key, value]) => `${key}: ${JSON.stringify(value)}`))]),
}));

/**
 * The project's runs listed as REST's GET /v1/evaluation_runs lists them; two seeded runs picked
 * from the list side by side, a page of 10 rows, then the next page, then only the rows both runs
 * have: digests, scores and the summary's trial counts and scorers equal REST's.
 */
async function compareEvaluations({ page, service, evalProject, evalRuns, screenshot }) {
  const [entity, project] = evalProject.split("/");
  // The runs in the order the picker lists them (newest first), as the page sends them.
  let picked = evalRuns;
  const restQuery = (extra) => postJson(`${service}/v2/${entity}/${project}/eval_results/query`, { evaluation_run_ids: picked, include_summary: true, limit: 10, ...extra });
  await page.goto(`${service}/`);
  await nav(page, "Compare evaluations");
  await page.waitForURL("**/compare");
  await page.getByLabel("Entity").fill(entity);
  await page.getByLabel("Project").fill(project);
  await page.getByLabel("Rows per page").fill("10");
  // One id is not a comparison: refused in the page, nothing sent.
  const sent = [];
  page.on("request", (request) => request.url().includes("EvaluationResultService") && sent.push(request.url()));
  await page.getByLabel("Evaluation run ids").fill(evalRuns[0]);
  await page.getByRole("button", { name: "Compare" }).click();
  const refused = await page.getByRole("alert").innerText();
  expect(refused.includes("Invalid input (not sent)") && refused.includes("paste at least two to compare"), `banner for one id "${oneLine(refused)}"`);
  expectEq("calls sent for one id", [], sent);
  // The runs come from ListEvaluationRuns, newest first as REST lists them; picking two fills the ids.
  await page.getByRole("button", { name: "Load runs" }).click();
  const picker = page.getByLabel("Evaluation runs", { exact: true });
  const listed = (await getJson(`${service}/v1/evaluation_runs?project=${evalProject}&page_size=50`)).runs.map((run) => run.id);
  await picker.locator("option").first().waitFor();
  expectEq("runs in the picker vs REST", listed, await picker.locator("option").evaluateAll((options) => options.map((option) => option.value)));
  await picker.selectOption(evalRuns);
  picked = listed.filter((id) => evalRuns.includes(id));
  expectEq("ids the picker wrote", picked.join("\n"), await page.getByLabel("Evaluation run ids").inputValue());
  const status = page.getByRole("region", { name: "Comparison" }).getByRole("status");

  const check = async (what, expected, offset) => {
    const total = expected.total_rows.toLocaleString("en-US");
    await status.filter({ hasText: `of ${total}` }).filter({ hasText: `Rows ${offset + 1}–` }).waitFor();
    expect(expected.rows.length > 0, `${what}: REST finds no rows; the case needs some`);
    expectEq(`${what}: rows and scores vs REST`, expectedRows(expected.rows, picked), await shownRows(page));
    const summary = await page.getByRole("table", { name: "Summary" }).locator("tbody tr").evaluateAll((rows) => rows.map((row) => [row.dataset.evaluation, row.cells[1].textContent, row.cells[2].textContent]));
    expectEq(`${what}: summary evaluations and trial counts`, expected.summary.evaluations.map((e) => [e.evaluation_call_id, e.trial_count.toLocaleString("en-US")]), summary.map(([id, trials]) => [id, trials]));
    expected.summary.evaluations.forEach((evaluation, i) => evaluation.scorer_stats.forEach((stats) => {
      const shown = stats.pass_rate != null ? `(${stats.pass_true_count}/${stats.pass_known_count})` : `(${stats.numeric_count})`;
      expect(summary[i][2].includes(`${stats.scorer_key}`) && summary[i][2].includes(shown), `${what}: summary of ${evaluation.evaluation_call_id} "${summary[i][2]}" lacks ${stats.scorer_key} ${shown}`);
    }));
    return `${what} ${expected.rows.length} of ${total}`;
  };
  await page.getByRole("button", { name: "Compare" }).click();
  const seen = [await check("first page", await restQuery({ offset: 0 }), 0)];
  const shot = await screenshot("compare");
  await page.getByRole("button", { name: "Next" }).click();
  seen.push(await check("second page", await restQuery({ offset: 10 }), 10));
  await page.getByLabel("Only rows every evaluation has").check();
  await page.getByRole("button", { name: "Compare" }).click();
  seen.push(await check("rows both runs have", await restQuery({ offset: 0, require_intersection: true }), 0));
  expectEq("error banners after the comparisons", 0, await page.getByRole("alert").count());
  return `one id refused in the page; ${listed.length} runs listed as REST lists them; picked ${picked.join(" vs ")}: rows, scores and summary equal REST's: ${seen.join("; ")}; screenshot ${shot}`;
}

/**
 * A project with more runs than a page of the picker: Load runs lists the first page, More runs
 * appends the next and then turns off; together they are REST's two pages, in order.
 */
async function runPickerPages({ page, service, runsProject }) {
  const [entity, project] = runsProject.split("/");
  const first = await getJson(`${service}/v1/evaluation_runs?project=${runsProject}&page_size=50`);
  expect(first.nextPageToken, "REST lists every run on one page; the case needs more than 50");
  const second = await getJson(`${service}/v1/evaluation_runs?project=${runsProject}&page_size=50&page_token=${encodeURIComponent(first.nextPageToken)}`);
  const listed = [...first.runs, ...second.runs].map((run) => run.id);
  await page.goto(`${service}/compare`);
  await page.getByLabel("Entity").fill(entity);
  await page.getByLabel("Project").fill(project);
  const picker = page.getByLabel("Evaluation runs", { exact: true });
  const options = picker.locator("option");
  const more = page.getByRole("button", { name: "More runs" });
  await page.getByRole("button", { name: "Load runs" }).click();
  await options.nth(first.runs.length - 1).waitFor({ state: "attached" });
  await expectEnabled(more, true, "More runs after the first page");
  expectEq("runs after Load runs vs REST's first page", first.runs.map((run) => run.id), await options.evaluateAll((all) => all.map((option) => option.value)));
  await more.click();
  await options.nth(listed.length - 1).waitFor({ state: "attached" });
  await expectEnabled(more, false, "More runs after the last page");
  expectEq("runs after More runs vs REST's two pages", listed, await options.evaluateAll((all) => all.map((option) => option.value)));
  expectEq("error banners", 0, await page.getByRole("alert").count());
  return `Load runs listed ${first.runs.length}, More runs added ${second.runs.length} and turned off; ${listed.length} runs in REST's order`;
}

/** Waits for a button to be enabled or disabled (the page flips it when a page of runs arrives). */
async function expectEnabled(button, enabled, what) {
  await button.page().waitForFunction(([element, want]) => element.disabled === !want, [await button.elementHandle(), enabled]).catch(() => {
    throw new Error(`${what}: the button is ${enabled ? "disabled" : "enabled"}`);
  });
}

const METRICS_WINDOW = { startTs: "2025-12-02T00:00:00Z", endTs: "2026-01-01T00:00:00Z", datasource: "modelMetrics", type: "timeseries", groupBy: ["modelName"] };

/** Daily p99 latency by model: one line per model, its points at REST's buckets and values. */
async function metricsChart({ page, service, screenshot }) {
  await page.goto(`${service}/`);
  await nav(page, "Metrics");
  await page.waitForURL("**/charts");
  await page.getByLabel("Measure").selectOption({ label: "p99 latency (ms)" });
  await page.getByLabel("Interval").fill("1 day");
  await page.getByRole("button", { name: "Draw" }).click();
  const chart = page.getByRole("img", { name: "p99 latency (ms) by model over time" });
  await chart.waitFor();
  const shot = await screenshot("metrics");

  const { data } = await postJson(`${service}/api/svc/v1/llm-gateway/metrics/query`, { ...METRICS_WINDOW, interval: "1 day", aggregations: [{ type: "p99", column: "latencyMs" }] });
  const expected = {};
  for (const point of data.dataPoints.filter((p) => p.p99LatencyMs != null)) {
    (expected[point.modelName ?? "(no model)"] ??= []).push([point.startTimestamp.replace(".000Z", "Z"), point.p99LatencyMs]);
  }
  const models = Object.keys(expected).sort((a, b) => a.localeCompare(b));
  expect(models.length > 1, `REST finds ${models.length} models; the case needs several`);
  expectEq("lines, one per model", models, await chart.locator("polyline").evaluateAll((lines) => lines.map((line) => line.dataset.series)));
  expectEq("legend", models, await page.getByRole("list", { name: "Legend" }).locator("li").allTextContents());
  const points = await chart.locator("circle").evaluateAll((circles) => circles.map((c) => [c.dataset.series, c.dataset.time.replace(".000Z", "Z"), Number(c.dataset.value)]));
  expectEq("points vs REST", models.flatMap((model) => expected[model].map(([time, value]) => [model, time, value])), points);
  return `${models.length} lines (${models.join(", ")}), ${points.length} points equal to REST's; screenshot ${shot}`;
}

/** An interval the server refuses: its status and message in the banner, no chart. */
async function metricsError({ page, service, screenshot }) {
  await page.goto(`${service}/charts`);
  await page.getByLabel("Interval").fill("5 fortnight");
  await page.getByRole("button", { name: "Draw" }).click();
  const alert = page.getByRole("alert");
  await alert.waitFor();
  const text = await alert.innerText();
  for (const part of ["INVALID_ARGUMENT (gRPC status 3)", "unknown unit 'fortnight'"]) {
    expect(text.includes(part), `the banner "${oneLine(text)}" lacks "${part}"`);
  }
  expectEq("charts", 0, await page.locator("svg.chart").count());
  return `banner "${oneLine(text)}"; screenshot ${await screenshot("metrics-error")}`;
}

export const VIEW_CASES = [
  ["compare_evaluations", compareEvaluations],
  ["run_picker_pages", runPickerPages],
  ["metrics_chart", metricsChart],
  ["metrics_error", metricsError],
];
