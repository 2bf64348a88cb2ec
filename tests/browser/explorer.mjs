// Browser peer "chromium-explorer": the web explorer (clients/web) as the service itself serves it
// at /, used the way a person would (labels, buttons, links) in Debian's headless Chromium.
// Usage: node tests/browser/explorer.mjs --http H:P [--eval-project E/P --eval-runs a,b] [--feedback-inferences a,b]
//   [--runs-project E/P] [--only a,b]
// Prints one JSON line per case {"peer","case","ok","detail"} and exits 0 unless the script
// itself fails. The service must hold the seeded sample data (InferenceGrpc.Server seed --count 2000)
// and serve a built explorer; the comparison case also needs it in project E/P and two of its
// evaluation run ids, the feedback case ids of seeded inferences with feedback, and the run
// picker's case a project with more evaluation runs than one page of the picker (50).
// Screenshots go to artifacts/browser/explorer-*.png.
import { parseArgs } from "node:util";
import { caseReporter, launchChromium, saveScreenshot } from "./harness.mjs";
import { CASES } from "./explorerCases.mjs";
import { FEEDBACK_CASES } from "./feedbackCases.mjs";
import { StreamGate } from "./streamGate.mjs";
import { VIEW_CASES } from "./viewCases.mjs";

const PEER = "chromium-explorer";
// Every wait is for a condition; this only bounds a wait whose condition never comes.
const WAIT_MS = 20_000;

const { values: flags } = parseArgs({ options: { http: { type: "string" }, "eval-project": { type: "string", default: "" }, "eval-runs": { type: "string", default: "" }, "feedback-inferences": { type: "string", default: "" }, "runs-project": { type: "string", default: "" }, only: { type: "string", default: "" } } });
if (!flags.http) throw new Error("--http is required (the service's HTTP/1.1 host:port)");
const report = caseReporter(PEER);
const only = new Set(flags.only.split(",").filter(Boolean));

const service = `http://${flags.http}`;
const gate = new StreamGate(service);
const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  // What the page logged, to explain a failed case.
  const logged = [];
  page.on("console", (message) => logged.push(`${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => logged.push(`pageerror: ${error.message}`));
  // The viewport only: a full page of hundreds of rows is too tall to look at.
  const screenshot = (name) => saveScreenshot(page, `explorer-${name}`, { fullPage: false });
  const evalRuns = flags["eval-runs"].split(",").filter(Boolean);
  const ctx = { page, service, gated: await gate.listen(), gate, screenshot, evalProject: flags["eval-project"], evalRuns, feedbackInferences: flags["feedback-inferences"].split(",").filter(Boolean), runsProject: flags["runs-project"] };

  for (const [name, run] of [...CASES, ...FEEDBACK_CASES, ...VIEW_CASES].filter(([name]) => only.size === 0 || only.has(name))) {
    logged.length = 0;
    try {
      report(name, true, await run(ctx));
    } catch (error) {
      const shot = await ctx.screenshot(`${name}-failed`).catch(() => "none");
      report(name, false, `${error?.message ?? error}; screenshot ${shot}; console: ${logged.slice(-5).join(" | ")}`);
    }
  }
} finally {
  await browser.close();
  gate.close();
}
process.exit(0);
