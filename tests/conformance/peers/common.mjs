// Shared plumbing of the Node peers (grpc_js_client.mjs, connect_client.mjs): flags, assertions,
// and a runner that runs a table of cases, each bounded in time, printing one JSON line per case.
import { inspect, isDeepStrictEqual, parseArgs } from "node:util";

// A case that takes longer than this is reported as failed and abandoned.
const CASE_TIME_LIMIT_MS = 60_000;

export const UTF8_MESSAGE = "héllo ✓ wörld";
export const ECHO_SERVICE = "conformance.v1.EchoService";

export class CaseFailure extends Error {}

export function expect(condition, detail) {
  if (!condition) throw new CaseFailure(detail);
}

export function expectEq(what, expected, got) {
  if (!isDeepStrictEqual(normalize(expected), normalize(got))) {
    throw new CaseFailure(`${what}: expected ${show(expected)}, got ${show(got)}`);
  }
}

// Buffers and Uint8Arrays compare (and print) as plain byte arrays; BigInts print as text.
function normalize(value) {
  return value instanceof Uint8Array ? Array.from(value) : value;
}

function show(value) {
  if (value instanceof Uint8Array) {
    const hex = Buffer.from(value).toString("hex");
    return `<${value.length} bytes ${hex.length > 32 ? hex.slice(0, 32) + "…" : hex}>`;
  }
  return inspect(value, { depth: 3, breakLength: Infinity });
}

/** The command-line flags every peer takes; all but --only are required. */
export function parseFlags() {
  const { values } = parseArgs({
    options: {
      grpc: { type: "string" },
      http: { type: "string" },
      tls: { type: "string" },
      ca: { type: "string" },
      protos: { type: "string" },
      only: { type: "string", default: "" },
    },
  });
  for (const flag of ["grpc", "http", "tls", "ca", "protos"]) {
    if (!values[flag]) throw new Error(`--${flag} is required`);
  }
  return values;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Calls fetch() until done(result) or the timeout; returns the last result. */
export async function poll(fetch, done, timeoutMs = 5000, intervalMs = 50) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const result = await fetch();
    if (done(result) || Date.now() >= end) return result;
    await sleep(intervalMs);
  }
}

/** A pseudo-random but fixed byte pattern, so payload checks catch reordering and truncation. */
export function patternBytes(length) {
  return Uint8Array.from({ length }, (_, i) => (i * 31 + (i >> 8)) & 0xff);
}

/**
 * Runs [name, fn] cases in order. fn returns a detail string or throws; a CaseFailure's message
 * is the detail, any other error is reported as unexpected.
 */
export async function runCases(peer, cases, only) {
  const wanted = new Set(only.split(",").filter(Boolean));
  for (const [name, fn] of cases) {
    if (wanted.size > 0 && !wanted.has(name)) continue;
    let timer;
    const limit = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new CaseFailure(`case did not finish within ${CASE_TIME_LIMIT_MS / 1000} s`)), CASE_TIME_LIMIT_MS);
    });
    let ok;
    let detail;
    try {
      detail = await Promise.race([fn(), limit]);
      ok = true;
    } catch (error) {
      ok = false;
      detail = error instanceof CaseFailure ? error.message : `unexpected ${error?.name ?? "error"}: ${error?.message ?? error}`;
    } finally {
      clearTimeout(timer);
    }
    process.stdout.write(JSON.stringify({ peer, case: name, ok, detail }) + "\n");
  }
}

/**
 * Asserts a decoded grpc-status-details-bin ({code, message, violations}) is the google.rpc.Status
 * that Fail(code, message, field) must produce: one BadRequest violation for field, described by message.
 */
export function checkStatusDetails(decoded, code, message, field) {
  expectEq("Status.code", code, decoded.code);
  expectEq("Status.message", message, decoded.message);
  expect(decoded.violations !== null, `details[0] is ${decoded.typeUrl}, not a google.rpc.BadRequest`);
  expectEq("BadRequest.field_violations", [{ field, description: message }], decoded.violations);
}
