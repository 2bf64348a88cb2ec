// Browser peer "chromium-connect-web": Debian's headless Chromium, driven by playwright-core, loads
// a page whose script calls InferenceQueryService with connect-web's gRPC-Web transport.
// Usage: node tests/browser/run.mjs --http H:P [--grpc H:P --tls H:P --ca cert.pem --protos DIR --only a,b]
// Takes the conformance peers' flags so the same harness can run it; only --http (the service's
// HTTP/1.1 address) is needed. Prints one JSON line per case {"peer","case","ok","detail"} and
// exits 0 unless the script itself fails. The service must hold the seeded sample data.
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildPage } from "./build.mjs";
import { caseReporter, launchChromium, root, saveScreenshot } from "./harness.mjs";

const PEER = "chromium-connect-web";
// The page bounds each case at 30 s; this bounds the whole page, in case the script never loads.
const PAGE_TIME_LIMIT_MS = 150_000;

const { values: flags } = parseArgs({
  options: {
    http: { type: "string" },
    grpc: { type: "string" },
    tls: { type: "string" },
    ca: { type: "string" },
    protos: { type: "string", default: path.join(root, "protos") },
    only: { type: "string", default: "" },
  },
});
if (!flags.http) throw new Error("--http is required (the service's HTTP/1.1 host:port)");

const report = caseReporter(PEER);

/** Serves the page on 127.0.0.1: a real http origin, another port than the service, so CORS applies. */
async function servePage({ html, js }) {
  const files = { "/": [html, "text/html"], "/index.html": [html, "text/html"], "/main.js": [js, "text/javascript"] };
  const server = http.createServer((request, response) => {
    const [body, type] = files[new URL(request.url, "http://page").pathname] ?? [];
    response.writeHead(body ? 200 : 404, { "content-type": `${type ?? "text/plain"}; charset=utf-8`, "cache-control": "no-store" });
    response.end(body ?? "not found");
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return server;
}

const server = await servePage(await buildPage(path.resolve(flags.protos)));
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  // What the page logged, to explain a page that never finished.
  const logged = [];
  page.on("console", (message) => logged.push(`${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => logged.push(`pageerror: ${error.message}`));

  const query = new URLSearchParams({ service: `http://${flags.http}`, only: flags.only });
  await page.goto(`http://127.0.0.1:${server.address().port}/index.html?${query}`);
  let timedOut = false;
  await page.waitForFunction(() => window.__done === true, null, { timeout: PAGE_TIME_LIMIT_MS }).catch(() => { timedOut = true; });
  const { results, names, fatal } = await page.evaluate(() => ({ results: window.__results ?? [], names: window.__caseNames ?? [], fatal: window.__fatal }));

  await saveScreenshot(page, PEER);

  for (const result of results) report(result.case, result.ok, result.detail);
  // A case the page announced but never finished is reported failed, with why.
  const why = fatal ? `page error: ${fatal}` : timedOut ? `the page did not finish within ${PAGE_TIME_LIMIT_MS / 1000} s` : "not run";
  const console = logged.slice(-5).join(" | ");
  for (const name of names.filter((n) => !results.some((r) => r.case === n))) report(name, false, `${why}; console: ${console}`);
  if (names.length === 0) report("page_load", false, `${why}; the page announced no cases; console: ${console}`);
} finally {
  await browser.close();
  server.close();
}
process.exit(0);
