#!/usr/bin/python3
"""Conformance peer "curl": the curl binary speaking gRPC, gRPC-Web and REST byte by byte.

Everything on the wire is built here by hand (5-byte message frames, gzip, base64 text mode, the
0x80 trailer frame); curl only moves the bytes, so nothing hides what the server really sent.
The _pb2 modules (generated at run time) only encode and decode message bodies.
The cases live in curl_grpc_cases.py (HTTP/2), curl_web_cases.py (gRPC-Web and the HTTP/1.1
port) and curl_rest_cases.py; curl_runner.py runs curl, curl_framing.py builds the frames.
Run with /usr/bin/python3; see ../README.md for the flags.
"""

import os

from curl_grpc_cases import GrpcCases
from curl_rest_cases import RestCases
from curl_web_cases import GrpcWebCases
from peerlib import Protos, parse_args, run_cases

PEER = "curl"

args = parse_args(__doc__)
pb = Protos(args.protos)
# Every curl run trusts --ca, so https:// URLs work without per-call options.
os.environ["CURL_CA_BUNDLE"] = args.ca

grpc = GrpcCases(args, pb)
web = GrpcWebCases(args, pb)
rest = RestCases(args)

CASES = [
    ("unary", grpc.case_unary),
    ("error_details_utf8", grpc.case_error_details_utf8),
    ("gzip_request", grpc.case_gzip_request),
    ("gzip_response", grpc.case_gzip_response),
    ("metadata_roundtrip", grpc.case_metadata_roundtrip),
    ("oversize_message", web.case_oversize_message),
    ("unknown_method", grpc.case_unknown_method),
    ("tls_unary", grpc.case_tls_unary),
    ("grpc_web_binary", web.case_grpc_web_binary),
    ("grpc_web_text", web.case_grpc_web_text),
    ("grpc_web_error", web.case_grpc_web_error),
    ("wrong_content_type", web.case_wrong_content_type),
    ("grpc_over_http1", web.case_grpc_over_http1),
    ("server_deadline", grpc.case_server_deadline),
    ("rest_transcoding", rest.case_rest_transcoding),
]

if __name__ == "__main__":
    run_cases(PEER, CASES, args.only)
