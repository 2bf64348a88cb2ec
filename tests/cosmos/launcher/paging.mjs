// Paging of query results and feeds. A page holds up to x-ms-max-item-count items (100 when
// absent, unlimited for -1) and at most 4 MB, as the service's do.
//
// Continuation tokens: the offset into the full result plus a fingerprint of the query, so a
// token is refused when fed to another query. Stateless, like the real service's.

import { createHash } from "node:crypto";
import { httpError, send } from "./http.mjs";

function encodeContinuation(offset, fingerprint) {
  return `+OFS:${offset}#QH:${fingerprint}`;
}

function decodeContinuation(token, fingerprint) {
  let text = token;
  if (typeof text === "object" && text && text.token) text = text.token; // package's own JSON form
  const m = /^\+OFS:(\d+)#QH:([0-9a-f]*)$/.exec(String(text));
  if (!m || m[2] !== fingerprint) {
    throw httpError(400, "BadRequest", `Invalid continuation token ${JSON.stringify(text)} for this query.`);
  }
  return Number(m[1]);
}

export function fingerprintOf(...parts) {
  return createHash("sha1").update(JSON.stringify(parts)).digest("hex").slice(0, 16);
}

const MAX_PAGE_BYTES = 4 * 1024 * 1024;
const DEFAULT_PAGE_ITEMS = 100;

export function pageSizeFrom(req) {
  const raw = req.headers["x-ms-max-item-count"];
  if (raw === undefined || raw === "") return DEFAULT_PAGE_ITEMS;
  const n = Number.parseInt(raw, 10);
  if (Number.isNaN(n)) throw httpError(400, "BadRequest", `Invalid x-ms-max-item-count ${raw}`);
  return n > 0 ? n : Infinity; // -1: as many as fit in one response
}

// Sends one page of `items` (the full result) starting at the request's continuation.
// extraHeaders(pageLength) adds headers that describe the page.
export function sendPage(req, res, collectionData, items, fingerprint, extraHeaders = () => ({})) {
  const token = req.headers["x-ms-continuation"];
  const start = token ? decodeContinuation(token, fingerprint) : 0;
  const maxItems = pageSizeFrom(req);
  const page = [];
  let bytes = 0;
  let i = start;
  for (; i < items.length && page.length < maxItems; i += 1) {
    const size = JSON.stringify(items[i] === undefined ? null : items[i]).length + 1;
    if (page.length > 0 && bytes + size > MAX_PAGE_BYTES) break;
    bytes += size;
    page.push(items[i]);
  }
  const headers = { "x-ms-item-count": String(page.length), ...extraHeaders(page.length) };
  if (i < items.length) headers["x-ms-continuation"] = encodeContinuation(i, fingerprint);
  send(res, 200, { _rid: collectionData._rid, Documents: page, _count: page.length }, headers);
}

// The same paging for the package's own query and read-feed paths, which pass maxItemCount and
// the continuation themselves and take { result, continuation } back.
export function pageOf(items, maxItemCount, continuation, fingerprint) {
  const start = continuation ? decodeContinuation(continuation, fingerprint) : 0;
  const size = maxItemCount > 0 ? maxItemCount : items.length;
  const end = Math.min(items.length, start + size);
  return { result: items.slice(start, end), continuation: end < items.length ? encodeContinuation(end, fingerprint) : null };
}
