#!/usr/bin/env bash
# Wire-layer benchmark: h2load against the service's Echo method over gRPC (h2c), gRPC-Web
# (HTTP/1.1) and REST (HTTP/1.1), same server, interleaved rounds; prints median/min/max req/s
# and each front-end's ratio to native gRPC. h2load counts HTTP 200 as success, so a curl call
# checks grpc-status before the runs. Bounded: ROUNDS x 3 runs of N requests each.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
N=${N:-200000}
CLIENTS=${CLIENTS:-16}
STREAMS=${STREAMS:-32}
out_dir=artifacts/bench
mkdir -p "$out_dir"

dotnet build services/InferenceGrpc.Server -c Release --nologo -v q >/dev/null
server_log=$(mktemp)
dotnet services/InferenceGrpc.Server/bin/Release/net10.0/InferenceGrpc.Server.dll \
  --Server:GrpcPort=0 --Server:HttpPort=0 --Logging:LogLevel:Default=Warning >"$server_log" 2>&1 &
server_pid=$!
trap 'kill $server_pid 2>/dev/null || true; rm -f "$server_log"' EXIT
for _ in $(seq 100); do grep -q 'Press Ctrl+C' "$server_log" && break; sleep 0.1; done
grpc_url=$(grep -oE 'cleartext\): +http://[0-9.:]+' "$server_log" | grep -oE 'http://.*')
http_url=$(grep -oE 'HTTP/1\): +http://[0-9.:]+' "$server_log" | grep -oE 'http://.*')

# EchoRequest{message:"hello"} as one uncompressed gRPC frame.
printf '\x00\x00\x00\x00\x07\x0a\x05hello' >"$out_dir/echo.grpc"
printf '{"message":"hello"}' >"$out_dir/echo.json"

status=$(curl -s --http2-prior-knowledge -o /dev/null -D - -H 'content-type: application/grpc' -H 'te: trailers' \
  --data-binary @"$out_dir/echo.grpc" "$grpc_url/conformance.v1.EchoService/Echo" | grep -i '^grpc-status' || true)
curl -s --http2-prior-knowledge -o /dev/null -H 'content-type: application/grpc' -H 'te: trailers' --data-binary @"$out_dir/echo.grpc" \
  -w '%{http_code}' "$grpc_url/conformance.v1.EchoService/Echo" | grep -q 200 || { echo "server check failed" >&2; exit 1; }

run() { # name, h2load args...
  local name=$1; shift
  h2load -n "$N" -c "$CLIENTS" "$@" 2>&1 | awk -v name="$name" '/^finished in/ {gsub(",","",$4); print name, $4} /^requests:/ {print name "-ok", $8, $10}'
}

results=$(mktemp)
for round in $(seq "$ROUNDS"); do
  run grpc -m "$STREAMS" -H 'content-type: application/grpc' -H 'te: trailers' -d "$out_dir/echo.grpc" "$grpc_url/conformance.v1.EchoService/Echo" >>"$results"
  run grpc-web --h1 -H 'content-type: application/grpc-web+proto' -d "$out_dir/echo.grpc" "$http_url/conformance.v1.EchoService/Echo" >>"$results"
  run rest --h1 -H 'content-type: application/json' -d "$out_dir/echo.json" "$http_url/v1/echo" >>"$results"
done
rss_kb=$(awk '/VmHWM/ {print $2}' "/proc/$server_pid/status")

echo "Wire layer, unary Echo, $N requests x $ROUNDS rounds, $CLIENTS connections ($(nproc) cores, $(date -u +%F))"
printf '%-10s %12s %12s %12s %10s\n' front-end median min max vs-gRPC
grpc_median=""
for name in grpc grpc-web rest; do
  read -r median min max < <(awk -v n="$name" '$1 == n {print $2}' "$results" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)], a[1], a[NR]}')
  [ -z "$grpc_median" ] && grpc_median=$median
  printf '%-10s %12.0f %12.0f %12.0f %9.2fx\n' "$name" "$median" "$min" "$max" "$(awk -v a="$median" -v b="$grpc_median" 'BEGIN {print a / b}')"
done
failed=$(awk '$1 ~ /-ok$/ && $3 != 0 {print}' "$results")
[ -n "$failed" ] && echo "h2load reported failed requests: $failed"
echo "grpc-status of a checked call: ${status:-missing}; server peak RSS: $((rss_kb / 1024)) MiB"
rm -f "$results"
