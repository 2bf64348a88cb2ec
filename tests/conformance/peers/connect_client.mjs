// Conformance peers "connect-grpc" and "connect-grpc-web": @connectrpc/connect-node, once with its
// gRPC transport (HTTP/2 cleartext, against --grpc) and once with its gRPC-Web transport
// (HTTP/1.1, against --http). No code generation: `buf build` compiles --protos to a descriptor
// set at start, and @bufbuild/protobuf's registry turns it into the service descriptors.
// Usage: node peers/connect_client.mjs --grpc H:P --http H:P --tls H:P --ca cert.pem --protos DIR
// The cases are in connect_cases.mjs, the loading of the protos in connect_protos.mjs.
import { createClient } from "@connectrpc/connect";
import { createGrpcTransport, createGrpcWebTransport } from "@connectrpc/connect-node";
import { parseFlags, runCases } from "./common.mjs";
import { CASES } from "./connect_cases.mjs";
import { loadProtos } from "./connect_protos.mjs";

const flags = parseFlags();
const protos = loadProtos(flags.protos);

/** A peer: one connect transport, the clients built on it, and what the cases need besides. */
function makePeer(name, kind, transportFor) {
  const transport = transportFor({});
  return {
    name, kind, transportFor,
    echo: createClient(protos.EchoService, transport),
    health: createClient(protos.Health, transport),
    transport,
    protos,
    tls: flags.tls,
    ca: flags.ca,
  };
}

const peers = [
  makePeer("connect-grpc", "grpc", (options) => createGrpcTransport({ baseUrl: `http://${flags.grpc}`, httpVersion: "2", ...options })),
  makePeer("connect-grpc-web", "grpc-web", (options) => createGrpcWebTransport({ baseUrl: `http://${flags.http}`, httpVersion: "1.1", ...options })),
];

for (const peer of peers) {
  const cases = CASES.filter(([, , kinds]) => kinds.includes(peer.kind)).map(([name, fn]) => [name, () => fn(peer)]);
  await runCases(peer.name, cases, flags.only);
}
// Abandoned (timed-out) cases may still hold connections open; do not wait for them.
process.exit(0);
