#!/usr/bin/python3
"""Conformance peer "grpcio": Debian's python3-grpcio (the C-core gRPC stack) as the client.

Run with /usr/bin/python3 (it has grpcio); see ../README.md for the flags.
"""

import queue
import time
import uuid

import grpc
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

from peerlib import (
    ECHO_SERVICE, UTF8_MESSAGE, CaseFailure, Protos, check_status_details, expect, expect_eq, parse_args, poll, run_cases,
)

PEER = "grpcio"
TIMEOUT_S = 15  # per RPC, unless a case says otherwise

args = parse_args(__doc__)
pb = Protos(args.protos)
echo = pb.echo
channel = grpc.insecure_channel(args.grpc)
stub = pb.echo_grpc.EchoServiceStub(channel)


def identity(data):
    return data


class Outbox:
    """A request iterator fed one message at a time, so a stream can be driven as ping-pong."""

    _END = object()

    def __init__(self):
        self._queue = queue.Queue()

    def __iter__(self):
        while (item := self._queue.get()) is not self._END:
            yield item

    def send(self, message):
        self._queue.put(message)

    def close(self):
        self._queue.put(self._END)


def expect_rpc_error(what, call, code):
    """Runs call(), which must fail with the given status code; returns the RpcError."""
    try:
        result = call()
    except grpc.RpcError as error:
        expect(error.code() == code, f"{what}: expected {code.name}, got {error.code().name}: {error.details()!r}")
        return error
    raise CaseFailure(f"{what}: expected {code.name}, but the call succeeded with {result!r}")


def call_report(call_id):
    """Polls GetCallReport until the server has recorded how call_id ended."""
    unspecified = echo.GetCallReportResponse.OUTCOME_UNSPECIFIED
    return poll(lambda: stub.GetCallReport(echo.GetCallReportRequest(call_id=call_id), timeout=TIMEOUT_S),
                lambda report: report.outcome != unspecified)


def outcome_name(report):
    return echo.GetCallReportResponse.Outcome.Name(report.outcome)


def case_unary():
    payload = bytes(range(256)) * 4
    response = stub.Echo(echo.EchoRequest(message="hello", payload=payload), timeout=TIMEOUT_S)
    expect_eq("message", "hello", response.message)
    expect_eq("payload", payload, response.payload)
    return "echoed message and 1024 payload bytes"


def case_server_stream_10k():
    count = 0
    for response in stub.ServerStream(echo.ServerStreamRequest(count=10000, payload_size=16), timeout=60):
        expect_eq(f"index of message {count}", count, response.index)
        expect_eq(f"payload size of message {count}", 16, len(response.payload))
        count += 1
    expect_eq("message count", 10000, count)
    return "10000 messages, indexes 0..9999 in order"


def case_client_stream():
    values = [i * 1_000_000_007 - 50 for i in range(100)]  # some negative, some beyond 32 bits
    response = stub.ClientStream((echo.ClientStreamRequest(value=v) for v in values), timeout=TIMEOUT_S)
    expect_eq("sum", sum(values), response.sum)
    expect_eq("count", 100, response.count)
    return f"sum {response.sum} over 100 messages"


def case_bidi_stream():
    # Ping-pong: message i+1 is only sent after answer i arrived, proving the server answers
    # each message as it comes instead of after the client half-closes.
    outbox = Outbox()
    responses = stub.BidiEcho(iter(outbox), timeout=TIMEOUT_S)
    try:
        for i in range(5):
            outbox.send(echo.BidiEchoRequest(message=f"ping {i}"))
            response = next(responses)
            expect_eq(f"answer {i}", (f"ping {i}", i), (response.message, response.index))
        outbox.close()
        rest = list(responses)
        expect_eq("answers after half-close", [], rest)
    finally:
        outbox.close()
    return "5 ping-pong round trips, indexes 0..4"


def case_error_details_utf8():
    error = expect_rpc_error("Fail", lambda: stub.Fail(
        echo.FailRequest(code=3, message=UTF8_MESSAGE, field="filters.and[0]"), timeout=TIMEOUT_S),
        grpc.StatusCode.INVALID_ARGUMENT)
    expect_eq("status message", UTF8_MESSAGE, error.details())
    details = dict(error.trailing_metadata()).get("grpc-status-details-bin")
    check_status_details(pb, details, 3, UTF8_MESSAGE, "filters.and[0]")
    return "INVALID_ARGUMENT, UTF-8 message intact, Status+BadRequest details decoded"


def case_deadline():
    call_id = f"grpcio-deadline-{uuid.uuid4()}"
    started = time.monotonic()
    expect_rpc_error("Slow(10000 ms) with a 300 ms deadline", lambda: stub.Slow(
        echo.SlowRequest(delay_ms=10000, call_id=call_id), timeout=0.3), grpc.StatusCode.DEADLINE_EXCEEDED)
    elapsed = time.monotonic() - started
    expect(elapsed < 3, f"DEADLINE_EXCEEDED took {elapsed:.2f} s")
    report = call_report(call_id)
    expect(report.outcome in (echo.GetCallReportResponse.OUTCOME_CANCELLED, echo.GetCallReportResponse.OUTCOME_DEADLINE_EXCEEDED),
           f"server saw the call end as {outcome_name(report)}, expected CANCELLED or DEADLINE_EXCEEDED")
    return f"DEADLINE_EXCEEDED after {elapsed:.2f} s; server recorded {outcome_name(report)}"


def case_cancel_mid_stream():
    call_id = f"grpcio-cancel-{uuid.uuid4()}"
    call = stub.ServerStream(echo.ServerStreamRequest(count=1_000_000, payload_size=1024, call_id=call_id), timeout=60)
    for i in range(10):
        expect_eq(f"index of message {i}", i, next(call).index)
    call.cancel()
    report = call_report(call_id)
    expect_eq("server-side outcome", "OUTCOME_CANCELLED", outcome_name(report))
    expect(report.messages_sent < 1_000_000, f"server sent {report.messages_sent} messages before it noticed the cancel")
    return f"cancelled after 10; server recorded CANCELLED after {report.messages_sent} messages"


def case_gzip_request():
    payload = b"compressible " * 5042  # ~64 KiB
    response = stub.Echo(echo.EchoRequest(message="gzip", payload=payload), timeout=TIMEOUT_S,
                         compression=grpc.Compression.Gzip)
    expect_eq("payload length", len(payload), len(response.payload))
    expect(response.payload == payload, "payload differs")
    return f"gzip-compressed request of {len(payload)} bytes echoed intact"


def case_gzip_response():
    # grpcio always advertises gzip and hides grpc-encoding from the application, so this only
    # proves a (presumably) compressed response decodes; curl checks the header itself.
    payload = b"z" * 4096
    response, call = stub.Echo.with_call(echo.EchoRequest(message="gzip", payload=payload), timeout=TIMEOUT_S)
    expect(response.payload == payload, "payload differs")
    encoding = dict(call.initial_metadata()).get("grpc-encoding", "(hidden by grpcio)")
    return f"4 KiB response decoded; grpc-encoding: {encoding}"


def case_metadata_roundtrip():
    binary = b"\x00\xff\x10"
    metadata = (("x-echo-text", "abc"), ("x-echo-bin", binary))
    _, call = stub.Echo.with_call(echo.EchoRequest(message="md"), metadata=metadata, timeout=TIMEOUT_S)
    headers, trailers = dict(call.initial_metadata()), dict(call.trailing_metadata())
    expect_eq("header x-echo-text", "abc", headers.get("x-echo-text"))
    expect_eq("header x-echo-bin", binary, headers.get("x-echo-bin"))
    expect_eq("trailer x-trailer-echo-text", "abc", trailers.get("x-trailer-echo-text"))
    expect_eq("trailer x-trailer-echo-bin", binary, trailers.get("x-trailer-echo-bin"))
    return "text and binary metadata echoed as headers and trailers"


def case_oversize_message():
    error = expect_rpc_error("Echo with a 5 MiB payload", lambda: stub.Echo(
        echo.EchoRequest(payload=bytes(5 * 1024 * 1024)), timeout=TIMEOUT_S), grpc.StatusCode.RESOURCE_EXHAUSTED)
    return f"RESOURCE_EXHAUSTED: {error.details()}"


def case_unknown_method():
    for path in (f"/{ECHO_SERVICE}/Nope", "/nope.v1.Nope/X"):
        method = channel.unary_unary(path, request_serializer=identity, response_deserializer=identity)
        expect_rpc_error(path, lambda: method(b"", timeout=TIMEOUT_S), grpc.StatusCode.UNIMPLEMENTED)
    return "both paths UNIMPLEMENTED"


def health_method(name, streaming=False):
    make = channel.unary_stream if streaming else channel.unary_unary
    return make(f"/grpc.health.v1.Health/{name}", request_serializer=pb.health.HealthCheckRequest.SerializeToString,
                response_deserializer=pb.health.HealthCheckResponse.FromString)


def case_health_check():
    check = health_method("Check")
    serving = pb.health.HealthCheckResponse.SERVING
    for service in ("", ECHO_SERVICE):
        response = check(pb.health.HealthCheckRequest(service=service), timeout=TIMEOUT_S)
        expect_eq(f"status of {service!r}", serving, response.status)
    expect_rpc_error("Check('no.such.Service')", lambda: check(
        pb.health.HealthCheckRequest(service="no.such.Service"), timeout=TIMEOUT_S), grpc.StatusCode.NOT_FOUND)
    return "'' and EchoService SERVING; unknown service NOT_FOUND"


def case_health_watch():
    call = health_method("Watch", streaming=True)(pb.health.HealthCheckRequest(service=""), timeout=TIMEOUT_S)
    first = next(call)
    call.cancel()
    expect_eq("first status", pb.health.HealthCheckResponse.SERVING, first.status)
    return "first message SERVING, then cancelled"


def reflection_method(module, package):
    return channel.stream_stream(f"/{package}.ServerReflection/ServerReflectionInfo",
                                 request_serializer=module.ServerReflectionRequest.SerializeToString,
                                 response_deserializer=module.ServerReflectionResponse.FromString)


def case_reflection_list():
    wanted = {ECHO_SERVICE, "grpc.health.v1.Health", "grpc.reflection.v1.ServerReflection"}
    seen = {}
    for module, package in ((pb.reflection_v1, "grpc.reflection.v1"), (pb.reflection_v1alpha, "grpc.reflection.v1alpha")):
        responses = reflection_method(module, package)(iter([module.ServerReflectionRequest(list_services="")]), timeout=TIMEOUT_S)
        response = next(responses)
        expect(response.HasField("list_services_response"), f"{package}: no list_services_response in {response}")
        names = {service.name for service in response.list_services_response.service}
        expect(wanted <= names, f"{package}: missing {sorted(wanted - names)} in {sorted(names)}")
        seen[package] = len(names)
    return f"v1 lists {seen['grpc.reflection.v1']} services, v1alpha {seen['grpc.reflection.v1alpha']}"


def case_reflection_call():
    # grpcurl-style: learn EchoService from the server alone, build its message classes in a
    # fresh descriptor pool, then call it. None of the generated conformance code is used.
    v1 = pb.reflection_v1
    outbox = Outbox()
    responses = reflection_method(v1, "grpc.reflection.v1")(iter(outbox), timeout=TIMEOUT_S)
    files = {}

    def fetch(request):
        outbox.send(request)
        response = next(responses)
        expect(response.HasField("file_descriptor_response"), f"no descriptors for {request}: {response.error_response}")
        for serialized in response.file_descriptor_response.file_descriptor_proto:
            proto = descriptor_pb2.FileDescriptorProto.FromString(serialized)
            files.setdefault(proto.name, proto)

    try:
        fetch(v1.ServerReflectionRequest(file_containing_symbol=ECHO_SERVICE))
        # Ask by file name for any dependency the server did not send along.
        while missing := sorted({dep for f in files.values() for dep in f.dependency} - files.keys()):
            fetch(v1.ServerReflectionRequest(file_by_filename=missing[0]))
    finally:
        outbox.close()

    pool = descriptor_pool.DescriptorPool()
    added = set()

    def add(name):  # dependencies first
        if name not in added:
            added.add(name)
            for dependency in files[name].dependency:
                add(dependency)
            pool.Add(files[name])

    for name in files:
        add(name)
    method = pool.FindServiceByName(ECHO_SERVICE).methods_by_name["Echo"]
    factory = message_factory.MessageFactory(pool)
    request_class, response_class = factory.GetPrototype(method.input_type), factory.GetPrototype(method.output_type)
    call = channel.unary_unary(f"/{ECHO_SERVICE}/Echo", request_serializer=request_class.SerializeToString,
                               response_deserializer=response_class.FromString)
    response = call(request_class(message="discovered", payload=b"\x01\x02"), timeout=TIMEOUT_S)
    expect_eq("message", "discovered", response.message)
    expect_eq("payload", b"\x01\x02", response.payload)
    return f"{len(files)} files via reflection; dynamic Echo round trip ok"


def case_tls_unary():
    with open(args.ca, "rb") as pem:
        credentials = grpc.ssl_channel_credentials(root_certificates=pem.read())
    with grpc.secure_channel(args.tls, credentials) as tls_channel:
        response = pb.echo_grpc.EchoServiceStub(tls_channel).Echo(echo.EchoRequest(message="tls", payload=b"\x00\x01"),
                                                                  timeout=TIMEOUT_S)
    expect_eq("echo", ("tls", b"\x00\x01"), (response.message, response.payload))
    return "Echo over TLS (HTTP/2), server certificate verified against --ca"


CASES = [
    ("unary", case_unary),
    ("server_stream_10k", case_server_stream_10k),
    ("client_stream", case_client_stream),
    ("bidi_stream", case_bidi_stream),
    ("error_details_utf8", case_error_details_utf8),
    ("deadline", case_deadline),
    ("cancel_mid_stream", case_cancel_mid_stream),
    ("gzip_request", case_gzip_request),
    ("gzip_response", case_gzip_response),
    ("metadata_roundtrip", case_metadata_roundtrip),
    ("oversize_message", case_oversize_message),
    ("unknown_method", case_unknown_method),
    ("health_check", case_health_check),
    ("health_watch", case_health_watch),
    ("reflection_list", case_reflection_list),
    ("reflection_call", case_reflection_call),
    ("tls_unary", case_tls_unary),
]

if __name__ == "__main__":
    run_cases(PEER, CASES, args.only)
