// What the explorer cases share: assertions, the REST reference (TensorZero's JSON, read with
// Node's fetch, a path the explorer does not use), and the page's parts found by role and label.
class CaseFailure extends Error {}

export const expect = (condition, detail) => {
  if (!condition) throw new CaseFailure(detail);
};
export const expectEq = (what, expected, got) => {
  const [e, g] = [expected, got].map((value) => String(JSON.stringify(value)));
  expect(e === g, `${what}: expected ${e.slice(0, 300)}, got ${g.slice(0, 300)}`);
};

// The banner's lines on one line, for a report.
export const oneLine = (text) => text.trim().replace(/\s*\n\s*/g, " / ");

export async function rest(service, method, body) {
  const response = await fetch(`${service}/v1/inferences/${method}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const text = await response.text();
  expect(response.ok, `REST ${method}: HTTP ${response.status} ${text.slice(0, 200)}`);
  return text;
}

/** The pages of a REST stream_inferences call, as arrays of inference ids. */
export async function restPages(service, query) {
  const lines = (await rest(service, "stream_inferences", query)).split("\n").filter(Boolean);
  return lines.map((line) => JSON.parse(line).inferences.map((inference) => inference.inference_id));
}

export const results = (page) => page.getByRole("region", { name: "Results" });
export const status = (page) => results(page).getByRole("status");
export const rowIds = (page) => results(page).locator("tbody tr").evaluateAll((rows) => rows.map((row) => row.dataset.id));
export const waitForState = (page, state) => results(page).locator(`[role=status][data-state="${state}"]`).waitFor();

/**
 * Scrolls to the end of the table until every loaded row is in it: the explorer shows a window of
 * rows and adds the next when the line below the table ("Showing 200 of 4,367 rows") comes into view.
 */
export async function showAllRows(page) {
  const footer = results(page).locator(".row-window");
  while (await footer.isVisible()) {
    const before = (await rowIds(page)).length;
    await footer.scrollIntoViewIfNeeded();
    await page.waitForFunction((n) => document.querySelectorAll(".results tbody tr").length > n, before);
  }
}

/** Every text the status line shows from now on, in order, read back with statusLog(). */
export async function recordStatus(page) {
  await page.evaluate(() => {
    window.__statusLog = [];
    const element = document.querySelector(".results [role=status]");
    new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) window.__statusLog.push(node.textContent);
    }).observe(element, { childList: true });
  });
}
export const statusLog = (page) => page.evaluate(() => window.__statusLog);

export async function addTag(page, key, value) {
  await page.getByRole("button", { name: "+ Tag" }).first().click();
  await page.getByLabel("Tag key").last().fill(key);
  await page.getByLabel("Tag value").last().fill(value);
}

export async function addMetric(page, name, operator, value, group = page) {
  await group.getByRole("button", { name: "+ Metric", exact: true }).last().click();
  await page.getByLabel("Metric name", { exact: true }).last().fill(name);
  await page.getByLabel("Metric comparison").last().selectOption({ label: operator });
  await page.getByLabel("Metric value").last().fill(value);
}

