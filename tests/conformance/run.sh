#!/usr/bin/env bash
# Runs every peer client against an InferenceGrpc server started here on free ports and prints a
# case x peer matrix. With --reference, also runs the EchoService cases against the grpc-js
# reference server (peers/grpc_js_server.mjs), to tell our server's bugs from the peers' quirks.
# Exits 1 when any case failed. SERVER_DLL overrides the server build to test.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dll=${SERVER_DLL:-$root/services/InferenceGrpc.Server/bin/Debug/net10.0/InferenceGrpc.Server.dll}
reference=false
[[ ${1:-} == --reference ]] && reference=true
python=/usr/bin/python3 # Debian's, which has grpcio; not pyenv's python3

work=$(mktemp -d)
server_pid=
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

[[ -d $here/node_modules ]] || (cd "$here" && npm ci --no-audit --no-fund)

dotnet "$dll" --Server:GrpcPort=0 --Server:HttpPort=0 --Server:TlsPort=0 \
  --Server:SelfSignedCertificateOut="$work/cert.pem" --Grpc:CompressResponses=true >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 120); do
  grep -q 'Everything over TLS' "$work/server.log" && break
  sleep 0.5
done
address() { grep -m1 "$1" "$work/server.log" | sed -E 's#.*://([0-9.]+:[0-9]+)/.*#\1#'; }
grpc=$(address 'gRPC (HTTP/2 cleartext)')
http=$(address 'REST, gRPC-Web')
tls=$(address 'Everything over TLS')
if [[ -z $grpc || -z $http || -z $tls ]]; then
  echo "the server did not report its addresses:" >&2
  cat "$work/server.log" >&2
  exit 2
fi

# run_peers OUT [--only CASES]: every peer with the flags above (plus any extra), JSON lines to OUT.
run_peers() {
  local out=$1 target=$2
  shift 2
  local flags=(--grpc "$target" --http "$http" --tls "$tls" --ca "$work/cert.pem" --protos "$root/protos" "$@")
  {
    "$python" "$here/peers/grpcio_client.py" "${flags[@]}"
    node "$here/peers/grpc_js_client.mjs" "${flags[@]}"
    node "$here/peers/connect_client.mjs" "${flags[@]}"
    "$python" "$here/peers/curl_client.py" "${flags[@]}"
  } 2>>"$work/peers.err" >"$out"
}

status=0
echo "== InferenceGrpc server: gRPC $grpc, HTTP/1.1 $http, TLS $tls"
run_peers "$work/ours.jsonl" "$grpc"
"$python" "$here/matrix.py" <"$work/ours.jsonl" || status=1
if ! kill -0 "$server_pid" 2>/dev/null; then
  echo "the server exited during the run, so the failures above may be its absence; its log ends:" >&2
  tail -n 20 "$work/server.log" >&2
  status=2
fi

if $reference; then
  # The reference server exits when its standard input closes: hold a FIFO open on fd 9 until we exit.
  mkfifo "$work/reference.stdin"
  node "$here/peers/grpc_js_server.mjs" --protos "$root/protos" <"$work/reference.stdin" >"$work/reference.log" 2>&1 &
  exec 9>"$work/reference.stdin"
  for _ in $(seq 60); do
    grep -q LISTENING "$work/reference.log" && break
    sleep 0.5
  done
  reference_port=$(sed -n 's/^LISTENING //p' "$work/reference.log")
  [[ -n $reference_port ]] || { cat "$work/reference.log" >&2; exit 2; }
  # EchoService cases only; the reference server has no health, reflection, TLS, gRPC-Web, REST
  # or response compression.
  echo_cases=unary,server_stream_10k,client_stream,bidi_stream,error_details_utf8,deadline,cancel_mid_stream,gzip_request,metadata_roundtrip,oversize_message,unknown_method,server_deadline
  echo "== grpc-js reference server: gRPC 127.0.0.1:$reference_port (EchoService cases)"
  run_peers "$work/reference.jsonl" "127.0.0.1:$reference_port" --only "$echo_cases"
  # Drop what went to --http (still our server's HTTP/1.1 port): connect's gRPC-Web peer, and
  # curl's oversize_message, which is sent as gRPC-Web.
  grep -v -e '"peer":"connect-grpc-web"' -e '"peer": "curl", "case": "oversize_message"' "$work/reference.jsonl" |
    "$python" "$here/matrix.py" || status=1
fi

if [[ -s $work/peers.err ]]; then
  echo "-- peers' stderr:"
  sort -u "$work/peers.err"
fi
exit $status
