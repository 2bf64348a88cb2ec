// Fault injection for tests: POST /_test/throttle {"count": N, "retryAfterMs": M} makes the next
// N document requests (queries, reads, writes) answer 429 Too Many Requests with
// x-ms-retry-after-ms: M and substatus 3200, as Cosmos DB does when a request would exceed the
// provisioned throughput. Account and database requests (health checks) are never throttled.

import { readJson, send } from "./http.mjs";

export const THROTTLE_PATH = "/_test/throttle";

let remaining = 0;
let retryAfterMs = 0;

export async function handleThrottleControl(req, res) {
  const body = await readJson(req);
  remaining = Math.max(0, Number(body.count) || 0);
  retryAfterMs = Math.max(0, Number(body.retryAfterMs) || 0);
  send(res, 200, { remaining, retryAfterMs });
}

// True when this request was answered with a 429 (one throttle spent).
export function throttled(res) {
  if (remaining <= 0) return false;
  remaining--;
  send(res, 429, { code: "TooManyRequests", message: "Request rate is large (injected by the test launcher)." }, {
    "x-ms-retry-after-ms": String(retryAfterMs),
    "x-ms-substatus": "3200",
    "x-ms-request-charge": "0",
  });
  return true;
}
