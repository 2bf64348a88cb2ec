// A reference conformance.v1.EchoService written with @grpc/grpc-js, so our C# client (and the
// peer clients) can be checked against a gRPC server that we did not write the wire layer of.
//
// Usage: node peers/grpc_js_server.mjs --protos DIR
// Listens on 127.0.0.1 on a free port and prints "LISTENING <port>" once bound. Exits when its
// standard input closes (so keep it open, e.g. a pipe from the parent) or on SIGTERM/SIGINT.
import { parseArgs } from "node:util";
import grpc from "@grpc/grpc-js";
import { StatusDetailsCodec, loadGrpcPackage } from "./grpc_js_protos.mjs";

const { values: flags } = parseArgs({ options: { protos: { type: "string" } } });
if (!flags.protos) throw new Error("--protos is required");

const pkg = loadGrpcPackage(flags.protos, ["conformance/v1/echo_service.proto"]);
const statusCodec = new StatusDetailsCodec(flags.protos);
const ECHO_PREFIX = "x-echo-";

/** call_id -> {outcome, messages_sent}: how calls that carried an id ended (see GetCallReport). */
const reports = new Map();

function record(callId, outcome, messagesSent) {
  if (callId) reports.set(callId, { outcome, messages_sent: messagesSent });
}

// Node's timers and Date.now() may disagree by a millisecond or so.
const CLOCK_SLACK_MS = 5;

/**
 * Watches a call for an early end. stopped resolves with OUTCOME_DEADLINE_EXCEEDED when the call's
 * deadline passes, or OUTCOME_CANCELLED when the client goes away before it. grpc-js ends a call
 * whose deadline passed with DEADLINE_EXCEEDED by itself and then reports it to the handler as
 * 'cancelled', so a cancel at the deadline counts as the deadline; our own timer covers the rest.
 */
function watchCall(call) {
  const watch = { outcome: null };
  const deadline = call.getDeadline();
  const deadlineMs = deadline instanceof Date ? deadline.getTime() : deadline;
  const hasDeadline = Number.isFinite(deadlineMs);
  let timer;
  watch.stopped = new Promise((resolve) => {
    const stop = (outcome) => {
      if (watch.outcome) return;
      watch.outcome = outcome;
      clearTimeout(timer);
      resolve(outcome);
    };
    call.on("cancelled", () => {
      const deadlinePassed = hasDeadline && Date.now() >= deadlineMs - CLOCK_SLACK_MS;
      stop(deadlinePassed ? "OUTCOME_DEADLINE_EXCEEDED" : "OUTCOME_CANCELLED");
    });
    if (hasDeadline) timer = setTimeout(() => stop("OUTCOME_DEADLINE_EXCEEDED"), Math.max(0, deadlineMs - Date.now()));
  });
  watch.dispose = () => clearTimeout(timer);
  return watch;
}

const OUTCOME_STATUS = {
  OUTCOME_CANCELLED: grpc.status.CANCELLED,
  OUTCOME_DEADLINE_EXCEEDED: grpc.status.DEADLINE_EXCEEDED,
};

const handlers = {
  // Request headers x-echo-* come back as response headers and as trailers x-trailer-echo-*.
  Echo(call, callback) {
    const headers = new grpc.Metadata();
    const trailers = new grpc.Metadata();
    for (const [key, values] of Object.entries(call.metadata.toJSON())) {
      if (!key.startsWith(ECHO_PREFIX)) continue;
      for (const value of values) {
        headers.add(key, value);
        trailers.add(`x-trailer-${key.slice(2)}`, value);
      }
    }
    call.sendMetadata(headers);
    callback(null, { message: call.request.message, payload: call.request.payload }, trailers);
  },

  async ServerStream(call) {
    const { count, payload_size: payloadSize, fail_after: failAfter, call_id: callId } = call.request;
    const payload = Buffer.alloc(Math.max(0, payloadSize));
    const watch = watchCall(call);
    let sent = 0;
    for (; sent < count && !watch.outcome; sent++) {
      if (failAfter > 0 && sent === failAfter) {
        watch.dispose();
        call.emit("error", { code: grpc.status.INTERNAL, details: `Failed after ${sent} messages, as asked.` });
        return;
      }
      // Honour flow control: wait for the stream to drain (or the call to end) before going on.
      if (!call.write({ index: sent, payload })) {
        await Promise.race([new Promise((resolve) => call.once("drain", resolve)), watch.stopped]);
      }
    }
    watch.dispose();
    if (watch.outcome) {
      record(callId, watch.outcome, sent);
      return;
    }
    record(callId, "OUTCOME_COMPLETED", sent);
    call.end();
  },

  ClientStream(call, callback) {
    let sum = 0n;
    let count = 0;
    call.on("data", (request) => {
      sum += BigInt(request.value);
      count++;
    });
    call.on("end", () => callback(null, { sum: sum.toString(), count }));
  },

  BidiEcho(call) {
    let index = 0;
    call.on("data", (request) => call.write({ message: request.message, index: index++ }));
    call.on("end", () => call.end());
  },

  Fail(call, callback) {
    const { code: requested, message, field } = call.request;
    const code = requested > 0 && requested <= 16 ? requested : grpc.status.UNKNOWN;
    const metadata = new grpc.Metadata();
    metadata.set("grpc-status-details-bin", statusCodec.encode(code, message, field, message));
    callback({ code, details: message, metadata });
  },

  async Slow(call, callback) {
    const { delay_ms: delayMs, call_id: callId } = call.request;
    const started = Date.now();
    const watch = watchCall(call);
    let delayTimer;
    await Promise.race([new Promise((resolve) => (delayTimer = setTimeout(resolve, delayMs))), watch.stopped]);
    clearTimeout(delayTimer);
    watch.dispose();
    if (watch.outcome) {
      record(callId, watch.outcome, 0);
      // grpc-js has already ended the call; this status only matters if it had not.
      callback({ code: OUTCOME_STATUS[watch.outcome], details: "Slow stopped early" });
      return;
    }
    record(callId, "OUTCOME_COMPLETED", 0);
    callback(null, { waited_ms: Date.now() - started });
  },

  GetCallReport(call, callback) {
    callback(null, reports.get(call.request.call_id) ?? { outcome: "OUTCOME_UNSPECIFIED", messages_sent: 0 });
  },
};

const server = new grpc.Server();
server.addService(pkg.conformance.v1.EchoService.service, handlers);
server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, port) => {
  if (error) throw error;
  process.stdout.write(`LISTENING ${port}\n`);
});

function shutdown() {
  server.forceShutdown();
  process.exit(0);
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
process.stdin.on("end", shutdown);
process.stdin.on("close", shutdown);
process.stdin.resume();
