// Builds the browser page's script in memory: the pinned buf CLI compiles the protos to a
// descriptor set, and esbuild bundles page/main.js with that set embedded as base64. Nothing is
// written into the tree, so a run can never use a stale bundle or stale protos.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = path.dirname(fileURLToPath(import.meta.url));

// The files the page calls with; buf adds their imports (struct.proto, filter.proto, …) itself.
const PROTO_FILES = ["inference/v1/inference_query_service.proto", "google/rpc/error_details.proto"];

/** The FileDescriptorSet of PROTO_FILES and everything they import, as bytes. */
function descriptorSet(protosDir) {
  // The platform package of buf, as in tests/conformance: the @bufbuild/buf wrapper lists every
  // platform's package, and the npm registry this project reaches serves only the Linux ones.
  const platform = { x64: "x64", arm64: "aarch64" }[process.arch];
  const buf = path.join(here, "node_modules", `@bufbuild/buf-linux-${platform}`, "bin", "buf");
  const dir = mkdtempSync(path.join(tmpdir(), "browser-protos-"));
  try {
    const out = path.join(dir, "set.binpb");
    // An explicit minimal config: the directory alone is the module, whatever buf.yaml is around it.
    const paths = PROTO_FILES.flatMap((file) => ["--path", path.join(protosDir, file)]);
    execFileSync(buf, ["build", protosDir, "--config", '{"version":"v2"}', ...paths, "--as-file-descriptor-set", "-o", out],
      { stdio: ["ignore", "ignore", "inherit"] });
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The page: its static HTML and its bundled script (an IIFE, so a plain <script> loads it). */
export async function buildPage(protosDir) {
  const result = await esbuild.build({
    entryPoints: [path.join(here, "page", "main.js")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "chrome120",
    // Inline source maps keep page errors pointing at page/*.js lines.
    sourcemap: "inline",
    logLevel: "silent",
    define: { __DESCRIPTOR_SET__: JSON.stringify(descriptorSet(protosDir).toString("base64")) },
  });
  return {
    html: readFileSync(path.join(here, "page", "index.html")),
    js: result.outputFiles[0].contents,
  };
}
