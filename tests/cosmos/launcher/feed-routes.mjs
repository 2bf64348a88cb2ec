// GET /docs: the read feed (every document in the request's scope, page by page) and the
// change feed (latest-version mode, from the write LSNs kept by document-store.mjs).

import { allDocuments, containerOf, latestLsn, lsnOf } from "./document-store.mjs";
import { send } from "./http.mjs";
import { fingerprintOf, pageSizeFrom, sendPage } from "./paging.mjs";
import { scopeOf } from "./request-scope.mjs";

// GET /docs: read feed, or the change feed when A-IM: Incremental feed is set.
export function handleReadFeed(account, req, res, route) {
  const { collection, data } = containerOf(account, route);
  const scope = scopeOf(req, data);
  let docs = allDocuments(collection.documents);
  if (scope.filter) docs = docs.filter(scope.filter);
  if (String(req.headers["a-im"] || "").toLowerCase() !== "incremental feed") {
    const fingerprint = fingerprintOf("readfeed", scope.key);
    sendPage(req, res, data, docs, fingerprint);
    return;
  }
  // Change feed, latest-version mode: documents written after the LSN in If-None-Match, in
  // write order, each once (its latest version). The ETag of the response is the LSN to resume
  // from. "*" means "from now"; no header means "from the beginning".
  const since = req.headers["if-none-match"];
  let after = 0;
  if (since === "*") after = latestLsn();
  else if (since) after = Number.parseInt(String(since).replace(/"/g, ""), 10) || 0;
  const modifiedSince = req.headers["if-modified-since"];
  const sinceTs = modifiedSince ? Date.parse(modifiedSince) / 1000 : null;
  const changed = docs
    .filter((d) => (lsnOf.get(d) || 0) > after && (sinceTs === null || d._ts >= Math.floor(sinceTs)))
    .sort((a, b) => lsnOf.get(a) - lsnOf.get(b));
  const maxItems = pageSizeFrom(req);
  const page = changed.slice(0, Number.isFinite(maxItems) ? maxItems : changed.length);
  const etag = page.length ? lsnOf.get(page[page.length - 1]) : Math.max(after, latestLsn());
  const headers = { etag: `"${etag}"`, "x-ms-item-count": String(page.length) };
  if (!page.length) {
    send(res, 304, undefined, headers);
    return;
  }
  send(res, 200, { _rid: data._rid, Documents: page.map((d) => ({ ...d, _lsn: lsnOf.get(d) })), _count: page.length }, headers);
}
