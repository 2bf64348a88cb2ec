"""The "curl" peer's cases over HTTP/2 (h2c, and TLS): framed gRPC calls whose status, trailers
and compression flags are checked on the wire."""

import base64
import gzip
import urllib.parse
import uuid

from curl_framing import decode_binary_header, frame, parse_frames
from curl_runner import CURL_TIME_LIMIT_S, curl
from peerlib import ECHO_SERVICE, UTF8_MESSAGE, check_status_details, expect, expect_eq

ECHO_PATH = f"/{ECHO_SERVICE}"


def expect_grpc_status(response, code, what="grpc-status"):
    got = response.status_field("grpc-status")
    message = urllib.parse.unquote(response.status_field("grpc-message") or "")
    expect(got == str(code), f"{what}: expected {code}, got {got} ({message!r})")
    return message


def single_message(response, parser, what="response"):
    expect_eq(f"{what} message frames", 1, len(response.frames))
    flag, payload = response.frames[0]
    return parser.FromString(gzip.decompress(payload) if flag == 1 else payload)


class GrpcCases:
    """Cases against --grpc (h2c with prior knowledge) and --tls; pb holds the generated messages."""

    def __init__(self, args, pb):
        self.args = args
        self.pb = pb
        self.echo = pb.echo

    def call(self, method, request, *headers, url_base=None, time_limit=CURL_TIME_LIMIT_S, flag=0, payload=None):
        """A gRPC call over h2c (prior knowledge): one request frame, response frames parsed."""
        body = frame(payload if payload is not None else request.SerializeToString(), flag)
        options = ["--http2-prior-knowledge", "-H", "content-type: application/grpc", "-H", "te: trailers"]
        for header in headers:
            options += ["-H", header]
        response = curl(f"{url_base or 'http://' + self.args.grpc}{ECHO_PATH}/{method}", *options, body=body, time_limit=time_limit)
        expect_eq("HTTP status", 200, response.status)
        response.frames = parse_frames(response.body)
        return response

    def case_unary(self):
        payload = bytes(range(256)) * 4
        response = self.call("Echo", self.echo.EchoRequest(message="hello", payload=payload))
        expect((response.header("content-type") or "").startswith("application/grpc"), f"content-type {response.header('content-type')!r}")
        expect_grpc_status(response, 0)
        expect(response.trailers, "grpc-status came in headers, not HTTP/2 trailers, although a message was sent")
        reply = single_message(response, self.echo.EchoResponse)
        expect_eq("echo", ("hello", payload), (reply.message, reply.payload))
        return "framed Echo over h2c; status in HTTP/2 trailers"

    def case_error_details_utf8(self):
        response = self.call("Fail", self.echo.FailRequest(code=3, message=UTF8_MESSAGE, field="filters.and[0]"))
        raw = response.status_field("grpc-message") or ""
        expect(all(0x20 <= ord(c) <= 0x7E for c in raw), f"grpc-message is not percent-encoded ASCII: {raw!r}")
        expect_eq("percent-decoded grpc-message", UTF8_MESSAGE, expect_grpc_status(response, 3))
        details = response.status_field("grpc-status-details-bin")
        check_status_details(self.pb, decode_binary_header(details) if details else None, 3, UTF8_MESSAGE, "filters.and[0]")
        return f"grpc-status 3, grpc-message {raw!r} decodes exactly, Status+BadRequest details decoded"

    def case_gzip_request(self):
        payload = b"compressible " * 5042
        message = self.echo.EchoRequest(message="gzip", payload=payload).SerializeToString()
        compressed = gzip.compress(message)
        response = self.call("Echo", None, "grpc-encoding: gzip", flag=1, payload=compressed)
        expect_grpc_status(response, 0)
        reply = single_message(response, self.echo.EchoResponse)
        expect(reply.payload == payload, f"payload differs ({len(reply.payload)} bytes back)")
        return f"{len(message)}-byte message sent as a {len(compressed)}-byte gzip frame (flag 1), echoed intact"

    def case_gzip_response(self):
        big = self.call("Echo", self.echo.EchoRequest(message="gzip", payload=b"z" * 4096), "grpc-accept-encoding: gzip")
        expect_grpc_status(big, 0)
        expect_eq("grpc-encoding header", "gzip", big.header("grpc-encoding"))
        expect_eq("compressed flag of the 4 KiB response", 1, big.frames[0][0] if big.frames else None)
        expect_eq("4 KiB payload", b"z" * 4096, single_message(big, self.echo.EchoResponse).payload)
        small = self.call("Echo", self.echo.EchoRequest(message="tiny"), "grpc-accept-encoding: gzip")
        expect_eq("compressed flag of a tiny response", 0, small.frames[0][0] if small.frames else None)
        plain = self.call("Echo", self.echo.EchoRequest(message="gzip", payload=b"z" * 4096), "grpc-accept-encoding: identity")
        expect_eq("compressed flag when gzip is not accepted", 0, plain.frames[0][0] if plain.frames else None)
        return (f"4 KiB response gzip-framed ({len(big.frames[0][1])} bytes) with grpc-encoding: gzip; "
                "tiny response and identity-only client get flag 0")

    def case_metadata_roundtrip(self):
        binary = b"\x00\xff\x10"
        response = self.call("Echo", self.echo.EchoRequest(message="md"), "x-echo-text: abc",
                             f"x-echo-bin: {base64.b64encode(binary).decode()}")
        expect_grpc_status(response, 0)
        expect_eq("header x-echo-text", "abc", response.header("x-echo-text"))
        expect_eq("header x-echo-bin", binary, decode_binary_header(response.header("x-echo-bin") or ""))
        expect_eq("trailer x-trailer-echo-text", ["abc"], response.trailers.get("x-trailer-echo-text"))
        trailer_bin = response.trailers.get("x-trailer-echo-bin", [""])[0]
        expect_eq("trailer x-trailer-echo-bin", binary, decode_binary_header(trailer_bin))
        return f"headers and trailers echoed; x-echo-bin on the wire: {response.header('x-echo-bin')!r}"

    def case_unknown_method(self):
        details = []
        # An empty body (END_STREAM on the request HEADERS): with a body the server may answer before
        # reading it and reset the upload with RST_STREAM(NO_ERROR), which RFC 9113 8.1 allows but
        # curl 7.88 reports as error 92 and discards the response.
        for path in (f"{ECHO_PATH}/Nope", "/nope.v1.Nope/X"):
            response = curl(f"http://{self.args.grpc}{path}", "--http2-prior-knowledge", "-H", "content-type: application/grpc",
                            "-H", "te: trailers", body=b"")
            expect_eq(f"{path} HTTP status", 200, response.status)
            details.append(expect_grpc_status(response, 12, path))
        return f"grpc-status 12 for both ({details[1]!r})"

    def case_tls_unary(self):
        response = self.call("Echo", self.echo.EchoRequest(message="tls", payload=b"\x00\x01"), url_base=f"https://{self.args.tls}")
        expect_eq("HTTP version", "HTTP/2", response.http_version)
        expect_grpc_status(response, 0)
        reply = single_message(response, self.echo.EchoResponse)
        expect_eq("echo", ("tls", b"\x00\x01"), (reply.message, reply.payload))
        return "gRPC over TLS, ALPN h2, certificate verified against --ca"

    def case_server_deadline(self):
        # curl never resets the stream, so only the server can end these calls. Several calls, since
        # each is a fresh race between the server's deadline timer and its own clock.
        outcomes = []
        for attempt in range(10):
            call_id = f"curl-server-deadline-{uuid.uuid4()}"
            response = self.call("Slow", self.echo.SlowRequest(delay_ms=10000, call_id=call_id), "grpc-timeout: 200m", time_limit=8)
            expect(response.elapsed_s < 3, f"call {attempt}: the server took {response.elapsed_s:.2f} s to end a 200 ms call")
            expect_grpc_status(response, 4, f"call {attempt} (ended after {response.elapsed_s:.3f} s)")
            report = self.call("GetCallReport", self.echo.GetCallReportRequest(call_id=call_id))
            outcome = self.echo.GetCallReportResponse.Outcome.Name(single_message(report, self.echo.GetCallReportResponse).outcome)
            expect_eq(f"call {attempt}: server-side outcome", "OUTCOME_DEADLINE_EXCEEDED", outcome)
            outcomes.append(response.elapsed_s)
        return f"10/10 calls ended by the server with grpc-status 4 after {min(outcomes):.2f}-{max(outcomes):.2f} s, recorded as DEADLINE_EXCEEDED"
