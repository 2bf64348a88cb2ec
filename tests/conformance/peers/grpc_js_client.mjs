// Conformance peer "grpc-js": @grpc/grpc-js (pure-JS gRPC over node:http2) with @grpc/proto-loader.
// Usage: node peers/grpc_js_client.mjs --grpc H:P --http H:P --tls H:P --ca cert.pem --protos DIR
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import grpc from "@grpc/grpc-js";
import {
  CaseFailure, ECHO_SERVICE, UTF8_MESSAGE, checkStatusDetails, expect, expectEq, parseFlags, patternBytes, poll, runCases,
} from "./common.mjs";
import { StatusDetailsCodec, loadGrpcPackage } from "./grpc_js_protos.mjs";

const PEER = "grpc-js";
const TIMEOUT_MS = 15_000; // per RPC, unless a case says otherwise
const Status = grpc.status;

const flags = parseFlags();
const pkg = loadGrpcPackage(flags.protos, [
  "conformance/v1/echo_service.proto",
  "grpc/health/v1/health.proto",
  "grpc/reflection/v1/reflection.proto",
  "grpc/reflection/v1alpha/reflection.proto",
]);
const statusCodec = new StatusDetailsCodec(flags.protos);
const insecure = grpc.credentials.createInsecure();
const echo = new pkg.conformance.v1.EchoService(flags.grpc, insecure);

const deadline = (ms = TIMEOUT_MS) => ({ deadline: Date.now() + ms });
const statusName = (code) => Object.keys(Status).find((name) => Status[name] === code) ?? String(code);

/** A unary call as a promise of {error, response, headers, trailers}; never rejects. */
function unary(client, method, request, { metadata = new grpc.Metadata(), timeoutMs = TIMEOUT_MS } = {}) {
  return new Promise((resolve) => {
    const result = { headers: null };
    let pending = 2; // the callback and the 'status' event, in whichever order they come
    const settle = () => --pending === 0 && resolve(result);
    const call = client[method](request, metadata, deadline(timeoutMs), (error, response) => {
      Object.assign(result, { error, response });
      settle();
    });
    call.on("metadata", (headers) => (result.headers = headers));
    call.on("status", (status) => {
      result.trailers = status.metadata;
      settle();
    });
  });
}

/** Fails unless the call failed with the given status code; returns the error. */
function expectStatus(what, result, code) {
  if (!result.error) throw new CaseFailure(`${what}: expected ${statusName(code)}, but the call succeeded`);
  expect(result.error.code === code, `${what}: expected ${statusName(code)}, got ${statusName(result.error.code)}: ${JSON.stringify(result.error.details)}`);
  return result.error;
}

function expectOk(what, result) {
  if (result.error) throw new CaseFailure(`${what}: ${statusName(result.error.code)}: ${result.error.details}`);
  return result.response;
}

/** Pull-style reading of a stream: next() resolves to the next message, or null at the end. */
function reader(call) {
  const messages = [];
  const waiters = [];
  let failure = null;
  let ended = false;
  const wake = () => {
    while (waiters.length > 0 && (messages.length > 0 || failure || ended)) {
      const { resolve, reject } = waiters.shift();
      if (messages.length > 0) resolve(messages.shift());
      else if (failure) reject(failure);
      else resolve(null);
    }
  };
  call.on("data", (message) => { messages.push(message); wake(); });
  call.on("error", (error) => { failure = error; wake(); });
  call.on("end", () => { ended = true; wake(); });
  return { next: () => new Promise((resolve, reject) => { waiters.push({ resolve, reject }); wake(); }) };
}

async function callReport(callId) {
  return poll(async () => expectOk("GetCallReport", await unary(echo, "GetCallReport", { call_id: callId })),
    (report) => report.outcome !== "OUTCOME_UNSPECIFIED");
}

async function caseUnary() {
  const payload = Buffer.from(patternBytes(1024));
  const response = expectOk("Echo", await unary(echo, "Echo", { message: "hello", payload }));
  expectEq("message", "hello", response.message);
  expectEq("payload", payload, response.payload);
  return "echoed message and 1024 payload bytes";
}

async function caseServerStream10k() {
  const call = echo.ServerStream({ count: 10000, payload_size: 16 }, deadline(60_000));
  let count = 0;
  try {
    for await (const message of call) {
      expectEq(`index of message ${count}`, count, message.index);
      expectEq(`payload size of message ${count}`, 16, message.payload.length);
      count++;
    }
  } finally {
    call.cancel(); // no-op once the call finished; stops the stream if an assertion threw
  }
  expectEq("message count", 10000, count);
  return "10000 messages, indexes 0..9999 in order";
}

async function caseClientStream() {
  const values = Array.from({ length: 100 }, (_, i) => BigInt(i) * 1_000_000_007n - 50n);
  const result = await new Promise((resolve) => {
    const call = echo.ClientStream(deadline(), (error, response) => resolve({ error, response }));
    for (const value of values) call.write({ value: value.toString() });
    call.end();
  });
  const response = expectOk("ClientStream", result);
  expectEq("sum", values.reduce((a, b) => a + b).toString(), response.sum);
  expectEq("count", 100, response.count);
  return `sum ${response.sum} over 100 messages`;
}

async function caseBidiStream() {
  // Ping-pong: message i+1 goes out only after answer i arrived.
  const call = echo.BidiEcho(deadline());
  const answers = reader(call);
  try {
    for (let i = 0; i < 5; i++) {
      call.write({ message: `ping ${i}` });
      const answer = await answers.next();
      expectEq(`answer ${i}`, { message: `ping ${i}`, index: i }, answer && { message: answer.message, index: answer.index });
    }
    call.end();
    expectEq("message after half-close", null, await answers.next());
  } finally {
    call.cancel();
  }
  return "5 ping-pong round trips, indexes 0..4";
}

async function caseErrorDetailsUtf8() {
  const result = await unary(echo, "Fail", { code: 3, message: UTF8_MESSAGE, field: "filters.and[0]" });
  const error = expectStatus("Fail", result, Status.INVALID_ARGUMENT);
  expectEq("status message", UTF8_MESSAGE, error.details);
  const [details] = error.metadata.get("grpc-status-details-bin");
  expect(details instanceof Buffer, "no grpc-status-details-bin trailer");
  checkStatusDetails(statusCodec.decode(details), 3, UTF8_MESSAGE, "filters.and[0]");
  return "INVALID_ARGUMENT, UTF-8 message intact, Status+BadRequest details decoded";
}

async function caseDeadline() {
  const callId = `grpc-js-deadline-${randomUUID()}`;
  const started = Date.now();
  const result = await unary(echo, "Slow", { delay_ms: 10000, call_id: callId }, { timeoutMs: 300 });
  const elapsed = Date.now() - started;
  expectStatus("Slow(10000 ms) with a 300 ms deadline", result, Status.DEADLINE_EXCEEDED);
  expect(elapsed < 3000, `DEADLINE_EXCEEDED took ${elapsed} ms`);
  const report = await callReport(callId);
  expect(["OUTCOME_CANCELLED", "OUTCOME_DEADLINE_EXCEEDED"].includes(report.outcome),
    `server saw the call end as ${report.outcome}, expected CANCELLED or DEADLINE_EXCEEDED`);
  return `DEADLINE_EXCEEDED after ${elapsed} ms; server recorded ${report.outcome}`;
}

async function caseCancelMidStream() {
  const callId = `grpc-js-cancel-${randomUUID()}`;
  const call = echo.ServerStream({ count: 1_000_000, payload_size: 1024, call_id: callId }, deadline(60_000));
  const messages = reader(call);
  for (let i = 0; i < 10; i++) expectEq(`index of message ${i}`, i, (await messages.next())?.index);
  call.cancel();
  const report = await callReport(callId);
  expectEq("server-side outcome", "OUTCOME_CANCELLED", report.outcome);
  expect(report.messages_sent < 1_000_000, `server sent ${report.messages_sent} messages before it noticed the cancel`);
  return `cancelled after 10; server recorded CANCELLED after ${report.messages_sent} messages`;
}

async function caseGzipRequest() {
  // grpc-js compresses every request message when the channel's default algorithm is gzip (2).
  const client = new pkg.conformance.v1.EchoService(flags.grpc, insecure, { "grpc.default_compression_algorithm": 2 });
  try {
    const payload = Buffer.from("compressible ".repeat(5042));
    const response = expectOk("Echo (gzip)", await unary(client, "Echo", { message: "gzip", payload }));
    expectEq("payload", payload, response.payload);
    return `gzip-compressed request of ${payload.length} bytes echoed intact`;
  } finally {
    client.close();
  }
}

async function caseGzipResponse() {
  // grpc-js advertises gzip and strips grpc-encoding before the application sees the headers,
  // so this proves a compressed response decodes; curl checks the header itself.
  const payload = Buffer.alloc(4096, "z");
  const response = expectOk("Echo", await unary(echo, "Echo", { message: "gzip", payload }));
  expectEq("payload", payload, response.payload);
  return "4 KiB response decoded (grpc-encoding is hidden by grpc-js)";
}

async function caseMetadataRoundtrip() {
  const binary = Buffer.from([0x00, 0xff, 0x10]);
  const metadata = new grpc.Metadata();
  metadata.set("x-echo-text", "abc");
  metadata.set("x-echo-bin", binary);
  const result = await unary(echo, "Echo", { message: "md" }, { metadata });
  expectOk("Echo", result);
  expectEq("header x-echo-text", ["abc"], result.headers?.get("x-echo-text"));
  expectEq("header x-echo-bin", [binary], result.headers?.get("x-echo-bin"));
  expectEq("trailer x-trailer-echo-text", ["abc"], result.trailers.get("x-trailer-echo-text"));
  expectEq("trailer x-trailer-echo-bin", [binary], result.trailers.get("x-trailer-echo-bin"));
  return "text and binary metadata echoed as headers and trailers";
}

async function caseOversizeMessage() {
  const result = await unary(echo, "Echo", { payload: Buffer.alloc(5 * 1024 * 1024) });
  return `RESOURCE_EXHAUSTED: ${expectStatus("Echo with a 5 MiB payload", result, Status.RESOURCE_EXHAUSTED).details}`;
}

async function caseUnknownMethod() {
  const client = new grpc.Client(flags.grpc, insecure);
  try {
    for (const path of [`/${ECHO_SERVICE}/Nope`, "/nope.v1.Nope/X"]) {
      const result = await new Promise((resolve) => {
        client.makeUnaryRequest(path, (b) => b, (b) => b, Buffer.alloc(0), deadline(), (error, response) => resolve({ error, response }));
      });
      expectStatus(path, result, Status.UNIMPLEMENTED);
    }
  } finally {
    client.close();
  }
  return "both paths UNIMPLEMENTED";
}

async function caseHealthCheck() {
  const health = new pkg.grpc.health.v1.Health(flags.grpc, insecure);
  try {
    for (const service of ["", ECHO_SERVICE]) {
      expectEq(`status of '${service}'`, "SERVING", expectOk(`Check('${service}')`, await unary(health, "Check", { service })).status);
    }
    expectStatus("Check('no.such.Service')", await unary(health, "Check", { service: "no.such.Service" }), Status.NOT_FOUND);
  } finally {
    health.close();
  }
  return "'' and EchoService SERVING; unknown service NOT_FOUND";
}

async function caseHealthWatch() {
  const health = new pkg.grpc.health.v1.Health(flags.grpc, insecure);
  const call = health.Watch({ service: "" }, deadline());
  try {
    const first = await reader(call).next();
    expectEq("first status", "SERVING", first?.status);
  } finally {
    call.cancel();
    health.close();
  }
  return "first message SERVING, then cancelled";
}

async function caseReflectionList() {
  const wanted = [ECHO_SERVICE, "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection"];
  const counts = [];
  for (const version of ["v1", "v1alpha"]) {
    const client = new pkg.grpc.reflection[version].ServerReflection(flags.grpc, insecure);
    const call = client.ServerReflectionInfo(deadline());
    try {
      call.write({ list_services: "" });
      const response = await reader(call).next();
      expect(response?.list_services_response, `${version}: no list_services_response in ${JSON.stringify(response)}`);
      const names = response.list_services_response.service.map((s) => s.name);
      const missing = wanted.filter((name) => !names.includes(name));
      expect(missing.length === 0, `${version}: missing ${missing} in ${names}`);
      counts.push(`${version} lists ${names.length} services`);
    } finally {
      call.cancel();
      client.close();
    }
  }
  return counts.join(", ");
}

async function caseTlsUnary() {
  const credentials = grpc.credentials.createSsl(readFileSync(flags.ca));
  const client = new pkg.conformance.v1.EchoService(flags.tls, credentials);
  try {
    const response = expectOk("Echo over TLS", await unary(client, "Echo", { message: "tls", payload: Buffer.from([0, 1]) }));
    expectEq("echo", { message: "tls", payload: [0, 1] }, { message: response.message, payload: Array.from(response.payload) });
  } finally {
    client.close();
  }
  return "Echo over TLS (HTTP/2), server certificate verified against --ca";
}

const CASES = [
  ["unary", caseUnary],
  ["server_stream_10k", caseServerStream10k],
  ["client_stream", caseClientStream],
  ["bidi_stream", caseBidiStream],
  ["error_details_utf8", caseErrorDetailsUtf8],
  ["deadline", caseDeadline],
  ["cancel_mid_stream", caseCancelMidStream],
  ["gzip_request", caseGzipRequest],
  ["gzip_response", caseGzipResponse],
  ["metadata_roundtrip", caseMetadataRoundtrip],
  ["oversize_message", caseOversizeMessage],
  ["unknown_method", caseUnknownMethod],
  ["health_check", caseHealthCheck],
  ["health_watch", caseHealthWatch],
  ["reflection_list", caseReflectionList],
  ["tls_unary", caseTlsUnary],
];

await runCases(PEER, CASES, flags.only);
// Abandoned (timed-out) cases may still hold channels open; do not wait for them.
process.exit(0);
