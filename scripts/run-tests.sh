#!/usr/bin/env bash
# Runs every test project and ends with one plain summary line, "tests: N passed, N failed",
# which CI reads; dotnet test's own per-project lines are kept above it, and the names of failed
# tests are repeated under it, because a CI log is often cut to its last lines.
set -uo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
dotnet test InferenceGrpc.sln -c "${CONFIGURATION:-Debug}" --nologo -v q "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=$(grep -oE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failures=$(grep -E '^\s+Failed \S.* \[[^]]+\]\s*$' "$log" | sed -E 's/^\s+Failed /  failed: /')
rm -f "$log"
echo
echo "tests: ${passed} passed, ${failed} failed"
if [ -n "$failures" ]; then echo "$failures"; fi
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
