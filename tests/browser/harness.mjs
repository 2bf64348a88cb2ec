// What the browser drivers share: Debian's Chromium through playwright-core (never a downloaded
// browser; scripts/install-test-deps.sh installs the `chromium` package), where screenshots go,
// and the conformance peers' report line.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// Without the background-networking flags Chromium keeps dialling Google's hosts, which this
// machine's closed network refuses. Playwright gives every launch a fresh temporary profile
// (it refuses --user-data-dir in args), so no state carries over between runs.
const CHROMIUM_FLAGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
];

export const launchChromium = () => chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS, timeout: 60_000 });

/** Saves a screenshot as artifacts/browser/NAME.png; returns its path from the repository root. */
export async function saveScreenshot(page, name, { fullPage = true } = {}) {
  const relative = path.join("artifacts", "browser", `${name}.png`);
  mkdirSync(path.join(root, path.dirname(relative)), { recursive: true });
  await page.screenshot({ path: path.join(root, relative), fullPage });
  return relative;
}

/** A reporter printing one JSON line per case, {"peer","case","ok","detail"}, as the conformance peers do. */
export const caseReporter = (peer) => (name, ok, detail) =>
  process.stdout.write(JSON.stringify({ peer, case: name, ok, detail }) + "\n");
