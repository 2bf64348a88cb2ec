"""The "curl" peer's REST case: the JSON/REST routes transcoded to BookshelfService and
EchoService, on the HTTP/1.1 port."""

import json

from curl_runner import curl
from peerlib import UTF8_MESSAGE, expect, expect_eq


class RestCases:
    """Cases against --http (HTTP/1.1) with plain JSON bodies."""

    def __init__(self, args):
        self.args = args

    def rest(self, method, path, body=None):
        """One HTTP/1.1 request, with a JSON body when one is given."""
        options = ["--http1.1", "-X", method]
        if body is not None:
            options += ["-H", "content-type: application/json"]
        response = curl(f"http://{self.args.http}{path}", *options, body=None if body is None else json.dumps(body).encode())
        return response

    def rest_json(self, method, path, body=None, status=200):
        """The JSON answer to a request, after checking its HTTP status."""
        response = self.rest(method, path, body)
        expect_eq(f"{method} {path} HTTP status", status, response.status)
        return json.loads(response.body)

    def case_rest_transcoding(self):
        book = self.rest_json("GET", "/v1/shelves/1/books/1")
        expect_eq("GetBook bare body", ("shelves/1/books/1", "Dune"), (book.get("name"), book.get("title")))
        listed = self.rest_json("GET", "/v1/shelves/1/books?authors=Frank%20Herbert")
        expect_eq("ListBooks", (1, ["Dune"]), (listed.get("totalSize"), [b.get("title") for b in listed.get("books", [])]))
        found = self.rest_json("GET", "/v1/books:search?tags=classic")
        expect(isinstance(found, list), f"SearchBooks: expected a bare JSON array, got {found!r}")
        expect_eq("SearchBooks names", ["shelves/1/books/1", "shelves/2/books/1"], [b.get("name") for b in found])
        expect_eq("int64 as a JSON string", "5000000000", found[1].get("copies"))
        expect_eq("GetFile path", "a/b/c.txt", self.rest_json("GET", "/v1/files/a/b/c.txt").get("path"))
        posted = self.rest_json("POST", "/v1/echo", {"message": "hi", "payload": "AAH/", "unknownField": {"x": 1}})
        expect_eq("POST /v1/echo (unknown field ignored)", ("hi", "AAH/"), (posted.get("message"), posted.get("payload")))
        expect_eq("GET /v1/echo/hello", "hello", self.rest_json("GET", "/v1/echo/hello").get("message"))

        stream = self.rest("GET", "/v1/stream?count=3")
        expect_eq("stream HTTP status", 200, stream.status)
        expect((stream.header("content-type") or "").startswith("application/x-ndjson"), f"stream content-type {stream.header('content-type')!r}")
        lines = [json.loads(line) for line in stream.body.decode().splitlines() if line.strip()]
        expect_eq("stream indexes", [0, 1, 2], [line.get("index", 0) for line in lines])
        failing = self.rest("GET", "/v1/stream?count=5&failAfter=2")
        lines = [json.loads(line) for line in failing.body.decode().splitlines() if line.strip()]
        expect_eq("failing stream: lines", 3, len(lines))
        expect_eq("failing stream: final line code", 13, lines[-1].get("code"))

        failure = self.rest_json("POST", "/v1/fail", {"code": 5, "message": UTF8_MESSAGE, "field": "f"}, status=404)
        expect_eq("fail body code/message", (5, UTF8_MESSAGE), (failure.get("code"), failure.get("message")))
        detail = (failure.get("details") or [{}])[0]
        expect_eq("fail body detail", ("type.googleapis.com/google.rpc.BadRequest", [{"field": "f", "description": UTF8_MESSAGE}]),
                  (detail.get("@type"), detail.get("fieldViolations")))
        return "GetBook, ListBooks, SearchBooks, GetFile, POST/GET echo, ndjson streams, 404 google.rpc.Status all as expected"
