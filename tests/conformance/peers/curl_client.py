#!/usr/bin/python3
"""Conformance peer "curl": the curl binary speaking gRPC, gRPC-Web and REST byte by byte.

Everything on the wire is built here by hand (5-byte message frames, gzip, base64 text mode, the
0x80 trailer frame); curl only moves the bytes, so nothing hides what the server really sent.
The _pb2 modules (generated at run time) only encode and decode message bodies.
Run with /usr/bin/python3; see ../README.md for the flags.
"""

import base64
import gzip
import json
import os
import re
import struct
import subprocess
import tempfile
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field

from peerlib import CaseFailure, Protos, check_status_details, expect, expect_eq, parse_args, run_cases

PEER = "curl"
UTF8_MESSAGE = "héllo ✓ wörld"
ECHO_PATH = "/conformance.v1.EchoService"
CURL_TIME_LIMIT_S = 20

args = parse_args(__doc__)
pb = Protos(args.protos)
echo = pb.echo
# Every curl run trusts --ca, so https:// URLs work without per-call options.
os.environ["CURL_CA_BUNDLE"] = args.ca


@dataclass
class Response:
    status: int
    http_version: str
    headers: dict  # lower-case name -> list of values
    trailers: dict  # HTTP/2 trailers, same shape (empty over HTTP/1.1)
    body: bytes
    elapsed_s: float
    frames: list = field(default_factory=list)  # (flag, payload) once parsed

    def header(self, name):
        values = self.headers.get(name, [])
        return values[0] if values else None

    def status_field(self, name):
        """A gRPC status field: from the trailers, or from the headers of a Trailers-Only answer."""
        values = self.trailers.get(name) or self.headers.get(name) or []
        return values[0] if values else None


def _parse_header_block(lines):
    block = {}
    for line in lines:
        name, _, value = line.partition(":")
        block.setdefault(name.strip().lower(), []).append(value.strip())
    return block


def curl(url, *options, body=None, time_limit=CURL_TIME_LIMIT_S):
    """Runs curl once; returns a Response with the status line, headers, trailers and body."""
    with tempfile.TemporaryDirectory() as scratch:
        header_file, body_file = os.path.join(scratch, "headers"), os.path.join(scratch, "body")
        command = ["curl", "-sS", "--max-time", str(time_limit), "-D", header_file, "-o", body_file, "-H", "Expect:", *options]
        if body is not None:
            command += ["--data-binary", "@-"]
        started = time.monotonic()
        result = subprocess.run([*command, url], input=body, capture_output=True, timeout=time_limit + 10)
        elapsed = time.monotonic() - started
        expect(result.returncode == 0, f"curl exited {result.returncode}: {result.stderr.decode(errors='replace').strip()}")
        with open(header_file, "rb") as f:
            raw = f.read().decode("latin-1")
        payload = b""
        if os.path.exists(body_file):  # curl creates it only once a body byte arrives
            with open(body_file, "rb") as f:
                payload = f.read()
    # -D writes each response block (1xx ones too), then HTTP/2 trailers as a last block.
    blocks = [b.split("\r\n") for b in raw.split("\r\n\r\n") if b.strip()]
    while blocks and re.match(r"HTTP/\S+ 1\d\d", blocks[0][0]):
        blocks.pop(0)
    status_line = blocks[0][0].split()
    trailers = _parse_header_block(blocks[1]) if len(blocks) > 1 else {}
    return Response(int(status_line[1]), status_line[0], _parse_header_block(blocks[0][1:]), trailers, payload, elapsed)


# ---- gRPC framing -------------------------------------------------------------------------------

def frame(message_bytes, flag=0):
    return struct.pack(">BI", flag, len(message_bytes)) + message_bytes


def parse_frames(data):
    """Splits a body into (flag, payload) frames; fails on a truncated frame."""
    frames, offset = [], 0
    while offset < len(data):
        expect(len(data) - offset >= 5, f"truncated frame header at byte {offset} of {len(data)}")
        flag, length = struct.unpack_from(">BI", data, offset)
        expect(len(data) - offset - 5 >= length, f"frame at byte {offset} claims {length} bytes, only {len(data) - offset - 5} left")
        frames.append((flag, data[offset + 5:offset + 5 + length]))
        offset += 5 + length
    return frames


def decode_binary_header(value):
    """-bin metadata is base64, padded or not."""
    return base64.b64decode(value + "=" * (-len(value) % 4))


def grpc_call(method, request, *headers, url_base=None, time_limit=CURL_TIME_LIMIT_S, flag=0, payload=None):
    """A gRPC call over h2c (prior knowledge): one request frame, response frames parsed."""
    body = frame(payload if payload is not None else request.SerializeToString(), flag)
    options = ["--http2-prior-knowledge", "-H", "content-type: application/grpc", "-H", "te: trailers"]
    for header in headers:
        options += ["-H", header]
    response = curl(f"{url_base or 'http://' + args.grpc}{ECHO_PATH}/{method}", *options, body=body, time_limit=time_limit)
    expect_eq("HTTP status", 200, response.status)
    response.frames = parse_frames(response.body)
    return response


def expect_grpc_status(response, code, what="grpc-status"):
    got = response.status_field("grpc-status")
    message = urllib.parse.unquote(response.status_field("grpc-message") or "")
    expect(got == str(code), f"{what}: expected {code}, got {got} ({message!r})")
    return message


def single_message(response, parser, what="response"):
    expect_eq(f"{what} message frames", 1, len(response.frames))
    flag, payload = response.frames[0]
    return parser.FromString(gzip.decompress(payload) if flag == 1 else payload)


# ---- gRPC-Web -----------------------------------------------------------------------------------

def web_call(path, request, text=False):
    """A gRPC-Web call over HTTP/1.1; returns the response with its frames decoded (text mode too).
    path is a method of EchoService, or a full path; request a message or its serialized bytes."""
    content_type = "application/grpc-web-text" if text else "application/grpc-web+proto"
    body = frame(request if isinstance(request, bytes) else request.SerializeToString())
    url = f"http://{args.http}{path if path.startswith('/') else f'{ECHO_PATH}/{path}'}"
    response = curl(url, "--http1.1", "-H", f"content-type: {content_type}",
                    "-H", f"accept: {content_type}", "-H", "x-grpc-web: 1", body=base64.b64encode(body) if text else body)
    expect_eq("HTTP status", 200, response.status)
    expect(response.http_version == "HTTP/1.1", f"answered over {response.http_version}")
    expect((response.header("content-type") or "").startswith(content_type.split("+")[0]),
           f"content-type {response.header('content-type')!r}, expected {content_type}")
    data = response.body
    if text:
        # Each flushed piece is base64 with its own padding, so decode piece by piece.
        expect(re.fullmatch(rb"[A-Za-z0-9+/=]*", data) is not None, f"non-base64 bytes in the text body: {data[:60]!r}")
        data = b"".join(base64.b64decode(piece) for piece in re.findall(rb"[^=]+=*", data))
    response.frames = parse_frames(data)
    return response


def web_trailers(response):
    """The 0x80 trailer frame, which must come last, as a dict of lower-case names."""
    expect(response.frames and response.frames[-1][0] & 0x80, f"last frame is not a trailer frame: flags {[f for f, _ in response.frames]}")
    expect(all(not flag & 0x80 for flag, _ in response.frames[:-1]), "a trailer frame before the last frame")
    lines = response.frames[-1][1].decode("ascii").split("\r\n")
    expect(lines[-1] == "", f"trailer block does not end with CRLF: {response.frames[-1][1]!r}")
    return {name: values[0] for name, values in _parse_header_block([line for line in lines if line]).items()}


# ---- cases --------------------------------------------------------------------------------------

def case_unary():
    payload = bytes(range(256)) * 4
    response = grpc_call("Echo", echo.EchoRequest(message="hello", payload=payload))
    expect((response.header("content-type") or "").startswith("application/grpc"), f"content-type {response.header('content-type')!r}")
    expect_grpc_status(response, 0)
    expect(response.trailers, "grpc-status came in headers, not HTTP/2 trailers, although a message was sent")
    reply = single_message(response, echo.EchoResponse)
    expect_eq("echo", ("hello", payload), (reply.message, reply.payload))
    return "framed Echo over h2c; status in HTTP/2 trailers"


def case_error_details_utf8():
    response = grpc_call("Fail", echo.FailRequest(code=3, message=UTF8_MESSAGE, field="filters.and[0]"))
    raw = response.status_field("grpc-message") or ""
    expect(all(0x20 <= ord(c) <= 0x7E for c in raw), f"grpc-message is not percent-encoded ASCII: {raw!r}")
    expect_eq("percent-decoded grpc-message", UTF8_MESSAGE, expect_grpc_status(response, 3))
    details = response.status_field("grpc-status-details-bin")
    check_status_details(pb, decode_binary_header(details) if details else None, 3, UTF8_MESSAGE, "filters.and[0]")
    return f"grpc-status 3, grpc-message {raw!r} decodes exactly, Status+BadRequest details decoded"


def case_gzip_request():
    payload = b"compressible " * 5042
    message = echo.EchoRequest(message="gzip", payload=payload).SerializeToString()
    compressed = gzip.compress(message)
    response = grpc_call("Echo", None, "grpc-encoding: gzip", flag=1, payload=compressed)
    expect_grpc_status(response, 0)
    reply = single_message(response, echo.EchoResponse)
    expect(reply.payload == payload, f"payload differs ({len(reply.payload)} bytes back)")
    return f"{len(message)}-byte message sent as a {len(compressed)}-byte gzip frame (flag 1), echoed intact"


def case_gzip_response():
    big = grpc_call("Echo", echo.EchoRequest(message="gzip", payload=b"z" * 4096), "grpc-accept-encoding: gzip")
    expect_grpc_status(big, 0)
    expect_eq("grpc-encoding header", "gzip", big.header("grpc-encoding"))
    expect_eq("compressed flag of the 4 KiB response", 1, big.frames[0][0] if big.frames else None)
    expect_eq("4 KiB payload", b"z" * 4096, single_message(big, echo.EchoResponse).payload)
    small = grpc_call("Echo", echo.EchoRequest(message="tiny"), "grpc-accept-encoding: gzip")
    expect_eq("compressed flag of a tiny response", 0, small.frames[0][0] if small.frames else None)
    plain = grpc_call("Echo", echo.EchoRequest(message="gzip", payload=b"z" * 4096), "grpc-accept-encoding: identity")
    expect_eq("compressed flag when gzip is not accepted", 0, plain.frames[0][0] if plain.frames else None)
    return (f"4 KiB response gzip-framed ({len(big.frames[0][1])} bytes) with grpc-encoding: gzip; "
            "tiny response and identity-only client get flag 0")


def case_metadata_roundtrip():
    binary = b"\x00\xff\x10"
    response = grpc_call("Echo", echo.EchoRequest(message="md"), "x-echo-text: abc",
                         f"x-echo-bin: {base64.b64encode(binary).decode()}")
    expect_grpc_status(response, 0)
    expect_eq("header x-echo-text", "abc", response.header("x-echo-text"))
    expect_eq("header x-echo-bin", binary, decode_binary_header(response.header("x-echo-bin") or ""))
    expect_eq("trailer x-trailer-echo-text", ["abc"], response.trailers.get("x-trailer-echo-text"))
    trailer_bin = response.trailers.get("x-trailer-echo-bin", [""])[0]
    expect_eq("trailer x-trailer-echo-bin", binary, decode_binary_header(trailer_bin))
    return f"headers and trailers echoed; x-echo-bin on the wire: {response.header('x-echo-bin')!r}"


def case_oversize_message():
    # Over gRPC-Web on HTTP/1.1: over h2c curl 7.88 discards a response followed by
    # RST_STREAM(NO_ERROR), which is how servers reject an upload they will not read. Over HTTP/1.1
    # the server must drain the rest of the body, or announce "Connection: close"; closing the
    # socket mid-upload makes the client fail with a broken pipe instead of RESOURCE_EXHAUSTED.
    oversize = echo.EchoRequest(payload=bytes(5 * 1024 * 1024)).SerializeToString()
    # Control: a method the server does not have never touches the body, and Kestrel drains it.
    control = web_call("/nope.v1.Nope/X", oversize)
    expect_eq("control: 5 MiB to an unknown method, trailer grpc-status", "12", web_trailers(control).get("grpc-status"))
    try:
        response = web_call("Echo", oversize)
    except CaseFailure as failure:
        raise CaseFailure(f"5 MiB Echo: {failure} (the same body to an unknown method completed cleanly)") from None
    trailers = web_trailers(response)
    expect_eq("trailer grpc-status", "8", trailers.get("grpc-status"))
    return f"gRPC-Web: trailer grpc-status 8, upload completed cleanly: {urllib.parse.unquote(trailers.get('grpc-message', ''))}"


def case_unknown_method():
    details = []
    # An empty body (END_STREAM on the request HEADERS): with a body the server may answer before
    # reading it and reset the upload with RST_STREAM(NO_ERROR), which RFC 9113 8.1 allows but
    # curl 7.88 reports as error 92 and discards the response.
    for path in (f"{ECHO_PATH}/Nope", "/nope.v1.Nope/X"):
        response = curl(f"http://{args.grpc}{path}", "--http2-prior-knowledge", "-H", "content-type: application/grpc",
                        "-H", "te: trailers", body=b"")
        expect_eq(f"{path} HTTP status", 200, response.status)
        details.append(expect_grpc_status(response, 12, path))
    return f"grpc-status 12 for both ({details[1]!r})"


def case_tls_unary():
    response = grpc_call("Echo", echo.EchoRequest(message="tls", payload=b"\x00\x01"), url_base=f"https://{args.tls}")
    expect_eq("HTTP version", "HTTP/2", response.http_version)
    expect_grpc_status(response, 0)
    reply = single_message(response, echo.EchoResponse)
    expect_eq("echo", ("tls", b"\x00\x01"), (reply.message, reply.payload))
    return "gRPC over TLS, ALPN h2, certificate verified against --ca"


def case_grpc_web_binary():
    response = web_call("Echo", echo.EchoRequest(message="web", payload=b"\x00\xff"))
    trailers = web_trailers(response)
    expect_eq("trailer grpc-status", "0", trailers.get("grpc-status"))
    expect_eq("data frames", 1, len(response.frames) - 1)
    reply = echo.EchoResponse.FromString(response.frames[0][1])
    expect_eq("echo", ("web", b"\x00\xff"), (reply.message, reply.payload))
    stream = web_call("ServerStream", echo.ServerStreamRequest(count=3, payload_size=2))
    expect_eq("stream trailer grpc-status", "0", web_trailers(stream).get("grpc-status"))
    indexes = [echo.ServerStreamResponse.FromString(p).index for _, p in stream.frames[:-1]]
    expect_eq("stream indexes", [0, 1, 2], indexes)
    return "unary and 3-message stream over HTTP/1.1, each ending in a 0x80 frame with grpc-status: 0"


def case_grpc_web_text():
    response = web_call("Echo", echo.EchoRequest(message="text", payload=b"\x00\xff\x10"), text=True)
    expect_eq("trailer grpc-status", "0", web_trailers(response).get("grpc-status"))
    reply = echo.EchoResponse.FromString(response.frames[0][1])
    expect_eq("echo", ("text", b"\x00\xff\x10"), (reply.message, reply.payload))
    stream = web_call("ServerStream", echo.ServerStreamRequest(count=3, payload_size=2), text=True)
    expect_eq("stream trailer grpc-status", "0", web_trailers(stream).get("grpc-status"))
    indexes = [echo.ServerStreamResponse.FromString(p).index for _, p in stream.frames[:-1]]
    expect_eq("stream indexes", [0, 1, 2], indexes)
    pieces = len(re.findall(rb"[^=]+=*", stream.body))
    return f"base64 request; unary and 3-message stream decoded ({pieces} base64 pieces in the stream body)"


def case_grpc_web_error():
    response = web_call("Fail", echo.FailRequest(code=3, message=UTF8_MESSAGE, field="filters.and[0]"))
    trailers = web_trailers(response)
    expect_eq("data frames", 0, len(response.frames) - 1)
    expect_eq("trailer grpc-status", "3", trailers.get("grpc-status"))
    expect_eq("percent-decoded trailer grpc-message", UTF8_MESSAGE, urllib.parse.unquote(trailers.get("grpc-message", "")))
    details = trailers.get("grpc-status-details-bin")
    check_status_details(pb, decode_binary_header(details) if details else None, 3, UTF8_MESSAGE, "filters.and[0]")
    return f"trailer frame: grpc-status 3, grpc-message {trailers.get('grpc-message')!r}, details decoded"


def case_wrong_content_type():
    response = curl(f"http://{args.http}{ECHO_PATH}/Echo", "-H", "content-type: text/plain", body=b"hello")
    expect_eq("HTTP status", 415, response.status)
    return "POST text/plain -> 415"


def case_grpc_over_http1():
    response = curl(f"http://{args.http}{ECHO_PATH}/Echo", "--http1.1", "-H", "content-type: application/grpc",
                    body=frame(echo.EchoRequest(message="x").SerializeToString()))
    expect_eq("HTTP status", 426, response.status)
    return f"application/grpc over HTTP/1.1 -> 426 (Upgrade: {response.header('upgrade')})"


def case_server_deadline():
    # curl never resets the stream, so only the server can end these calls. Several calls, since
    # each is a fresh race between the server's deadline timer and its own clock.
    outcomes = []
    for attempt in range(10):
        call_id = f"curl-server-deadline-{uuid.uuid4()}"
        response = grpc_call("Slow", echo.SlowRequest(delay_ms=10000, call_id=call_id), "grpc-timeout: 200m", time_limit=8)
        expect(response.elapsed_s < 3, f"call {attempt}: the server took {response.elapsed_s:.2f} s to end a 200 ms call")
        expect_grpc_status(response, 4, f"call {attempt} (ended after {response.elapsed_s:.3f} s)")
        report = grpc_call("GetCallReport", echo.GetCallReportRequest(call_id=call_id))
        outcome = echo.GetCallReportResponse.Outcome.Name(single_message(report, echo.GetCallReportResponse).outcome)
        expect_eq(f"call {attempt}: server-side outcome", "OUTCOME_DEADLINE_EXCEEDED", outcome)
        outcomes.append(response.elapsed_s)
    return f"10/10 calls ended by the server with grpc-status 4 after {min(outcomes):.2f}-{max(outcomes):.2f} s, recorded as DEADLINE_EXCEEDED"


def rest(method, path, body=None):
    options = ["--http1.1", "-X", method]
    if body is not None:
        options += ["-H", "content-type: application/json"]
    response = curl(f"http://{args.http}{path}", *options, body=None if body is None else json.dumps(body).encode())
    return response


def rest_json(method, path, body=None, status=200):
    response = rest(method, path, body)
    expect_eq(f"{method} {path} HTTP status", status, response.status)
    return json.loads(response.body)


def case_rest_transcoding():
    book = rest_json("GET", "/v1/shelves/1/books/1")
    expect_eq("GetBook bare body", ("shelves/1/books/1", "Dune"), (book.get("name"), book.get("title")))
    listed = rest_json("GET", "/v1/shelves/1/books?authors=Frank%20Herbert")
    expect_eq("ListBooks", (1, ["Dune"]), (listed.get("totalSize"), [b.get("title") for b in listed.get("books", [])]))
    found = rest_json("GET", "/v1/books:search?tags=classic")
    expect(isinstance(found, list), f"SearchBooks: expected a bare JSON array, got {found!r}")
    expect_eq("SearchBooks names", ["shelves/1/books/1", "shelves/2/books/1"], [b.get("name") for b in found])
    expect_eq("int64 as a JSON string", "5000000000", found[1].get("copies"))
    expect_eq("GetFile path", "a/b/c.txt", rest_json("GET", "/v1/files/a/b/c.txt").get("path"))
    posted = rest_json("POST", "/v1/echo", {"message": "hi", "payload": "AAH/", "unknownField": {"x": 1}})
    expect_eq("POST /v1/echo (unknown field ignored)", ("hi", "AAH/"), (posted.get("message"), posted.get("payload")))
    expect_eq("GET /v1/echo/hello", "hello", rest_json("GET", "/v1/echo/hello").get("message"))

    stream = rest("GET", "/v1/stream?count=3")
    expect_eq("stream HTTP status", 200, stream.status)
    expect((stream.header("content-type") or "").startswith("application/x-ndjson"), f"stream content-type {stream.header('content-type')!r}")
    lines = [json.loads(line) for line in stream.body.decode().splitlines() if line.strip()]
    expect_eq("stream indexes", [0, 1, 2], [line.get("index", 0) for line in lines])
    failing = rest("GET", "/v1/stream?count=5&failAfter=2")
    lines = [json.loads(line) for line in failing.body.decode().splitlines() if line.strip()]
    expect_eq("failing stream: lines", 3, len(lines))
    expect_eq("failing stream: final line code", 13, lines[-1].get("code"))

    failure = rest_json("POST", "/v1/fail", {"code": 5, "message": UTF8_MESSAGE, "field": "f"}, status=404)
    expect_eq("fail body code/message", (5, UTF8_MESSAGE), (failure.get("code"), failure.get("message")))
    detail = (failure.get("details") or [{}])[0]
    expect_eq("fail body detail", ("type.googleapis.com/google.rpc.BadRequest", [{"field": "f", "description": UTF8_MESSAGE}]),
              (detail.get("@type"), detail.get("fieldViolations")))
    return "GetBook, ListBooks, SearchBooks, GetFile, POST/GET echo, ndjson streams, 404 google.rpc.Status all as expected"


CASES = [
    ("unary", case_unary),
    ("error_details_utf8", case_error_details_utf8),
    ("gzip_request", case_gzip_request),
    ("gzip_response", case_gzip_response),
    ("metadata_roundtrip", case_metadata_roundtrip),
    ("oversize_message", case_oversize_message),
    ("unknown_method", case_unknown_method),
    ("tls_unary", case_tls_unary),
    ("grpc_web_binary", case_grpc_web_binary),
    ("grpc_web_text", case_grpc_web_text),
    ("grpc_web_error", case_grpc_web_error),
    ("wrong_content_type", case_wrong_content_type),
    ("grpc_over_http1", case_grpc_over_http1),
    ("server_deadline", case_server_deadline),
    ("rest_transcoding", case_rest_transcoding),
]

if __name__ == "__main__":
    run_cases(PEER, CASES, args.only)
