"""gRPC message framing, built and parsed by hand for the "curl" peer: 5-byte frame headers (flag,
big-endian length), and -bin metadata values."""

import base64
import struct

from peerlib import expect


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
