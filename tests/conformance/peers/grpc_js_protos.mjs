// Proto loading shared by the grpc-js client and the grpc-js reference server: service
// definitions through @grpc/proto-loader, and a google.rpc.Status codec through protobufjs
// (grpc-status-details-bin is plain bytes to grpc-js, so each side encodes/decodes it itself).
import path from "node:path";
import grpc from "@grpc/grpc-js";
import protoLoader from "@grpc/proto-loader";
import protobuf from "protobufjs";

const LOADER_OPTIONS = {
  keepCase: true, // field names exactly as in the .proto (call_id, payload_size, ...)
  longs: String, // int64 as decimal strings, so sums beyond 2^53 stay exact
  enums: String,
  defaults: true,
  oneofs: true,
};

/** Loads the given .proto files (relative to protosDir) as a grpc-js package object. */
export function loadGrpcPackage(protosDir, files) {
  const definition = protoLoader.loadSync(files, { ...LOADER_OPTIONS, includeDirs: [protosDir] });
  return grpc.loadPackageDefinition(definition);
}

/** google.rpc.Status with a google.rpc.BadRequest detail, as carried in grpc-status-details-bin. */
export class StatusDetailsCodec {
  static BAD_REQUEST_URL = "type.googleapis.com/google.rpc.BadRequest";

  constructor(protosDir) {
    const root = new protobuf.Root();
    // Imports resolve under --protos; google/protobuf/* are bundled with protobufjs.
    root.resolvePath = (_origin, target) => path.join(protosDir, target);
    root.loadSync(["google/rpc/status.proto", "google/rpc/error_details.proto"], { keepCase: true });
    this.status = root.lookupType("google.rpc.Status");
    this.badRequest = root.lookupType("google.rpc.BadRequest");
  }

  /** Serializes Status{code, message, details: [Any(BadRequest{field, description})]}. */
  encode(code, message, field, description) {
    const badRequest = this.badRequest.encode({ field_violations: [{ field, description }] }).finish();
    const status = { code, message, details: [{ type_url: StatusDetailsCodec.BAD_REQUEST_URL, value: badRequest }] };
    return Buffer.from(this.status.encode(this.status.fromObject(status)).finish());
  }

  /** Parses grpc-status-details-bin; returns {code, message, typeUrl, violations} (violations null when details[0] is no BadRequest). */
  decode(bytes) {
    const status = this.status.decode(bytes);
    const first = status.details[0];
    const violations = first?.type_url === StatusDetailsCodec.BAD_REQUEST_URL
      ? this.badRequest.decode(first.value).field_violations.map((v) => ({ field: v.field, description: v.description }))
      : null;
    return { code: status.code, message: status.message, typeUrl: first?.type_url ?? null, violations };
  }
}
