// A reverse proxy in front of the service that can hold a StreamInferences response after its
// first pages, so the explorer's Stop button is tested on a stream that is certainly still
// running, whatever the speed of the machine. It forwards every request unchanged; while armed,
// it passes the gRPC-Web frames of a StreamInferences response until `pages` pages went through,
// then forwards nothing more and waits for the browser to close the call.
import http from "node:http";

const STREAM_PATH = "/inference.v1.InferenceQueryService/StreamInferences";
const HEADER_BYTES = 5; // gRPC-Web frame: 1 flag byte, 4-byte big-endian length

export class StreamGate {
  #target;
  #server;
  #pages = 0;
  #held = [];

  constructor(target) {
    this.#target = new URL(target);
    this.#server = http.createServer((request, response) => this.#forward(request, response));
  }

  async listen() {
    await new Promise((resolve) => this.#server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${this.#server.address().port}`;
  }

  /** Holds the next StreamInferences responses after `pages` pages; 0 lets them through again. */
  holdAfter(pages) {
    this.#pages = pages;
  }

  /** Resolves when the browser has closed a held call (for example by AbortController.abort()). */
  nextClosedByClient() {
    return new Promise((resolve) => this.#held.push(resolve));
  }

  close() {
    this.#server.closeAllConnections();
    this.#server.close();
  }

  #forward(request, response) {
    const upstream = http.request(
      { host: this.#target.hostname, port: this.#target.port, method: request.method, path: request.url, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode, answer.headers);
        const pages = request.url === STREAM_PATH ? this.#pages : 0;
        if (pages === 0) {
          answer.pipe(response);
          return;
        }
        this.#passPages(answer, response, pages, upstream);
      });
    upstream.on("error", () => response.destroy());
    request.pipe(upstream);
  }

  /** Passes whole frames until `pages` data frames went through, then holds until the client leaves. */
  #passPages(answer, response, pages, upstream) {
    let pending = Buffer.alloc(0);
    let passed = 0;
    response.on("close", () => {
      if (!response.writableFinished) {
        upstream.destroy();
        this.#held.shift()?.(passed);
      }
    });
    answer.on("data", (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      while (passed < pages && pending.length >= HEADER_BYTES) {
        const size = HEADER_BYTES + pending.readUInt32BE(1);
        if (pending.length < size) break;
        response.write(pending.subarray(0, size));
        passed += pending[0] & 0x80 ? 0 : 1;
        pending = pending.subarray(size);
      }
    });
    answer.on("end", () => {
      // The service finished before the gate closed: let the rest through, the test will see it.
      if (passed < pages) response.end(pending);
    });
  }
}
