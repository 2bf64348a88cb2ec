#!/usr/bin/env bash
# Builds the C++ reference server and the streaming client (scripts/bench/cpp/) against Debian's
# gRPC C++, from the same protos/ as our server, into artifacts/bench/build (gitignored).
# Installs the Debian packages when missing. Does nothing when the binaries are newer than
# their sources, so make bench only pays for the compile (about a minute on 2 cores) once.
set -euo pipefail
cd "$(dirname "$0")/../.."

# protobuf-compiler-grpc is grpc_cpp_plugin (and pulls in protoc); libgrpc++-dev does not pull
# in libprotobuf-dev, which the generated code needs.
scripts/apt-ensure libgrpc++-dev libprotobuf-dev protobuf-compiler-grpc g++ pkg-config

build=artifacts/bench/build
protos=(conformance/v1/echo_service.proto google/api/annotations.proto google/api/http.proto)
sources=(scripts/bench/cpp/*.cc "${protos[@]/#/protos/}" scripts/bench/build-cpp.sh)
up_to_date() { # binary: true when it is newer than every source
  local source
  [ -x "$1" ] || return 1
  for source in "${sources[@]}"; do [ "$1" -nt "$source" ] || return 1; done
}
up_to_date "$build/echo_server" && up_to_date "$build/stream_client" && exit 0

echo "Building the C++ reference server and streaming client in $build"
rm -rf "$build"
mkdir -p "$build/gen"
# Only echo_service has services; the google/api imports need messages alone.
protoc -I protos --cpp_out="$build/gen" "${protos[@]}"
protoc -I protos --grpc_out="$build/gen" --plugin=protoc-gen-grpc="$(command -v grpc_cpp_plugin)" "${protos[0]}"

read -ra flags < <(pkg-config --cflags --libs grpc++ protobuf)
cxx=(g++ -std=c++17 -O2 -pthread -I "$build/gen")
# Both cores: the generated code is compiled once for both binaries, side by side; wait on each
# pid so a failed compile fails the build.
pids=()
objects=()
for source in "$build"/gen/conformance/v1/*.cc "$build"/gen/google/api/*.cc; do
  object="$build/$(basename "${source%.cc}").o"
  "${cxx[@]}" -c "$source" -o "$object" &
  pids+=($!)
  objects+=("$object")
done
for pid in "${pids[@]}"; do wait "$pid"; done
"${cxx[@]}" scripts/bench/cpp/echo_server.cc "${objects[@]}" "${flags[@]}" -o "$build/echo_server" &
server_pid=$!
"${cxx[@]}" scripts/bench/cpp/stream_client.cc "${objects[@]}" "${flags[@]}" -o "$build/stream_client"
wait "$server_pid"
