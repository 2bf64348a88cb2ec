"""The "curl" peer's cases on the HTTP/1.1 port: gRPC-Web in binary and base64 text mode, with the
0x80 trailer frame, and the answers to requests that are not gRPC-Web (415, 426)."""

import base64
import re
import urllib.parse

from curl_framing import decode_binary_header, frame, parse_frames
from curl_runner import curl, parse_header_block
from peerlib import ECHO_SERVICE, UTF8_MESSAGE, CaseFailure, check_status_details, expect, expect_eq

ECHO_PATH = f"/{ECHO_SERVICE}"


def web_trailers(response):
    """The 0x80 trailer frame, which must come last, as a dict of lower-case names."""
    expect(response.frames and response.frames[-1][0] & 0x80, f"last frame is not a trailer frame: flags {[f for f, _ in response.frames]}")
    expect(all(not flag & 0x80 for flag, _ in response.frames[:-1]), "a trailer frame before the last frame")
    lines = response.frames[-1][1].decode("ascii").split("\r\n")
    expect(lines[-1] == "", f"trailer block does not end with CRLF: {response.frames[-1][1]!r}")
    return {name: values[0] for name, values in parse_header_block([line for line in lines if line]).items()}


class GrpcWebCases:
    """Cases against --http (HTTP/1.1); pb holds the generated messages."""

    def __init__(self, args, pb):
        self.args = args
        self.pb = pb
        self.echo = pb.echo

    def call(self, path, request, text=False):
        """A gRPC-Web call over HTTP/1.1; returns the response with its frames decoded (text mode too).
        path is a method of EchoService, or a full path; request a message or its serialized bytes."""
        content_type = "application/grpc-web-text" if text else "application/grpc-web+proto"
        body = frame(request if isinstance(request, bytes) else request.SerializeToString())
        url = f"http://{self.args.http}{path if path.startswith('/') else f'{ECHO_PATH}/{path}'}"
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

    def case_oversize_message(self):
        # Over gRPC-Web on HTTP/1.1: over h2c curl 7.88 discards a response followed by
        # RST_STREAM(NO_ERROR), which is how servers reject an upload they will not read. Over HTTP/1.1
        # the server must drain the rest of the body, or announce "Connection: close"; closing the
        # socket mid-upload makes the client fail with a broken pipe instead of RESOURCE_EXHAUSTED.
        oversize = self.echo.EchoRequest(payload=bytes(5 * 1024 * 1024)).SerializeToString()
        # Control: a method the server does not have never touches the body, and Kestrel drains it.
        control = self.call("/nope.v1.Nope/X", oversize)
        expect_eq("control: 5 MiB to an unknown method, trailer grpc-status", "12", web_trailers(control).get("grpc-status"))
        try:
            response = self.call("Echo", oversize)
        except CaseFailure as failure:
            raise CaseFailure(f"5 MiB Echo: {failure} (the same body to an unknown method completed cleanly)") from None
        trailers = web_trailers(response)
        expect_eq("trailer grpc-status", "8", trailers.get("grpc-status"))
        return f"gRPC-Web: trailer grpc-status 8, upload completed cleanly: {urllib.parse.unquote(trailers.get('grpc-message', ''))}"

    def case_grpc_web_binary(self):
        response = self.call("Echo", self.echo.EchoRequest(message="web", payload=b"\x00\xff"))
        trailers = web_trailers(response)
        expect_eq("trailer grpc-status", "0", trailers.get("grpc-status"))
        expect_eq("data frames", 1, len(response.frames) - 1)
        reply = self.echo.EchoResponse.FromString(response.frames[0][1])
        expect_eq("echo", ("web", b"\x00\xff"), (reply.message, reply.payload))
        stream = self.call("ServerStream", self.echo.ServerStreamRequest(count=3, payload_size=2))
        expect_eq("stream trailer grpc-status", "0", web_trailers(stream).get("grpc-status"))
        indexes = [self.echo.ServerStreamResponse.FromString(p).index for _, p in stream.frames[:-1]]
        expect_eq("stream indexes", [0, 1, 2], indexes)
        return "unary and 3-message stream over HTTP/1.1, each ending in a 0x80 frame with grpc-status: 0"

    def case_grpc_web_text(self):
        response = self.call("Echo", self.echo.EchoRequest(message="text", payload=b"\x00\xff\x10"), text=True)
        expect_eq("trailer grpc-status", "0", web_trailers(response).get("grpc-status"))
        reply = self.echo.EchoResponse.FromString(response.frames[0][1])
        expect_eq("echo", ("text", b"\x00\xff\x10"), (reply.message, reply.payload))
        stream = self.call("ServerStream", self.echo.ServerStreamRequest(count=3, payload_size=2), text=True)
        expect_eq("stream trailer grpc-status", "0", web_trailers(stream).get("grpc-status"))
        indexes = [self.echo.ServerStreamResponse.FromString(p).index for _, p in stream.frames[:-1]]
        expect_eq("stream indexes", [0, 1, 2], indexes)
        pieces = len(re.findall(rb"[^=]+=*", stream.body))
        return f"base64 request; unary and 3-message stream decoded ({pieces} base64 pieces in the stream body)"

    def case_grpc_web_error(self):
        response = self.call("Fail", self.echo.FailRequest(code=3, message=UTF8_MESSAGE, field="filters.and[0]"))
        trailers = web_trailers(response)
        expect_eq("data frames", 0, len(response.frames) - 1)
        expect_eq("trailer grpc-status", "3", trailers.get("grpc-status"))
        expect_eq("percent-decoded trailer grpc-message", UTF8_MESSAGE, urllib.parse.unquote(trailers.get("grpc-message", "")))
        details = trailers.get("grpc-status-details-bin")
        check_status_details(self.pb, decode_binary_header(details) if details else None, 3, UTF8_MESSAGE, "filters.and[0]")
        return f"trailer frame: grpc-status 3, grpc-message {trailers.get('grpc-message')!r}, details decoded"

    def case_wrong_content_type(self):
        response = curl(f"http://{self.args.http}{ECHO_PATH}/Echo", "-H", "content-type: text/plain", body=b"hello")
        expect_eq("HTTP status", 415, response.status)
        return "POST text/plain -> 415"

    def case_grpc_over_http1(self):
        response = curl(f"http://{self.args.http}{ECHO_PATH}/Echo", "--http1.1", "-H", "content-type: application/grpc",
                        body=frame(self.echo.EchoRequest(message="x").SerializeToString()))
        expect_eq("HTTP status", 426, response.status)
        return f"application/grpc over HTTP/1.1 -> 426 (Upgrade: {response.header('upgrade')})"
