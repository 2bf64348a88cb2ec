// Server-streaming load client for make bench: the same client (gRPC C++, Debian's build) for
// every server, so the servers are the only difference. h2load cannot, as it does not parse
// gRPC messages.
//
// Usage: stream_client TARGET SIZE COUNT CONNECTIONS WARMUP_SECONDS SECONDS
// Each connection is its own thread and HTTP/2 connection, calling
// conformance.v1.EchoService/ServerStream(count=COUNT, payload_size=SIZE) back to back and
// reading every message (parsed, payload size and index checked). Warm-up calls are not counted;
// then calls start until SECONDS have passed and the last one is read to its end.
// Prints "messages N payload_bytes B seconds S calls C"; exits 1 on any failed call.
#include <grpcpp/grpcpp.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "conformance/v1/echo_service.grpc.pb.h"

namespace {

using Clock = std::chrono::steady_clock;
using conformance::v1::EchoService;
using conformance::v1::ServerStreamRequest;
using conformance::v1::ServerStreamResponse;

struct Totals {
  std::atomic<long long> messages{0};
  std::atomic<long long> calls{0};
};

// One call read to its end; false (after printing why) when anything is wrong.
bool CallOnce(EchoService::Stub& stub, const ServerStreamRequest& request, long long& messages) {
  grpc::ClientContext context;
  auto reader = stub.ServerStream(&context, request);
  ServerStreamResponse response;
  int expected = 0;
  while (reader->Read(&response)) {
    if (response.index() != expected || response.payload().size() != static_cast<size_t>(request.payload_size())) {
      std::fprintf(stderr, "stream_client: message %d has index %d and %zu payload bytes\n", expected,
                   response.index(), response.payload().size());
      return false;
    }
    expected++;
  }
  grpc::Status status = reader->Finish();
  if (!status.ok() || expected != request.count()) {
    std::fprintf(stderr, "stream_client: status %d (%s) after %d of %d messages\n", status.error_code(),
                 status.error_message().c_str(), expected, request.count());
    return false;
  }
  messages += expected;
  return true;
}

// Calls back to back until the deadline; counts into totals when given.
void Run(EchoService::Stub& stub, const ServerStreamRequest& request, Clock::time_point deadline, Totals* totals,
         std::atomic<bool>& failed) {
  long long messages = 0;
  long long calls = 0;
  while (Clock::now() < deadline && !failed) {
    if (!CallOnce(stub, request, messages)) {
      failed = true;
      return;
    }
    calls++;
  }
  if (totals) {
    totals->messages += messages;
    totals->calls += calls;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 7) {
    std::fprintf(stderr, "usage: stream_client TARGET SIZE COUNT CONNECTIONS WARMUP_SECONDS SECONDS\n");
    return 2;
  }
  const std::string target = argv[1];
  ServerStreamRequest request;
  request.set_payload_size(std::atoi(argv[2]));
  request.set_count(std::atoi(argv[3]));
  const int connections = std::atoi(argv[4]);
  const double warmup = std::atof(argv[5]);
  const double seconds = std::atof(argv[6]);

  // A local subchannel pool per channel: otherwise gRPC shares one connection among channels
  // to the same target, and CONNECTIONS would be one.
  std::vector<std::unique_ptr<EchoService::Stub>> stubs;
  for (int i = 0; i < connections; i++) {
    grpc::ChannelArguments args;
    args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    auto channel = grpc::CreateCustomChannel(target, grpc::InsecureChannelCredentials(), args);
    if (!channel->WaitForConnected(std::chrono::system_clock::now() + std::chrono::seconds(10))) {
      std::fprintf(stderr, "stream_client: cannot connect to %s\n", target.c_str());
      return 1;
    }
    stubs.push_back(EchoService::NewStub(channel));
  }

  std::atomic<bool> failed{false};
  Totals totals;
  auto phase = [&](double length, Totals* counted) {
    const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(length));
    std::vector<std::thread> threads;
    for (auto& stub : stubs) threads.emplace_back([&, deadline] { Run(*stub, request, deadline, counted, failed); });
    for (auto& thread : threads) thread.join();
  };
  phase(warmup, nullptr);
  const auto started = Clock::now();
  phase(seconds, &totals);
  const double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
  if (failed) return 1;

  std::printf("messages %lld payload_bytes %lld seconds %.3f calls %lld\n", totals.messages.load(),
              totals.messages.load() * request.payload_size(), elapsed, totals.calls.load());
  return 0;
}
