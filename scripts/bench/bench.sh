#!/usr/bin/env bash
# make bench: our wire layer side by side with reference gRPC servers, on this machine, with the
# same proto (conformance.v1.EchoService) and the same clients for every server:
#   ours     services/InferenceGrpc.Server, Release build
#   cpp      gRPC C++ callback API (scripts/bench/cpp/echo_server.cc, Debian's libgrpc++)
#   grpc-js  @grpc/grpc-js (tests/conformance/peers/grpc_js_server.mjs)
# Measures, in interleaved rounds (each round visits the servers in a rotated order, so none is
# always first after an idle spell or a neighbour's build):
#   unary      h2load against Echo over h2c: closed loop (CLIENTS x STREAMS calls in flight) for
#              req/s, then at a fixed RATE for latency at the same load for everyone
#   streaming  scripts/bench/cpp/stream_client calling ServerStream, for each payload size
#   front-ends our gRPC-Web and REST (HTTP/1.1), against our native gRPC
# Prints one table (median, min, max, ratios ours/C++ and ours/grpc-js) and writes
# artifacts/bench/results.json. docs/performance.md explains each figure and what limits it.
set -euo pipefail
cd "$(dirname "$0")/../.."

# Runs last a fixed time rather than a fixed number of requests: at 200k req/s a fixed count is
# over before the connections are warm, and a slow server would stretch the whole bench.
ROUNDS=${ROUNDS:-5}                  # interleaved rounds of every measurement
UNARY_SECONDS=${UNARY_SECONDS:-3}    # measured length of each unary run (after 1 s of h2load warm-up)
CLIENTS=${CLIENTS:-16}               # h2load connections
STREAMS=${STREAMS:-32}               # h2load concurrent streams per connection (HTTP/2 only)
RATE=${RATE:-}                       # fixed-rate req/s; empty: half the C++ server's closed-loop median
SIZES=${SIZES:-100 1024 65536}       # ServerStream payload sizes, bytes
STREAM_SECONDS=${STREAM_SECONDS:-2}  # measured length of each streaming run (after 0.5 s warm-up)
STREAM_CONNECTIONS=${STREAM_CONNECTIONS:-2}
# Unary load per server before the first round (at least 1; the front-ends get half, each payload
# size a quarter). .NET's tiered JIT (with PGO) needs about 6 s of full load to reach
# steady-state throughput: it runs at a quarter to half of it before.
WARMUP_SECONDS=${WARMUP_SECONDS:-8}

out_dir=artifacts/bench
build=$out_dir/build
work=$(mktemp -d)
raw=$out_dir/raw.tsv # one line per run and figure: phase, server, round, metric, value
mkdir -p "$out_dir"
: >"$raw"

declare -A pid url
cleanup() {
  local server
  for server in "${!pid[@]}"; do kill "${pid[$server]}" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# --- Build and start the three servers -----------------------------------------------------
scripts/bench/build-cpp.sh
dotnet build services/InferenceGrpc.Server -c Release --nologo -v q >"$work/build.log" || { cat "$work/build.log" >&2; exit 1; }

# wait_for LOG PATTERN: the servers print their address once listening.
wait_for() {
  for _ in $(seq 300); do grep -q "$2" "$1" && return; sleep 0.1; done
  echo "no '$2' in $1:" >&2
  cat "$1" >&2
  exit 1
}

# Ours, with its store in a scratch directory so the bench never touches ./data, and the
# per-caller call budget lifted: h2load is one caller asking for everything the server can do.
dotnet services/InferenceGrpc.Server/bin/Release/net10.0/InferenceGrpc.Server.dll \
  --Server:GrpcPort=0 --Server:HttpPort=0 --Storage:Sqlite:DataDirectory="$work/data" \
  --Limits:RequestsPerPeriod=1000000000 --Limits:BurstRequests=1000000000 \
  --Logging:LogLevel:Default=Warning >"$work/ours.log" 2>&1 &
pid[ours]=$!
wait_for "$work/ours.log" 'Press Ctrl+C'
url[ours]=$(grep -oE 'cleartext\): +http://[0-9.:]+' "$work/ours.log" | grep -oE 'http://.*')
http_url=$(grep -oE 'HTTP/1\): +http://[0-9.:]+' "$work/ours.log" | grep -oE 'http://.*')

"$build/echo_server" >"$work/cpp.log" 2>&1 &
pid[cpp]=$!
wait_for "$work/cpp.log" LISTENING
url[cpp]=http://127.0.0.1:$(sed -n 's/^LISTENING //p' "$work/cpp.log")

# The grpc-js server exits when its standard input closes: hold a FIFO open on fd 9 until we exit.
mkfifo "$work/grpc-js.stdin"
node tests/conformance/peers/grpc_js_server.mjs --protos protos <"$work/grpc-js.stdin" >"$work/grpc-js.log" 2>&1 &
pid[grpc-js]=$!
exec 9>"$work/grpc-js.stdin"
wait_for "$work/grpc-js.log" LISTENING
url[grpc-js]=http://127.0.0.1:$(sed -n 's/^LISTENING //p' "$work/grpc-js.log")

servers=(ours cpp grpc-js)

# --- Requests, and a check that each server really answers them -----------------------------
# EchoRequest{message:"hello"} as one uncompressed gRPC frame, and as JSON for REST.
printf '\x00\x00\x00\x00\x07\x0a\x05hello' >"$work/echo.grpc"
printf '{"message":"hello"}' >"$work/echo.json"
grpc_headers=(-H 'content-type: application/grpc' -H 'te: trailers')

# h2load counts any HTTP 200 as a success, and a gRPC error is an HTTP 200 too: so one call per
# server through curl must end with grpc-status 0 and the echoed message.
for server in "${servers[@]}"; do
  reply=$(curl -sS --http2-prior-knowledge -D "$work/headers" "${grpc_headers[@]}" \
    --data-binary @"$work/echo.grpc" "${url[$server]}/conformance.v1.EchoService/Echo" | od -An -c | tr -d ' \n')
  if ! grep -qiE '^grpc-status: ?0' "$work/headers" || [[ $reply != *hello* ]]; then
    echo "$server: Echo did not succeed (reply '$reply'):" >&2
    cat "$work/headers" >&2
    exit 1
  fi
done
# The gRPC-Web reply is binary frames: keep the printable bytes (message, then trailer frame).
web_reply=$(curl -sS -H 'content-type: application/grpc-web+proto' --data-binary @"$work/echo.grpc" \
  "$http_url/conformance.v1.EchoService/Echo" | LC_ALL=C tr -c '[:print:]' ' ')
[[ $web_reply =~ hello.*grpc-status:\ ?0 ]] || { echo "ours: gRPC-Web Echo failed: $web_reply" >&2; exit 1; }
rest_reply=$(curl -sS -H 'content-type: application/json' --data-binary @"$work/echo.json" "$http_url/v1/echo")
[[ $rest_reply == *'"hello"'* ]] || { echo "ours: REST Echo failed: $rest_reply" >&2; exit 1; }

# --- Measurement helpers ----------------------------------------------------------------------
clock_ticks=$(getconf CLK_TCK)
# cpu_ticks PID: user + system CPU the process has used so far (fields 14 and 15 of stat, counted
# after the ")" that ends the command name).
cpu_ticks() { sed -E 's/^.*\) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }
# busy_ticks: CPU the whole machine has used so far (user, nice, system, irq, softirq, steal), so
# each run can say how much went to other work (builds and tests of others share these cores).
busy_ticks() { awk '$1 == "cpu" {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
record() { printf '%s\t%s\t%s\t%s\t%s\n' "$@" >>"$raw"; } # phase server round metric value
# rotated ROUND: the servers, starting at a different one each round.
rotated() {
  local i
  for i in "${!servers[@]}"; do echo "${servers[$(((i + $1) % ${#servers[@]}))]}"; done
}
TIMEFORMAT='%R %U %S' # bash's time: wall, user, system seconds of the client

# measured PHASE SERVER ROUND CLIENT-COMMAND...: runs the client (its standard output in
# $work/run.out) and
# records the cores the server, the client and everything else used during it. Sets
# server_cores for the caller.
measured() {
  local phase=$1 server=$2 round=$3
  shift 3
  local server_before busy_before server_after busy_after wall user sys client_cores other_cores
  server_before=$(cpu_ticks "${pid[$server]}")
  busy_before=$(busy_ticks)
  { time "$@" >"$work/run.out" 2>"$work/run.err"; } 2>"$work/time.out" || { cat "$work/run.out" "$work/run.err" >&2; exit 1; }
  server_after=$(cpu_ticks "${pid[$server]}")
  busy_after=$(busy_ticks)
  read -r wall user sys <"$work/time.out"
  read -r server_cores client_cores other_cores < <(awk -v hz="$clock_ticks" -v wall="$wall" -v user="$user" -v sys="$sys" \
    -v server=$((server_after - server_before)) -v busy=$((busy_after - busy_before)) 'BEGIN {
      print server / hz / wall, (user + sys) / wall, (busy - server) / hz / wall - (user + sys) / wall
    }')
  record "$phase" "$server" "$round" server_cores "$server_cores"
  record "$phase" "$server" "$round" client_cores "$client_cores"
  record "$phase" "$server" "$round" other_cores "$other_cores"
}

# h2load_run PHASE SERVER ROUND H2LOAD-ARGS...: one measured h2load run; also records req/s,
# failed requests, server CPU per request and latency percentiles (from h2load's per-request log,
# which has the measured requests only).
h2load_run() {
  local phase=$1 server=$2 round=$3
  shift 3
  rm -f "$work/requests.log" # h2load appends to its log
  measured "$phase" "$server" "$round" h2load "$@" --log-file "$work/requests.log"
  # CPU per request from the share of a core: h2load's warm-up second is not in its counts.
  awk -v p="$phase" -v s="$server" -v r="$round" -v cores="$server_cores" '
    /^finished in/ { gsub(",", "", $4); rps = $4 }
    /^requests:/ { total = $2; ok = $8 }
    END {
      OFS = "\t"
      print p, s, r, "rps", rps
      print p, s, r, "failed", total - ok
      print p, s, r, "server_cpu_us_per_req", rps ? cores / rps * 1e6 : 0
    }' "$work/run.out" >>"$raw"
  # Latency of the successful requests: the log's third column, microseconds to the response end.
  awk -F'\t' '$2 == 200 {print $3}' "$work/requests.log" | sort -n | awk -v p="$phase" -v s="$server" -v r="$round" '
    { v[NR] = $1 }
    END { OFS = "\t"; print p, s, r, "p50_ms", v[int(NR * 0.50)] / 1000; print p, s, r, "p99_ms", v[int(NR * 0.99)] / 1000 }' >>"$raw"
}

grpc_echo() { echo "${url[$1]}/conformance.v1.EchoService/Echo"; }

# --- Unary, closed loop; our gRPC-Web and REST in the same rounds ---------------------------------
echo "Warm-up: ${WARMUP_SECONDS}s of unary load per server"
for server in "${servers[@]}"; do
  h2load -D "$WARMUP_SECONDS" -c "$CLIENTS" -m "$STREAMS" "${grpc_headers[@]}" -d "$work/echo.grpc" "$(grpc_echo "$server")" >/dev/null
done
h2load -D "$(((WARMUP_SECONDS + 1) / 2))" -c "$CLIENTS" --h1 -H 'content-type: application/json' -d "$work/echo.json" "$http_url/v1/echo" >/dev/null
h2load -D "$(((WARMUP_SECONDS + 1) / 2))" -c "$CLIENTS" --h1 -H 'content-type: application/grpc-web+proto' -d "$work/echo.grpc" \
  "$http_url/conformance.v1.EchoService/Echo" >/dev/null

# h2load's own warm-up (excluded from its figures and log) covers connection set-up in each run.
timed=(-D "$UNARY_SECONDS" --warm-up-time 1 -c "$CLIENTS")
for round in $(seq "$ROUNDS"); do
  echo "Round $round/$ROUNDS: unary closed loop (${UNARY_SECONDS}s, $CLIENTS x $STREAMS in flight), gRPC-Web, REST"
  for server in $(rotated "$round"); do
    h2load_run unary "$server" "$round" "${timed[@]}" -m "$STREAMS" "${grpc_headers[@]}" -d "$work/echo.grpc" "$(grpc_echo "$server")"
  done
  h2load_run grpc-web ours "$round" "${timed[@]}" --h1 -H 'content-type: application/grpc-web+proto' \
    -d "$work/echo.grpc" "$http_url/conformance.v1.EchoService/Echo"
  h2load_run rest ours "$round" "${timed[@]}" --h1 -H 'content-type: application/json' -d "$work/echo.json" "$http_url/v1/echo"
done

# --- Unary, fixed rate: the same offered load for every server --------------------------------
if [[ -z $RATE ]]; then
  RATE=$(awk -F'\t' '$1 == "unary" && $2 == "cpp" && $4 == "rps" {print $5}' "$raw" | sort -n |
    awk -v c="$CLIENTS" '{v[NR] = $1} END {print int(v[int((NR + 1) / 2)] / 2 / c) * c}')
fi
for round in $(seq "$ROUNDS"); do
  echo "Round $round/$ROUNDS: unary at a fixed $RATE req/s (${UNARY_SECONDS}s)"
  for server in $(rotated "$round"); do
    # --rps is per connection; h2load starts each request on schedule while streams are free.
    h2load_run unary-rate "$server" "$round" "${timed[@]}" -m "$STREAMS" --rps "$((RATE / CLIENTS))" \
      "${grpc_headers[@]}" -d "$work/echo.grpc" "$(grpc_echo "$server")"
  done
done
for server in "${servers[@]}"; do
  record rss-unary "$server" 0 rss_mib "$(awk '/VmHWM/ {print $2 / 1024}' "/proc/${pid[$server]}/status")"
done

# --- Server streaming ---------------------------------------------------------------------------
# stream_count SIZE: messages per call, so calls end soon after the deadline (10,000, at most 64 MiB).
stream_count() { echo $(($1 * 10000 > 67108864 ? 67108864 / $1 : 10000)); }
stream_warmup=$(awk -v w="$WARMUP_SECONDS" 'BEGIN {print w / 4}')
echo "Warm-up: streaming, ${stream_warmup}s per payload size and server"
for server in "${servers[@]}"; do
  for size in $SIZES; do
    "$build/stream_client" "${url[$server]#http://}" "$size" "$(stream_count "$size")" "$STREAM_CONNECTIONS" \
      "$stream_warmup" 0.1 >/dev/null
  done
done
for round in $(seq "$ROUNDS"); do
  echo "Round $round/$ROUNDS: server streaming, payloads of $SIZES bytes, ${STREAM_SECONDS}s each"
  for size in $SIZES; do
    for server in $(rotated "$round"); do
      measured "stream-$size" "$server" "$round" "$build/stream_client" "${url[$server]#http://}" "$size" \
        "$(stream_count "$size")" "$STREAM_CONNECTIONS" 0.5 "$STREAM_SECONDS"
      read -r _ messages _ bytes _ seconds _ <"$work/run.out"
      # Server CPU per message assumes the 0.5 s warm-up ran at the measured rate.
      awk -v p="stream-$size" -v s="$server" -v r="$round" -v m="$messages" -v b="$bytes" -v t="$seconds" \
        -v cores="$server_cores" 'BEGIN {
          OFS = "\t"
          print p, s, r, "msgs_per_s", m / t
          print p, s, r, "mb_per_s", b / t / 1e6
          print p, s, r, "server_cpu_us_per_msg", cores / (m / t) * 1e6
        }' >>"$raw"
    done
  done
done
for server in "${servers[@]}"; do
  record rss-all "$server" 0 rss_mib "$(awk '/VmHWM/ {print $2 / 1024}' "/proc/${pid[$server]}/status")"
done

# --- Report -------------------------------------------------------------------------------------
/usr/bin/python3 scripts/bench/report.py "$raw" "$out_dir/results.json" \
  date="$(date -u +%FT%TZ)" nproc="$(nproc)" cpu="$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)" \
  memory_gib="$(awk '/MemTotal/ {printf "%.1f", $2 / 1048576}' /proc/meminfo)" \
  rounds="$ROUNDS" unary_seconds="$UNARY_SECONDS" clients="$CLIENTS" streams="$STREAMS" rate="$RATE" \
  sizes="$SIZES" stream_seconds="$STREAM_SECONDS" stream_connections="$STREAM_CONNECTIONS" warmup_seconds="$WARMUP_SECONDS" \
  dotnet="$(dotnet --version)" grpc_cpp="$(pkg-config --modversion grpc++)" \
  grpc_js="$(node -p 'JSON.parse(require("fs").readFileSync("tests/conformance/node_modules/@grpc/grpc-js/package.json")).version')" \
  node="$(node --version)" h2load="$(h2load --version | head -1)"
