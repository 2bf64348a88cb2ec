// The explorer cases, each driving the page as a person would and checking what it shows against
// the same query over REST (TensorZero's JSON, read with Node's fetch), a path the explorer does
// not use. Each returns a detail string or throws. They need the 2,000 seeded sample inferences.
import {
  addMetric, addTag, expect, expectEq, oneLine, recordStatus, rest, restPages, results, rowIds, showAllRows, status, statusLog, waitForState,
} from "./explorerPage.mjs";

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
  const shot = await screenshot("results");
  await showAllRows(page);

  const pages = await restPages(service, { ...TREE_QUERY, page_size: pageSize });
  const expected = pages.flat();
  expect(pages.length > 2, `the query has ${expected.length} rows; the case needs several pages`);
  expectEq("row ids, in order, vs REST", expected, await rowIds(page));
  const cells = await results(page).locator("tbody tr").evaluateAll((rows) => rows.map((row) => [row.cells[2].textContent, row.cells[8].textContent]));
  expect(cells.every(([fn, tags]) => fn === "answer_question" && tags.includes("env=prod")), "a row is not answer_question with env=prod");

  // One status line per page as it arrived: the count grows page by page, then "done".
  let total = 0;
  const perPage = pages.map((ids) => `${(total += ids.length).toLocaleString("en-US")} rows, streaming…`);
  const log = await statusLog(page);
  expectEq("status while streaming", ["0 rows, streaming…", ...perPage], log.slice(0, -1));
  const count = expected.length.toLocaleString("en-US");
  expect(new RegExp(`^${count} rows, done in [0-9.]+ s$`).test(log.at(-1)), `final status "${log.at(-1)}"`);
  return `${count} rows in ${pages.length} pages, each page shown as it came, ids equal to REST's in order; screenshot ${shot}`;
}

/** Applies the form and checks the table against the same query over REST, row by row. */
async function expectSameRowsAsRest(page, service, query, what) {
  await page.getByRole("button", { name: "Apply" }).click();
  await waitForState(page, "done");
  await showAllRows(page);
  const expected = (await restPages(service, { ...query, page_size: 1000 })).flat();
  expect(expected.length > 0, `${what}: REST finds no rows; the case needs some`);
  expectEq(`${what}: row ids vs REST`, expected, await rowIds(page));
  return `${what} ${expected.length}`;
}

/**
 * Every other part of the form: a time leaf, a boolean metric and a demonstration leaf in an "any"
 * group, oldest first; the demonstration output source with a search by relevance; a function's
 * variant ordered by a metric; an episode. Each gives REST's rows in REST's order.
 */
async function everyField({ page, service }) {
  const seen = [];
  await page.goto(`${service}/`);
  await page.getByLabel("Order", { exact: true }).selectOption({ label: "oldest first" });
  await page.getByRole("button", { name: "+ Time" }).click();
  await page.getByLabel("Time comparison").selectOption({ label: "≥" });
  await page.getByLabel("Time (UTC)").fill("2025-12-30T00:00");
  await page.getByRole("button", { name: "+ Group" }).click();
  const nested = page.locator(".group .group");
  await nested.getByLabel("Combine filters").selectOption("or");
  await nested.getByRole("button", { name: "+ Boolean metric" }).click();
  await nested.getByLabel("Boolean metric name").fill("thumbs_up");
  await nested.getByLabel("Boolean metric value").selectOption({ label: "is true" });
  await nested.getByRole("button", { name: "+ Demonstration" }).click();
  await nested.getByLabel("Demonstration").selectOption({ label: "has a demonstration" });
  seen.push(await expectSameRowsAsRest(page, service, {
    order_by: [{ by: "timestamp", direction: "ascending" }],
    filters: {
      type: "and",
      children: [
        { type: "time", time: "2025-12-30T00:00:00Z", comparison_operator: ">=" },
        { type: "or", children: [{ type: "boolean_metric", metric_name: "thumbs_up", value: true }, { type: "demonstration_feedback", has_demonstration: true }] },
      ],
    },
  }, "time, boolean metric and demonstration, oldest first:"));

  await page.goto(`${service}/`);
  await page.getByLabel("Output").selectOption({ label: "the demonstration (only inferences with one)" });
  await page.getByLabel("Search").fill("the");
  await page.getByLabel("Order", { exact: true }).selectOption({ label: "search relevance" });
  seen.push(await expectSameRowsAsRest(page, service, {
    output_source: "demonstration", search_query_experimental: "the", order_by: [{ by: "search_relevance", direction: "descending" }],
  }, "demonstrations matching a search, by relevance:"));

  await page.goto(`${service}/`);
  await page.getByLabel("Function").fill("summarize");
  await page.getByLabel("Variant").fill("mini_v2");
  await page.getByLabel("Order", { exact: true }).selectOption({ label: "metric, lowest first" });
  await page.getByLabel("Order metric").fill("user_rating");
  seen.push(await expectSameRowsAsRest(page, service, {
    function_name: "summarize", variant_name: "mini_v2", order_by: [{ by: "metric", name: "user_rating", direction: "ascending" }],
  }, "a function's variant by a metric, lowest first:"));

  const episode = JSON.parse(await rest(service, "list_inferences", { function_name: "answer_question", limit: 1 })).inferences[0].episode_id;
  await page.goto(`${service}/`);
  await page.getByLabel("Episode").fill(episode);
  seen.push(await expectSameRowsAsRest(page, service, { episode_id: episode }, "an episode:"));
  return `rows equal to REST's: ${seen.join("; ")}`;
}

/** Opens a row: the page shows what REST's get_inferences returns for it; reload and back work. */
async function detailView({ page, service, screenshot }) {
  await page.goto(`${service}/`);
  await page.getByLabel("Function").fill("answer_question");
  await page.getByRole("button", { name: "Apply" }).click();
  await waitForState(page, "done");
  const listed = await status(page).textContent();
  const first = results(page).locator("tbody tr").first();
  const id = await first.getAttribute("data-id");
  // A click on the row, not on its id link.
  await first.locator("td").nth(2).click();
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
  expectEq("status after going back", listed, await status(page).textContent());
  await page.goForward();
  await check("after going forward");
  await page.reload();
  await check("after a reload");

  // An inference with a demonstration shows it beside the model's output.
  const demonstrated = JSON.parse(await rest(service, "list_inferences", { output_source: "demonstration", limit: 1 })).inferences[0];
  await page.goto(`${service}/inferences/${demonstrated.inference_id}`);
  const demonstration = page.getByRole("region", { name: "Demonstration" });
  await demonstration.waitFor();
  const demonstrationText = demonstrated.output.find((block) => block.type === "text").text;
  expect((await demonstration.textContent()).includes(demonstrationText), `the Demonstration section lacks "${demonstrationText}"`);
  return `opened ${id}: heading, input, output and ${Object.keys(expected.tags).length} tags as REST returns them; back keeps "${listed}"; reload works; ${demonstrated.inference_id} shows its demonstration; screenshot ${shot}`;
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
  const all = (await restPages(service, { page_size: 1000 })).flat();
  const shown = (await rowIds(page)).length;
  expect(shown < all.length, `all ${all.length} rows are in the table at once; it should show a window of them`);
  await showAllRows(page);
  expectEq("row ids of the whole project after stop and apply, window by window", all, await rowIds(page));
  return `stopped at 100 rows with the stream held open: the browser closed the call, rows kept, no error; screenshot ${shot}; then all ${all.length.toLocaleString("en-US")} rows, ${shown} shown at first and the rest as the table scrolled`;
}

/** A metric the project does not define, deep in the tree: the server's status and message, in view. */
async function badFilterError({ page, service, screenshot }) {
  await page.goto(`${service}/`);
  await addTag(page, "env", "prod");
  await addMetric(page, "no_such_metric", ">", "1");
  await page.getByRole("button", { name: "Apply" }).click();
  const alert = page.getByRole("alert");
  await alert.waitFor();
  const text = await alert.innerText();
  for (const part of ["INVALID_ARGUMENT (gRPC status 3)", "Invalid metric name: no_such_metric", "float_metric.metric_name: Invalid metric name: no_such_metric"]) {
    expect(text.includes(part), `the banner "${oneLine(text)}" lacks "${part}"`);
  }
  await waitForState(page, "failed");
  expectEq("rows", 0, (await rowIds(page)).length);
  return `banner "${oneLine(text)}"; screenshot ${await screenshot("error")}`;
}

/** A metric value left empty: refused in the page, nothing sent, the banner says where. */
async function invalidInputError({ page, service }) {
  await page.goto(`${service}/`);
  const sent = [];
  page.on("request", (request) => request.url().includes("InferenceQueryService") && sent.push(request.url()));
  await addMetric(page, "user_rating", ">", "");
  await page.getByRole("button", { name: "Apply" }).click();
  const text = await page.getByRole("alert").innerText();
  expect(text.includes("Invalid input (not sent)") && text.includes("filter 1: the metric value is empty"), `banner "${oneLine(text)}"`);
  await waitForState(page, "failed");
  expectEq("calls sent", [], sent);
  return `banner "${oneLine(text)}", no call sent`;
}

/**
 * An API key typed in the header goes with every call as a Bearer token and stays for a reload
 * (sessionStorage); emptied, calls go without one. Only the header is checked: whether the
 * service wants a key depends on its address (docs/security.md), and these tests run on loopback.
 */
async function apiKeyHeader({ page, service }) {
  const key = "igk_explorer_test_key";
  const authorization = async () => {
    const call = page.waitForRequest((request) => request.url().endsWith(".InferenceQueryService/StreamInferences"));
    await page.getByRole("button", { name: "Apply" }).click();
    return (await (await call).allHeaders()).authorization;
  };
  await page.goto(`${service}/`);
  await page.getByLabel("Function").fill("write_haiku");
  const field = page.getByLabel("API key");
  await field.fill(key);
  await field.press("Tab");
  expectEq("authorization with a key", `Bearer ${key}`, await authorization());
  await page.reload();
  expectEq("the key after a reload", key, await field.inputValue());
  await field.fill("");
  await field.press("Tab");
  await page.getByLabel("Function").fill("write_haiku");
  expectEq("authorization without a key", undefined, await authorization());
  return "sent as Bearer, kept over a reload, not sent once emptied";
}

export const CASES = [
  ["filter_rows", filterRows],
  ["every_field", everyField],
  ["detail_view", detailView],
  ["stop_stream", stopStream],
  ["bad_filter_error", badFilterError],
  ["invalid_input_error", invalidInputError],
  ["api_key_header", apiKeyHeader],
];
