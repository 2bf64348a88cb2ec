#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine, and nothing when it is already there:
# the reference gRPC peers (Debian's grpcio, curl, h2load), Debian's Chromium for the browser test
# (never a browser download: playwright-core drives /usr/bin/chromium) and the npm tools (buf,
# grpc-js, connect, connect-web, the Cosmos DB test server, and the web explorer's build: the
# browser tests build it). Safe to run again; CI runs it through `make test`.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/apt-ensure python3-grpcio python3-grpc-tools python3-protobuf curl nghttp2-client chromium

# npm ci is fast and exact when the lock file has not changed; skip it when node_modules matches.
for dir in tools tests/conformance tests/cosmos tests/browser clients/web; do
  [ -f "$dir/package-lock.json" ] || continue
  stamp="$dir/node_modules/.package-lock.json"
  if [ ! -f "$stamp" ] || [ "$dir/package-lock.json" -nt "$stamp" ]; then
    echo "npm ci in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
