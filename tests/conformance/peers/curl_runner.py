"""Runs the curl binary once per request and reads back exactly what the server sent: the status
line, headers, HTTP/2 trailers and the raw body bytes. Used by the "curl" peer (curl_client.py)."""

import os
import re
import subprocess
import tempfile
import time
from dataclasses import dataclass, field

from peerlib import expect

CURL_TIME_LIMIT_S = 20


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


def parse_header_block(lines):
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
    trailers = parse_header_block(blocks[1]) if len(blocks) > 1 else {}
    return Response(int(status_line[1]), status_line[0], parse_header_block(blocks[0][1:]), trailers, payload, elapsed)
