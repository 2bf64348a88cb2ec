// The cases of the "connect" peers (connect_client.mjs). Each takes a peer: { name, kind
// ("grpc" or "grpc-web"), transport, transportFor(options), echo and health clients, protos
// (connect_protos.mjs), tls (host:port) and ca (PEM file) }.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { Code, ConnectError, createClient, decodeBinaryHeader, encodeBinaryHeader } from "@connectrpc/connect";
import { compressionGzip, createGrpcTransport, createGrpcWebTransport } from "@connectrpc/connect-node";
import {
  CaseFailure, ECHO_SERVICE, UTF8_MESSAGE, checkStatusDetails, expect, expectEq, patternBytes, poll,
} from "./common.mjs";
import { unknownMethods } from "./connect_protos.mjs";

const TIMEOUT_MS = 15_000; // per RPC, unless a case says otherwise

/** Runs fn, which must fail with the given code; returns the ConnectError. */
async function expectCode(what, fn, code) {
  let result;
  try {
    result = await fn();
  } catch (error) {
    const connectError = ConnectError.from(error);
    expect(connectError.code === code, `${what}: expected ${Code[code]}, got ${Code[connectError.code]}: ${JSON.stringify(connectError.rawMessage)}`);
    return connectError;
  }
  throw new CaseFailure(`${what}: expected ${Code[code]}, but the call succeeded with ${JSON.stringify(result)}`);
}

/** Polls GetCallReport until the server has recorded how the call ended. */
async function callReport(peer, callId) {
  return poll(() => peer.echo.getCallReport({ callId }, { timeoutMs: TIMEOUT_MS }), (report) => report.outcome !== 0);
}

async function caseUnary(peer) {
  const payload = patternBytes(1024);
  const response = await peer.echo.echo({ message: "hello", payload }, { timeoutMs: TIMEOUT_MS });
  expectEq("message", "hello", response.message);
  expectEq("payload", payload, response.payload);
  return "echoed message and 1024 payload bytes";
}

async function caseServerStream10k(peer) {
  let count = 0;
  for await (const message of peer.echo.serverStream({ count: 10000, payloadSize: 16 }, { timeoutMs: 60_000 })) {
    expectEq(`index of message ${count}`, count, message.index);
    expectEq(`payload size of message ${count}`, 16, message.payload.length);
    count++;
  }
  expectEq("message count", 10000, count);
  return "10000 messages, indexes 0..9999 in order";
}

async function caseClientStream(peer) {
  const values = Array.from({ length: 100 }, (_, i) => BigInt(i) * 1_000_000_007n - 50n);
  async function* requests() {
    for (const value of values) yield { value };
  }
  const response = await peer.echo.clientStream(requests(), { timeoutMs: TIMEOUT_MS });
  expectEq("sum", values.reduce((a, b) => a + b), response.sum);
  expectEq("count", 100, response.count);
  return `sum ${response.sum} over 100 messages`;
}

async function caseBidiStream(peer) {
  // Ping-pong: the request generator yields message i+1 only after answer i arrived.
  let answered = Promise.resolve();
  let markAnswered;
  async function* requests() {
    for (let i = 0; i < 5; i++) {
      await answered;
      answered = new Promise((resolve) => (markAnswered = resolve));
      yield { message: `ping ${i}` };
    }
  }
  let count = 0;
  for await (const answer of peer.echo.bidiEcho(requests(), { timeoutMs: TIMEOUT_MS })) {
    expectEq(`answer ${count}`, { message: `ping ${count}`, index: count }, { message: answer.message, index: answer.index });
    count++;
    markAnswered();
  }
  expectEq("answers", 5, count);
  return "5 ping-pong round trips, indexes 0..4";
}

/** Fail(3, UTF-8 message): connect's view (code, message from the Status, BadRequest detail) and the raw trailers. */
async function checkFail(peer) {
  const error = await expectCode("Fail", () => peer.echo.fail({ code: 3, message: UTF8_MESSAGE, field: "filters.and[0]" }, { timeoutMs: TIMEOUT_MS }), Code.InvalidArgument);
  expectEq("rawMessage", UTF8_MESSAGE, error.rawMessage);
  const grpcMessage = error.metadata.get("grpc-message");
  expectEq("percent-decoded grpc-message trailer", UTF8_MESSAGE, grpcMessage === null ? null : decodeURIComponent(grpcMessage));
  const details = error.metadata.get("grpc-status-details-bin");
  expect(details !== null, "no grpc-status-details-bin trailer");
  const status = decodeBinaryHeader(details, peer.protos.StatusSchema);
  const badRequests = error.findDetails(peer.protos.BadRequestSchema);
  const violations = badRequests.length === 1 ? badRequests[0].fieldViolations.map((v) => ({ field: v.field, description: v.description })) : null;
  checkStatusDetails({ code: status.code, message: status.message, typeUrl: status.details[0]?.typeUrl, violations }, 3, UTF8_MESSAGE, "filters.and[0]");
}

async function caseErrorDetailsUtf8(peer) {
  await checkFail(peer);
  return "InvalidArgument, UTF-8 message intact (Status and grpc-message), BadRequest detail found";
}

async function caseDeadline(peer) {
  const callId = `${peer.name}-deadline-${randomUUID()}`;
  const started = Date.now();
  await expectCode("Slow(10000 ms) with a 300 ms deadline", () => peer.echo.slow({ delayMs: 10000, callId }, { timeoutMs: 300 }), Code.DeadlineExceeded);
  const elapsed = Date.now() - started;
  expect(elapsed < 3000, `DeadlineExceeded took ${elapsed} ms`);
  const outcome = peer.protos.outcomeName((await callReport(peer, callId)).outcome);
  expect(["OUTCOME_CANCELLED", "OUTCOME_DEADLINE_EXCEEDED"].includes(outcome), `server saw the call end as ${outcome}, expected CANCELLED or DEADLINE_EXCEEDED`);
  return `DeadlineExceeded after ${elapsed} ms; server recorded ${outcome}`;
}

async function caseCancelMidStream(peer) {
  const callId = `${peer.name}-cancel-${randomUUID()}`;
  const abort = new AbortController();
  let received = 0;
  // Aborting cancels the call; messages connect had already buffered are not read.
  for await (const message of peer.echo.serverStream({ count: 1_000_000, payloadSize: 1024, callId }, { signal: abort.signal, timeoutMs: 60_000 })) {
    expectEq(`index of message ${received}`, received, message.index);
    if (++received === 10) {
      abort.abort();
      break;
    }
  }
  expectEq("messages read before the abort", 10, received);
  const report = await callReport(peer, callId);
  expectEq("server-side outcome", "OUTCOME_CANCELLED", peer.protos.outcomeName(report.outcome));
  expect(report.messagesSent < 1_000_000, `server sent ${report.messagesSent} messages before it noticed the cancel`);
  return `cancelled after 10; server recorded CANCELLED after ${report.messagesSent} messages`;
}

async function caseGzipRequest(peer) {
  const echo = createClient(peer.protos.EchoService, peer.transportFor({ sendCompression: compressionGzip }));
  const payload = new TextEncoder().encode("compressible ".repeat(5042));
  const response = await echo.echo({ message: "gzip", payload }, { timeoutMs: TIMEOUT_MS });
  expectEq("payload", payload, response.payload);
  return `gzip-compressed request of ${payload.length} bytes echoed intact`;
}

async function caseGzipResponse(peer) {
  // connect-node advertises gzip by default and shows the raw response headers. Our server
  // compresses only application/grpc responses, so over gRPC-Web an identity response is fine.
  let headers;
  const payload = new Uint8Array(4096).fill(0x7a);
  const response = await peer.echo.echo({ message: "gzip", payload }, { timeoutMs: TIMEOUT_MS, onHeader: (h) => (headers = h) });
  expectEq("payload", payload, response.payload);
  const encoding = headers?.get("grpc-encoding") ?? null;
  if (peer.kind === "grpc") expectEq("grpc-encoding response header", "gzip", encoding);
  else expect(encoding === null || encoding === "gzip", `unexpected grpc-encoding ${encoding}`);
  return `4 KiB response decoded; grpc-encoding: ${encoding ?? "(none: sent uncompressed)"}`;
}

async function caseMetadataRoundtrip(peer) {
  const binary = new Uint8Array([0x00, 0xff, 0x10]);
  let headers;
  let trailers;
  await peer.echo.echo({ message: "md" }, {
    timeoutMs: TIMEOUT_MS,
    headers: { "x-echo-text": "abc", "x-echo-bin": encodeBinaryHeader(binary) },
    onHeader: (h) => (headers = h),
    onTrailer: (t) => (trailers = t),
  });
  const binaryOf = (map, key) => (map?.get(key) == null ? null : decodeBinaryHeader(map.get(key)));
  expectEq("header x-echo-text", "abc", headers?.get("x-echo-text"));
  expectEq("header x-echo-bin", binary, binaryOf(headers, "x-echo-bin"));
  expectEq("trailer x-trailer-echo-text", "abc", trailers?.get("x-trailer-echo-text"));
  expectEq("trailer x-trailer-echo-bin", binary, binaryOf(trailers, "x-trailer-echo-bin"));
  return "text and binary metadata echoed as headers and trailers";
}

async function caseOversizeMessage(peer) {
  const error = await expectCode("Echo with a 5 MiB payload", () => peer.echo.echo({ payload: new Uint8Array(5 * 1024 * 1024) }, { timeoutMs: TIMEOUT_MS }), Code.ResourceExhausted);
  // The server rejected the message without reading it all. Its connection must stay usable, or
  // be closed in a way the client can tell (HTTP/1.1: "Connection: close"), so the next call on
  // the same transport (same HTTP/2 session, or HTTP/1.1 keep-alive pool) must work.
  try {
    await peer.echo.echo({ message: "after" }, { timeoutMs: TIMEOUT_MS });
  } catch (followUp) {
    throw new CaseFailure(`got ResourceExhausted, but the next Echo on the same transport failed: ${ConnectError.from(followUp).message}`);
  }
  return `ResourceExhausted, and the transport still works: ${error.rawMessage}`;
}

async function caseUnknownMethod(peer) {
  const [echoNope, nope] = unknownMethods();
  await expectCode(`/${ECHO_SERVICE}/Nope`, () => createClient(echoNope, peer.transport).nope({}, { timeoutMs: TIMEOUT_MS }), Code.Unimplemented);
  await expectCode("/nope.v1.Nope/X", () => createClient(nope, peer.transport).x({}, { timeoutMs: TIMEOUT_MS }), Code.Unimplemented);
  return "both paths Unimplemented";
}

async function caseHealthCheck(peer) {
  for (const name of ["", ECHO_SERVICE]) {
    expectEq(`status of '${name}'`, "SERVING", peer.protos.servingName((await peer.health.check({ service: name }, { timeoutMs: TIMEOUT_MS })).status));
  }
  await expectCode("Check('no.such.Service')", () => peer.health.check({ service: "no.such.Service" }, { timeoutMs: TIMEOUT_MS }), Code.NotFound);
  return "'' and EchoService SERVING; unknown service NotFound";
}

async function caseHealthWatch(peer) {
  const abort = new AbortController();
  const stream = peer.health.watch({ service: "" }, { signal: abort.signal, timeoutMs: TIMEOUT_MS });
  try {
    const first = await stream[Symbol.asyncIterator]().next();
    expectEq("first status", "SERVING", first.done ? "(stream ended)" : peer.protos.servingName(first.value.status));
  } finally {
    abort.abort();
  }
  return "first message SERVING, then cancelled";
}

async function caseReflectionList(peer) {
  const wanted = [ECHO_SERVICE, "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection"];
  const counts = [];
  for (const version of ["v1", "v1alpha"]) {
    const reflection = createClient(peer.protos.service(`grpc.reflection.${version}.ServerReflection`), peer.transport);
    async function* requests() {
      yield { messageRequest: { case: "listServices", value: "" } };
    }
    let names = null;
    for await (const response of reflection.serverReflectionInfo(requests(), { timeoutMs: TIMEOUT_MS })) {
      expectEq(`${version} response kind`, "listServicesResponse", response.messageResponse.case);
      names = response.messageResponse.value.service.map((s) => s.name);
    }
    expect(names !== null, `${version}: no response`);
    const missing = wanted.filter((name) => !names.includes(name));
    expect(missing.length === 0, `${version}: missing ${missing} in ${names}`);
    counts.push(`${version} lists ${names.length} services`);
  }
  return counts.join(", ");
}

async function caseTlsUnary(peer) {
  // The TLS port negotiates HTTP/2 (gRPC) or HTTP/1.1 (gRPC-Web) by ALPN.
  const options = { baseUrl: `https://${peer.tls}`, nodeOptions: { ca: readFileSync(peer.ca) } };
  const transport = peer.kind === "grpc" ? createGrpcTransport({ ...options, httpVersion: "2" }) : createGrpcWebTransport({ ...options, httpVersion: "1.1" });
  const response = await createClient(peer.protos.EchoService, transport).echo({ message: "tls", payload: new Uint8Array([0, 1]) }, { timeoutMs: TIMEOUT_MS });
  expectEq("echo", { message: "tls", payload: [0, 1] }, { message: response.message, payload: Array.from(response.payload) });
  return `Echo over TLS (${peer.kind === "grpc" ? "HTTP/2" : "HTTP/1.1"}), server certificate verified against --ca`;
}

async function caseGrpcWebBinary(peer) {
  let contentType;
  const response = await peer.echo.echo({ message: "web", payload: new Uint8Array([0, 0xff]) }, { timeoutMs: TIMEOUT_MS, onHeader: (h) => (contentType = h.get("content-type")) });
  expectEq("unary echo", { message: "web", payload: [0, 0xff] }, { message: response.message, payload: Array.from(response.payload) });
  expect(contentType?.startsWith("application/grpc-web"), `response content-type ${contentType}`);
  const indexes = [];
  for await (const message of peer.echo.serverStream({ count: 3, payloadSize: 5 }, { timeoutMs: TIMEOUT_MS })) indexes.push(message.index);
  expectEq("server-stream indexes", [0, 1, 2], indexes);
  return `unary and a 3-message server stream over gRPC-Web on HTTP/1.1 (${contentType})`;
}

async function caseGrpcWebError(peer) {
  await checkFail(peer);
  return "InvalidArgument from the trailer frame, UTF-8 message intact, BadRequest detail found";
}


const BOTH = ["grpc", "grpc-web"];
export const CASES = [
  ["unary", caseUnary, BOTH],
  ["server_stream_10k", caseServerStream10k, BOTH],
  ["client_stream", caseClientStream, ["grpc"]],
  ["bidi_stream", caseBidiStream, ["grpc"]],
  ["error_details_utf8", caseErrorDetailsUtf8, ["grpc"]],
  ["deadline", caseDeadline, BOTH],
  ["cancel_mid_stream", caseCancelMidStream, BOTH],
  ["gzip_request", caseGzipRequest, BOTH],
  ["gzip_response", caseGzipResponse, BOTH],
  ["metadata_roundtrip", caseMetadataRoundtrip, BOTH],
  ["oversize_message", caseOversizeMessage, BOTH],
  ["unknown_method", caseUnknownMethod, BOTH],
  ["health_check", caseHealthCheck, BOTH],
  ["health_watch", caseHealthWatch, BOTH],
  ["reflection_list", caseReflectionList, ["grpc"]],
  ["tls_unary", caseTlsUnary, BOTH],
  ["grpc_web_binary", caseGrpcWebBinary, ["grpc-web"]],
  ["grpc_web_error", caseGrpcWebError, ["grpc-web"]],
];

