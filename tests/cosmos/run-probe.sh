#!/usr/bin/env bash
# Starts the in-memory Cosmos DB test server, runs the .NET probe against it, stops the server.
# Usage: tests/cosmos/run-probe.sh [--perf]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ ! -d "$here/node_modules/@vercel/cosmosdb-server" ]; then
  (cd "$here" && npm ci --no-audit --no-fund)
fi
# The launcher's stdin is this coprocess pipe: when this script ends, the server ends too.
coproc LAUNCHER { exec node "$here/launcher.mjs" --port 0; }
launcher_pid=$LAUNCHER_PID
trap 'kill "$launcher_pid" 2>/dev/null || true' EXIT
if ! read -r -t 30 line <&"${LAUNCHER[0]}"; then
  echo "run-probe: the launcher did not report its endpoint" >&2
  exit 1
fi
endpoint="${line#COSMOS_ENDPOINT=}"
AZURE_COSMOS_BYPASS_QUERY_PARSING=true dotnet run --project "$here/probe" -- "$endpoint" "$@"
