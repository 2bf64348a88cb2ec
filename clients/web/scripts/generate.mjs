// Runs `buf generate` (buf.gen.yaml) with the buf binary pinned in package.json. The platform
// package is named directly, as in tools/: the @bufbuild/buf wrapper lists every platform's
// package in the lock file, and `npm ci` fails where only the Linux ones are served.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const platform = { x64: "x64", arm64: "aarch64" }[process.arch];
const buf = path.join(root, "node_modules", "@bufbuild", `buf-linux-${platform}`, "bin", "buf");
execFileSync(buf, ["generate"], { cwd: root, stdio: "inherit" });
