// The browser side of the test: builds InferenceQueryService's descriptors from the descriptor set
// build.mjs embedded, calls the service with connect-web's gRPC-Web transport (binary format, the
// browser's fetch) at the URL in ?service=, runs the cases in cases.js one by one, and shows each
// result in the table and in window.__results, where the driver (run.mjs) reads them.
import { createClient } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { createFileRegistry, fromBinary } from "@bufbuild/protobuf";
import { FileDescriptorSetSchema } from "@bufbuild/protobuf/wkt";
import { CASES, CaseFailure } from "./cases.js";

// A case that takes longer is reported as failed, so one hung call cannot hide the others.
const CASE_TIME_LIMIT_MS = 30_000;

function loadRegistry() {
  /* global __DESCRIPTOR_SET__ */
  const bytes = Uint8Array.from(atob(__DESCRIPTOR_SET__), (c) => c.charCodeAt(0));
  return createFileRegistry(fromBinary(FileDescriptorSetSchema, bytes));
}

function show(name, ok, detail) {
  const row = document.createElement("tr");
  for (const [text, css] of [[name, ""], [ok ? "ok" : "FAILED", ok ? "ok" : "failed"], [detail, ""]]) {
    const cell = document.createElement("td");
    cell.textContent = text;
    if (css) cell.className = css;
    row.append(cell);
  }
  document.getElementById("results").append(row);
}

async function runCase(fn, ctx) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new CaseFailure(`case did not finish within ${CASE_TIME_LIMIT_MS / 1000} s`)), CASE_TIME_LIMIT_MS);
  });
  try {
    return { ok: true, detail: await Promise.race([fn(ctx), limit]) };
  } catch (error) {
    const detail = error instanceof CaseFailure ? error.message : `unexpected ${error?.name ?? "error"}: ${error?.message ?? error}`;
    return { ok: false, detail };
  } finally {
    clearTimeout(timer);
  }
}

async function main() {
  const params = new URLSearchParams(location.search);
  const service = params.get("service");
  if (!service) throw new Error("the page needs ?service=http://host:port (the service's HTTP/1.1 address)");
  const only = new Set((params.get("only") ?? "").split(",").filter(Boolean));
  const cases = CASES.filter(([name]) => only.size === 0 || only.has(name));
  window.__caseNames = cases.map(([name]) => name);
  document.getElementById("service").textContent = `service: ${service} (page origin: ${location.origin})`;

  const registry = loadRegistry();
  const transport = createGrpcWebTransport({ baseUrl: service, useBinaryFormat: true });
  const ctx = {
    registry,
    client: createClient(registry.getService("inference.v1.InferenceQueryService"), transport),
  };
  let failed = 0;
  for (const [name, fn] of cases) {
    const { ok, detail } = await runCase(fn, ctx);
    failed += ok ? 0 : 1;
    window.__results.push({ case: name, ok, detail });
    show(name, ok, detail);
  }
  document.getElementById("status").textContent = `${cases.length - failed} passed, ${failed} failed`;
}

window.__results = [];
main()
  .catch((error) => {
    window.__fatal = String(error?.stack ?? error);
    document.getElementById("status").textContent = `page error: ${window.__fatal}`;
  })
  .finally(() => {
    window.__done = true;
  });
