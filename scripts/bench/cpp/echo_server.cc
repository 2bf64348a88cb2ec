// Reference conformance.v1.EchoService (Echo and ServerStream only) on gRPC C++'s callback API,
// the fastest C++ server API since 1.4x. make bench measures our wire layer against it.
//
// Usage: echo_server   (listens on 127.0.0.1, a free port; prints "LISTENING <port>")
//
// Threads: unlike grpc_bench's cpp_grpc_mt (async API, one completion queue and thread per CPU,
// set by GRPC_SERVER_CPUS), the callback API has no queues to size: gRPC runs the reactors on
// its own pollers and executor, which already use every core. Both are multi-threaded servers.
#include <grpcpp/grpcpp.h>

#include <cstdio>
#include <memory>
#include <string>

#include "conformance/v1/echo_service.grpc.pb.h"

namespace {

using conformance::v1::EchoRequest;
using conformance::v1::EchoResponse;
using conformance::v1::ServerStreamRequest;
using conformance::v1::ServerStreamResponse;

constexpr std::string_view kEchoPrefix = "x-echo-";

// Writes count messages, one in flight at a time (as our server and grpc-js do), reusing one
// message whose payload is allocated once: the per-message cost is then all wire layer.
class StreamWriter final : public grpc::ServerWriteReactor<ServerStreamResponse> {
 public:
  explicit StreamWriter(const ServerStreamRequest& request) : count_(request.count()) {
    message_.mutable_payload()->assign(static_cast<size_t>(std::max(0, request.payload_size())), '\0');
    Next();
  }

  void OnWriteDone(bool ok) override {
    if (!ok) {
      Finish(grpc::Status(grpc::StatusCode::CANCELLED, "write failed"));
      return;
    }
    Next();
  }

  void OnDone() override { delete this; }

 private:
  // message_ must not change until OnWriteDone: gRPC serializes it when the write starts.
  void Next() {
    if (sent_ >= count_) {
      Finish(grpc::Status::OK);
      return;
    }
    message_.set_index(sent_++);
    StartWrite(&message_);
  }

  ServerStreamResponse message_;
  const int count_;
  int sent_ = 0;
};

class EchoServiceImpl final : public conformance::v1::EchoService::CallbackService {
  // Request headers x-echo-* come back as response headers and as trailers x-trailer-echo-*,
  // the same work our Echo and the grpc-js reference do.
  grpc::ServerUnaryReactor* Echo(grpc::CallbackServerContext* context, const EchoRequest* request,
                                 EchoResponse* response) override {
    for (const auto& [key, value] : context->client_metadata()) {
      std::string_view name(key.data(), key.size());
      if (name.substr(0, kEchoPrefix.size()) != kEchoPrefix) continue;
      std::string text(value.data(), value.size());
      context->AddInitialMetadata(std::string(name), text);
      context->AddTrailingMetadata("x-trailer-" + std::string(name.substr(2)), text);
    }
    response->set_message(request->message());
    response->set_payload(request->payload());
    auto* reactor = context->DefaultReactor();
    reactor->Finish(grpc::Status::OK);
    return reactor;
  }

  grpc::ServerWriteReactor<ServerStreamResponse>* ServerStream(grpc::CallbackServerContext*,
                                                               const ServerStreamRequest* request) override {
    return new StreamWriter(*request);
  }
};

}  // namespace

int main() {
  EchoServiceImpl service;
  grpc::ServerBuilder builder;
  int port = 0;
  builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (!server || port == 0) {
    std::fprintf(stderr, "echo_server: could not start\n");
    return 1;
  }
  std::printf("LISTENING %d\n", port);
  std::fflush(stdout);
  server->Wait();
  return 0;
}
