// The explorer cases, each driving the page as a person would and checking what it shows against
// the same query over REST (TensorZero's JSON, read with Node's fetch), a path the explorer does
// not use. Each returns a detail string or throws. They need the 2,000 seeded sample inferences.
class CaseFailure extends Error {}

const expect = (condition, detail) => {
  if (!condition) throw new CaseFailure(detail);
};
const expectEq = (what, expected, got) => {
  const [e, g] = [JSON.stringify(expected), JSON.stringify(got)];
  expect(e === g, `${what}: expected ${e.slice(0, 300)}, got ${g.slice(0, 300)}`);
};

const tag = (key, value, op = "=") => ({ type: "tag", key, value, comparison_operator: op });
// answer_question in prod, and either rated at least 4 or not for an enterprise customer: a
// nested tree with an OR and a NOT, about 460 of the 2,000 seeded inferences.
const TREE_QUERY = {
  function_name: "answer_question",
  filters: {
    type: "and",
    children: [
      tag("env", "prod"),
      { type: "or", children: [{ type: "float_metric", metric_name: "user_rating", value: 4, comparison_operator: ">=" }, { type: "not", child: tag("customer_tier", "enterprise") }] },
    ],
  },
};

async function rest(service, method, body) {
  const response = await fetch(`${service}/v1/inferences/${method}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const text = await response.text();
  expect(response.ok, `REST ${method}: HTTP ${response.status} ${text.slice(0, 200)}`);
  return text;
}

/** The pages of a REST stream_inferences call, as arrays of inference ids. */
async function restPages(service, query) {
  const lines = (await rest(service, "stream_inferences", query)).split("\n").filter(Boolean);
  return lines.map((line) => JSON.parse(line).inferences.map((inference) => inference.inference_id));
}

const results = (page) => page.getByRole("region", { name: "Results" });
const status = (page) => results(page).getByRole("status");
const rowIds = (page) => results(page).locator("tbody tr").evaluateAll((rows) => rows.map((row) => row.dataset.id));
const waitForState = (page, state) => results(page).locator(`[role=status][data-state="${state}"]`).waitFor();

/** Every text the status line shows from now on, in order, read back with statusLog(). */
async function recordStatus(page) {
  await page.evaluate(() => {
    window.__statusLog = [];
    const element = document.querySelector(".results [role=status]");
    new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) window.__statusLog.push(node.textContent);
    }).observe(element, { childList: true });
  });
}
const statusLog = (page) => page.evaluate(() => window.__statusLog);

async function addTag(page, key, value, index = 0) {
  await page.getByRole("button", { name: "+ Tag" }).first().click();
  await page.getByLabel("Tag key").nth(index).fill(key);
  await page.getByLabel("Tag value").nth(index).fill(value);
}

async function addMetric(page, name, operator, value, group = page) {
  await group.getByRole("button", { name: "+ Metric", exact: true }).last().click();
  await page.getByLabel("Metric name", { exact: true }).last().fill(name);
  await page.getByLabel("Metric comparison").last().selectOption({ label: operator });
  await page.getByLabel("Metric value").last().fill(value);
}

/** Builds TREE_QUERY with the form: two tags, a nested "any" group, a metric and a "not". */
async function buildTreeQuery(page, pageSize) {
  await page.getByLabel("Function").fill("answer_question");
  await page.getByLabel("Page size").fill(String(pageSize));
  await addTag(page, "env", "prod");
  await page.getByRole("button", { name: "+ Group" }).click();
  const nested = page.locator(".group .group");
  await nested.getByLabel("Combine filters").selectOption("or");
  await addMetric(page, "user_rating", "≥", "4", nested);
  await nested.getByRole("button", { name: "+ Tag" }).click();
  await nested.getByLabel("Tag key").fill("customer_tier");
  await nested.getByLabel("Tag value").fill("enterprise");
  await nested.getByLabel("Not").last().check();
}

/** A nested filter tree: the rows arrive page by page, the same rows in the same order as REST. */
async function filterRows({ page, service, screenshot }) {
  const pageSize = 50;
  await page.goto(`${service}/`);
  await buildTreeQuery(page, pageSize);
  await recordStatus(page);
  await page.getByRole("button", { name: "Apply" }).click();
  await waitForState(page, "done");

  const pages = await restPages(service, { ...TREE_QUERY, page_size: pageSize });
  const expected = pages.flat();
  expect(pages.length > 2, `the query has ${expected.length} rows; the case needs several pages`);
  expectEq("row ids, in order, vs REST", expected, await rowIds(page));
  const cells = await results(page).locator("tbody tr").evaluateAll((rows) => rows.map((row) => [row.cells[1].textContent, row.cells[7].textContent]));
  expect(cells.every(([fn, tags]) => fn === "answer_question" && tags.includes("env=prod")), "a row is not answer_question with env=prod");

  // One status line per page as it arrived: the count grows page by page, then "done".
  let total = 0;
  const perPage = pages.map((ids) => `${(total += ids.length).toLocaleString("en-US")} rows, streaming…`);
  const log = await statusLog(page);
  expectEq("status while streaming", ["0 rows, streaming…", ...perPage], log.slice(0, -1));
  const count = expected.length.toLocaleString("en-US");
  expect(new RegExp(`^${count} rows, done in [0-9.]+ s$`).test(log.at(-1)), `final status "${log.at(-1)}"`);
  return `${count} rows in ${pages.length} pages, each page shown as it came, ids equal to REST's in order; screenshot ${await screenshot("results")}`;
}

/** Opens a row: the page shows what REST's get_inferences returns for it; reload and back work. */
async function detailView({ page, service, screenshot }) {
  await page.goto(`${service}/`);
  await page.getByLabel("Function").fill("answer_question");
  await page.getByRole("button", { name: "Apply" }).click();
  await waitForState(page, "done");
  const listed = (await rowIds(page)).length;
  const first = results(page).locator("tbody tr").first();
  const id = await first.getAttribute("data-id");
  await first.locator("td").nth(1).click();
  await page.waitForURL(`**/inferences/${id}`);

  const expected = JSON.parse(await rest(service, "get_inferences", { ids: [id] })).inferences[0];
  const check = async (when) => {
    const heading = page.getByRole("heading", { level: 1 });
    await heading.waitFor();
    expectEq(`${when}: heading`, `${expected.function_name} · ${expected.variant_name}`, await heading.textContent());
    const input = await page.getByRole("region", { name: "Input" }).textContent();
    const userText = expected.input.messages[0].content[0].text;
    expect(input.includes(expected.input.system) && input.includes(userText), `${when}: the Input section lacks the system prompt or "${userText}"`);
    const output = await page.getByRole("region", { name: "Output" }).textContent();
    const outputText = expected.output.find((block) => block.type === "text")?.text ?? "";
    expect(output.includes(outputText), `${when}: the Output section lacks "${outputText}"`);
    const tags = await page.getByRole("region", { name: "Tags" }).locator("tr").evaluateAll((rows) => rows.map((row) => [row.cells[0].textContent, row.cells[1].textContent]));
    expectEq(`${when}: tags`, Object.entries(expected.tags).sort(([a], [b]) => a.localeCompare(b)), tags);
  };
  await check("after a click on the row");
  const shot = await screenshot("detail");

  // Back finds the table as it was; forward and a reload (the service answers the path with the
  // explorer) show the same inference again.
  await page.goBack();
  await waitForState(page, "done");
  expectEq("rows after going back", listed, (await rowIds(page)).length);
  await page.goForward();
  await check("after going forward");
  await page.reload();
  await check("after a reload");
  return `opened ${id}: heading, input, output and ${Object.keys(expected.tags).length} tags as REST returns them; back keeps ${listed} rows; reload works; screenshot ${shot}`;
}

/**
 * Stop while the stream is certainly still running: the gate passes two pages of 50 and holds
 * the rest. Stop aborts the call (the gate sees the browser close it), keeps the 100 rows, and
 * is no error. Then the same query without the gate fills the table to the end.
 */
async function stopStream({ page, service, gated, gate, screenshot }) {
  gate.holdAfter(2);
  await page.goto(`${gated}/`);
  await page.getByLabel("Page size").fill("50");
  await page.getByRole("button", { name: "Apply" }).click();
  await status(page).filter({ hasText: "100 rows, streaming…" }).waitFor();
  expectEq("rows before stop", 100, (await rowIds(page)).length);

  const closed = gate.nextClosedByClient();
  await page.getByRole("button", { name: "Stop" }).click();
  await waitForState(page, "stopped");
  expectEq("status", "100 rows, stopped", await status(page).textContent());
  expectEq("pages passed before the browser closed the call", 2, await closed);
  expectEq("rows after stop", 100, (await rowIds(page)).length);
  expect(await page.getByRole("button", { name: "Stop" }).isDisabled(), "Stop is still enabled");
  expectEq("error banners", 0, await page.getByRole("alert").count());
  const shot = await screenshot("stopped");

  gate.holdAfter(0);
  await page.getByRole("button", { name: "Apply" }).click();
  await waitForState(page, "done");
  const all = (await restPages(service, { page_size: 1000 })).flat().length;
  expectEq("rows of the whole project after stop and apply", all, (await rowIds(page)).length);
  return `stopped at 100 rows with the stream held open: the browser closed the call, rows kept, no error; screenshot ${shot}; then all ${all} rows`;
}

/** A metric the project does not define, deep in the tree: the server's status and message, in view. */
async function badFilterError({ page, service, screenshot }) {
  await page.goto(`${service}/`);
  await addTag(page, "env", "prod");
  await addMetric(page, "no_such_metric", ">", "1");
  await page.getByRole("button", { name: "Apply" }).click();
  const alert = page.getByRole("alert");
  await alert.waitFor();
  const text = await alert.textContent();
  for (const part of ["INVALID_ARGUMENT (gRPC status 3)", "Invalid metric name: no_such_metric", "float_metric.metric_name: Invalid metric name: no_such_metric"]) {
    expect(text.includes(part), `the banner "${text}" lacks "${part}"`);
  }
  await waitForState(page, "failed");
  expectEq("rows", 0, (await rowIds(page)).length);
  return `banner "${text}"; screenshot ${await screenshot("error")}`;
}

/** A metric value left empty: refused in the page, nothing sent, the banner says where. */
async function invalidInputError({ page, service }) {
  await page.goto(`${service}/`);
  const sent = [];
  page.on("request", (request) => request.url().includes("InferenceQueryService") && sent.push(request.url()));
  await addMetric(page, "user_rating", ">", "");
  await page.getByRole("button", { name: "Apply" }).click();
  const text = await page.getByRole("alert").textContent();
  expect(text.includes("Invalid filter (not sent)") && text.includes("filter 1: the metric value is empty"), `banner "${text}"`);
  await waitForState(page, "failed");
  expectEq("calls sent", [], sent);
  return `banner "${text}", no call sent`;
}

export const CASES = [
  ["filter_rows", filterRows],
  ["detail_view", detailView],
  ["stop_stream", stopStream],
  ["bad_filter_error", badFilterError],
  ["invalid_input_error", invalidInputError],
];
