"""Shared plumbing of the Python peers (grpcio_client.py, curl_client.py).

Both run under Debian's /usr/bin/python3, which has python3-grpcio, python3-grpc-tools and
python3-protobuf. Each peer defines a table of cases; run_cases() runs them one by one, each
bounded in time, and prints one JSON object per case on stdout.
"""

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import traceback

# Files compiled from --protos. Everything a peer needs; bookshelf is REST-only and not needed.
PROTO_FILES = [
    "conformance/v1/echo_service.proto",
    "google/api/annotations.proto",
    "google/api/http.proto",
    "google/rpc/status.proto",
    "google/rpc/error_details.proto",
    "grpc/health/v1/health.proto",
    "grpc/reflection/v1/reflection.proto",
    "grpc/reflection/v1alpha/reflection.proto",
]

# A case that takes longer than this is reported as failed and abandoned.
CASE_TIME_LIMIT_S = 60

# Non-ASCII on purpose: grpc-message must be percent-encoded UTF-8 and come back exactly.
UTF8_MESSAGE = "héllo ✓ wörld"
ECHO_SERVICE = "conformance.v1.EchoService"


class CaseFailure(Exception):
    """Raised by a case to fail with a precise, human-readable detail."""


def expect(condition, detail):
    if not condition:
        raise CaseFailure(detail)


def expect_eq(what, expected, got):
    if expected != got:
        raise CaseFailure(f"{what}: expected {expected!r}, got {got!r}")


def parse_args(description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--grpc", required=True, help="host:port of the h2c gRPC endpoint")
    parser.add_argument("--http", required=True, help="host:port of the HTTP/1.1 endpoint (gRPC-Web, REST)")
    parser.add_argument("--tls", required=True, help="host:port of the TLS endpoint (HTTP/2 + HTTP/1.1)")
    parser.add_argument("--ca", required=True, help="PEM certificate the TLS endpoint is trusted with")
    parser.add_argument("--protos", required=True, help="root directory of the .proto files")
    parser.add_argument("--only", default="", help="comma-separated case names to run (default: all)")
    return parser.parse_args()


def _load_by_path(name, path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Protos:
    """The _pb2 modules, generated at run time with grpc_tools.protoc from --protos.

    protoc writes grpc/health/v1/health_pb2.py under a directory named `grpc`, which would shadow
    (or be shadowed by) grpcio's own `grpc` package, so the grpc/* modules are loaded by file path
    under other names. Those files import nothing but google.protobuf, so that is safe.
    """

    def __init__(self, protos_dir):
        import grpc_tools

        out_dir = tempfile.mkdtemp(prefix="peer-pb2-")
        well_known = os.path.join(os.path.dirname(grpc_tools.__file__), "_proto")
        command = [
            sys.executable, "-m", "grpc_tools.protoc", f"-I{protos_dir}", f"-I{well_known}",
            f"--python_out={out_dir}", f"--grpc_python_out={out_dir}", *PROTO_FILES,
        ]
        subprocess.run(command, cwd=protos_dir, check=True)
        sys.path.insert(0, out_dir)

        from conformance.v1 import echo_service_pb2, echo_service_pb2_grpc
        from google.rpc import error_details_pb2, status_pb2

        self.echo = echo_service_pb2
        self.echo_grpc = echo_service_pb2_grpc
        self.status = status_pb2
        self.error_details = error_details_pb2
        self.health = _load_by_path("peer_health_pb2", os.path.join(out_dir, "grpc/health/v1/health_pb2.py"))
        self.reflection_v1 = _load_by_path("peer_reflection_v1_pb2", os.path.join(out_dir, "grpc/reflection/v1/reflection_pb2.py"))
        self.reflection_v1alpha = _load_by_path(
            "peer_reflection_v1alpha_pb2", os.path.join(out_dir, "grpc/reflection/v1alpha/reflection_pb2.py"))
        # Everything is imported now (imports are eager), so the generated files can go.
        sys.path.remove(out_dir)
        shutil.rmtree(out_dir)


def check_status_details(protos, details_bin, code, message, field):
    """Asserts grpc-status-details-bin is a google.rpc.Status with a matching BadRequest detail."""
    expect(details_bin is not None, "no grpc-status-details-bin trailer")
    status = protos.status.Status.FromString(details_bin)
    expect_eq("Status.code", code, status.code)
    expect_eq("Status.message", message, status.message)
    expect(len(status.details) >= 1, "Status.details is empty")
    bad_request = protos.error_details.BadRequest()
    expect(status.details[0].Unpack(bad_request), f"details[0] is {status.details[0].type_url}, not a BadRequest")
    expect(len(bad_request.field_violations) == 1, f"expected 1 field violation, got {len(bad_request.field_violations)}")
    violation = bad_request.field_violations[0]
    expect_eq("FieldViolation.field", field, violation.field)
    expect_eq("FieldViolation.description", message, violation.description)


def poll(fetch, done, timeout_s=5.0, interval_s=0.05):
    """Calls fetch() until done(result) or the timeout; returns the last result."""
    end = time.monotonic() + timeout_s
    while True:
        result = fetch()
        if done(result) or time.monotonic() >= end:
            return result
        time.sleep(interval_s)


def _report(peer, case, ok, detail):
    print(json.dumps({"peer": peer, "case": case, "ok": ok, "detail": detail}), flush=True)


def _describe(error):
    """One line about an unexpected error; grpc.RpcError (which has code() and details()) by its status."""
    here = os.path.dirname(os.path.abspath(__file__))
    ours = [f for f in traceback.extract_tb(error.__traceback__) if os.path.dirname(os.path.abspath(f.filename)) == here]
    line = f"{os.path.basename(ours[-1].filename)}:{ours[-1].lineno}" if ours else "?"
    if callable(getattr(error, "code", None)) and callable(getattr(error, "details", None)):
        return f"unexpected RPC failure {error.code().name}: {error.details()!r} (at {line})"
    return f"unexpected {type(error).__name__}: {error} (at {line})"


def run_cases(peer, cases, only):
    """Runs each (name, function) case; a function returns a detail string or raises."""
    wanted = {name for name in only.split(",") if name}
    for name, case in cases:
        if wanted and name not in wanted:
            continue
        outcome = {}

        def body(case=case, outcome=outcome):
            try:
                outcome["detail"] = case()
                outcome["ok"] = True
            except CaseFailure as failure:
                outcome.update(ok=False, detail=str(failure))
            except Exception as error:  # a crash inside one case fails that case only
                outcome.update(ok=False, detail=_describe(error))

        # Cases run on a daemon thread so a hung one can be abandoned after the limit.
        worker = threading.Thread(target=body, daemon=True)
        worker.start()
        worker.join(CASE_TIME_LIMIT_S)
        if worker.is_alive():
            _report(peer, name, False, f"case did not finish within {CASE_TIME_LIMIT_S} s")
        else:
            _report(peer, name, outcome["ok"], outcome["detail"])
    sys.stdout.flush()
    # An abandoned case thread may still hold a channel; do not wait for it.
    os._exit(0)
