// The protos the "connect" peers (connect_client.mjs) call with, with no code generation: the
// pinned buf CLI compiles --protos to a descriptor set at start, and @bufbuild/protobuf's
// registry turns it into service and message descriptors.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { create, createFileRegistry, fromBinary } from "@bufbuild/protobuf";
import { FileDescriptorProtoSchema, FileDescriptorSetSchema, file_google_protobuf_empty } from "@bufbuild/protobuf/wkt";
import { ECHO_SERVICE } from "./common.mjs";

// The files compiled from --protos (their imports come along), so unrelated protos do not matter.
const PROTO_FILES = [
  "conformance/v1/echo_service.proto",
  "google/rpc/status.proto",
  "google/rpc/error_details.proto",
  "grpc/health/v1/health.proto",
  "grpc/reflection/v1/reflection.proto",
  "grpc/reflection/v1alpha/reflection.proto",
];

/** Compiles the protos with the pinned buf CLI and returns a registry of every type in them. */
function loadRegistry(protosDir) {
  // The platform package of the buf CLI, not the @bufbuild/buf wrapper: the wrapper lists every
  // platform's package, and the npm registry this project reaches serves only the Linux ones.
  const platform = { x64: "x64", arm64: "aarch64" }[process.arch];
  const buf = fileURLToPath(new URL(`../node_modules/@bufbuild/buf-linux-${platform}/bin/buf`, import.meta.url));
  const dir = mkdtempSync(path.join(tmpdir(), "connect-peer-"));
  try {
    const out = path.join(dir, "set.binpb");
    // An explicit minimal config: the directory alone is the module, whatever buf.yaml is around it.
    const paths = PROTO_FILES.flatMap((file) => ["--path", path.join(protosDir, file)]);
    execFileSync(buf, ["build", protosDir, "--config", '{"version":"v2"}', ...paths, "--as-file-descriptor-set", "-o", out],
      { stdio: ["ignore", "ignore", "inherit"] });
    return createFileRegistry(fromBinary(FileDescriptorSetSchema, readFileSync(out)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What the cases use from the protos; fails at start if the services they need are missing. */
export function loadProtos(protosDir) {
  const registry = loadRegistry(protosDir);
  const service = (name) => {
    const desc = registry.getService(name);
    if (!desc) throw new Error(`${name} is not in ${protosDir}`);
    return desc;
  };
  const enumName = (type, number) => registry.getEnum(type).values.find((v) => v.number === number)?.name;
  return {
    service,
    EchoService: service(ECHO_SERVICE),
    Health: service("grpc.health.v1.Health"),
    BadRequestSchema: registry.getMessage("google.rpc.BadRequest"),
    StatusSchema: registry.getMessage("google.rpc.Status"),
    outcomeName: (number) => enumName("conformance.v1.GetCallReportResponse.Outcome", number),
    servingName: (number) => enumName("grpc.health.v1.HealthCheckResponse.ServingStatus", number),
  };
}

/**
 * A service EchoService lacks (/conformance.v1.EchoService/Nope) and one no one serves
 * (/nope.v1.Nope/X), described by hand so connect can call them.
 */
export function unknownMethods() {
  const file = (name, pkg, serviceName, method) => createFileRegistry(create(FileDescriptorProtoSchema, {
    name, package: pkg, syntax: "proto3", dependency: ["google/protobuf/empty.proto"],
    service: [{ name: serviceName, method: [{ name: method, inputType: ".google.protobuf.Empty", outputType: ".google.protobuf.Empty" }] }],
  }), () => file_google_protobuf_empty);
  return [
    file("nope_a.proto", "conformance.v1", "EchoService", "Nope").getService(ECHO_SERVICE),
    file("nope_b.proto", "nope.v1", "Nope", "X").getService("nope.v1.Nope"),
  ];
}
