#!/usr/bin/env node
// Starts @vercel/cosmosdb-server (an in-memory implementation of the Azure Cosmos DB for NoSQL
// REST API) for tests run with the Microsoft.Azure.Cosmos .NET SDK in Gateway mode, and fixes in
// memory what the SDK needs and the package gets wrong. node_modules is never modified: this
// script builds its own HTTP server, reuses the package's account model and route table, and
// answers the requests listed below itself. See README.md for the list of fixes.
//
// Usage: node launcher.mjs [--port N] [--host 127.0.0.1] [--tls] [--verbose]
//   --port 0 (the default) picks a free port. When ready, prints exactly one line to stdout:
//     COSMOS_ENDPOINT=http://127.0.0.1:PORT/
//   Exits on SIGTERM/SIGINT, and when its standard input is a pipe that closes (so a test
//   process that dies takes the server with it).

import { createHash, randomUUID } from "node:crypto";
import { fstatSync, readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { effectivePartitionKey } from "./epk.mjs";
import { compile, isQueryError, canonical } from "./sql.mjs";

const require = createRequire(import.meta.url);
const serverLib = dirname(require.resolve("@vercel/cosmosdb-server/package.json"));
const Account = require("@vercel/cosmosdb-server/lib/account").default;
const Documents = require("@vercel/cosmosdb-server/lib/account/documents").default;
const libraryRoutes = require("@vercel/cosmosdb-server/lib/routes").default;
const documentOps = require("@vercel/cosmosdb-server/lib/handler/_document-operations");
const { patchOperation } = require("@vercel/cosmosdb-server/lib/handler/_patch-operations");

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const args = { port: 0, host: "127.0.0.1", tls: false, verbose: false };
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i];
    if (a === "--port" || a === "-p") args.port = Number.parseInt(argv[++i], 10);
    else if (a.startsWith("--port=")) args.port = Number.parseInt(a.slice(7), 10);
    else if (a === "--host") args.host = argv[++i];
    else if (a === "--tls") args.tls = true;
    else if (a === "--no-ssl" || a === "--no-tls") args.tls = false;
    else if (a === "--verbose" || a === "-v") args.verbose = true;
    else if (a === "--help" || a === "-h") {
      process.stderr.write("usage: node launcher.mjs [--port N] [--host ADDR] [--tls] [--verbose]\n");
      process.exit(0);
    } else {
      process.stderr.write(`launcher: unknown argument ${a}\n`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
    process.stderr.write("launcher: --port needs a number from 0 to 65535\n");
    process.exit(2);
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
const log = args.verbose ? (msg) => process.stderr.write(`${msg}\n`) : () => {};

// ---------------------------------------------------------------------------------------------
// Partition keys.
//
// The package keys documents by the value of the FIRST partition key path only, so hierarchical
// keys (/tenant,/bucket) collide across buckets, and point operations read only the first
// component of the x-ms-documentdb-partitionkey header. Both sides are replaced by one text
// form of the whole key: JSON of the array of component values, undefined written as {} (the
// SDK sends PartitionKey.None as [{}]).

function pathSegments(path) {
  return path.replace(/^\//, "").split("/").map((s) => s.replace(/^["'](.*)["']$/, "$1"));
}

function valueAtPath(doc, segments) {
  let v = doc;
  for (const s of segments) {
    if (v === null || typeof v !== "object") return undefined;
    v = v[s];
  }
  return v;
}

function pkPathsOf(collectionData) {
  const paths = collectionData && collectionData.partitionKey && collectionData.partitionKey.paths;
  return paths && paths.length ? paths : null;
}

// The paths the store keys documents by: a container without a partition key keys by id.
const storePaths = (collectionData) => pkPathsOf(collectionData) || ["/id"];

function pkText(values) {
  return JSON.stringify(values.map((v) => (v === undefined ? {} : v)));
}

function docPkValues(doc, paths) {
  return paths.map((p) => valueAtPath(doc, pathSegments(p)));
}

// Parses the partition key header into an array of values (undefined for {}), or null.
function headerPkValues(req) {
  const raw = req.headers["x-ms-documentdb-partitionkey"];
  if (raw === undefined) return null;
  let parsed;
  try {
    parsed = JSON.parse(Array.isArray(raw) ? raw[0] : raw);
  } catch {
    throw httpError(400, "BadRequest", `The partition key header is not valid JSON: ${raw}`);
  }
  if (!Array.isArray(parsed)) parsed = [parsed];
  return parsed.map((v) => (v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).length === 0 ? undefined : v));
}

const originalGetPartition = Documents.prototype._getPartition;
Documents.prototype._getPartition = function getPartition(data) {
  const paths = this._partitionKeyPath;
  if (!paths || !paths.length) return originalGetPartition.call(this, data);
  return pkText(docPkValues(data, paths));
};

// ---------------------------------------------------------------------------------------------
// Document store bookkeeping: a version per container (to cache query results between pages)
// and a logical sequence number per write (for the change feed).

let globalLsn = 0;
const lsnOf = new WeakMap();

const originalSet = Documents.prototype._set;
Documents.prototype._set = function set(data) {
  const stored = originalSet.call(this, data);
  globalLsn += 1;
  lsnOf.set(stored, globalLsn);
  this._version = (this._version || 0) + 1;
  return stored;
};

const originalDelete = Documents.prototype.delete;
Documents.prototype.delete = function del(...a) {
  const r = originalDelete.apply(this, a);
  this._version = (this._version || 0) + 1;
  return r;
};

function allDocuments(documents) {
  const out = [];
  for (const item of documents._data.values()) {
    const d = item.read();
    if (d) out.push(d);
  }
  return out;
}

// The package's own query and read-feed paths (used by its PATCH condition check) go through
// the replacement engine as well; its generated code is O(n^2) in the number of documents.
Documents.prototype.query = function query(params, { maxItemCount, continuation } = {}) {
  if (!this._parent.read()) return null;
  const result = runQuery(this, params.query, params.parameters, null);
  return pageOf(result, maxItemCount, continuation, "");
};
Documents.prototype.read = function read({ maxItemCount, continuation } = {}) {
  if (!this._parent.read()) return null;
  return pageOf(allDocuments(this), maxItemCount, continuation, "");
};

function pageOf(items, maxItemCount, continuation, fingerprint) {
  const start = continuation ? decodeContinuation(continuation, fingerprint) : 0;
  const size = maxItemCount > 0 ? maxItemCount : items.length;
  const end = Math.min(items.length, start + size);
  return { result: items.slice(start, end), continuation: end < items.length ? encodeContinuation(end, fingerprint) : null };
}

// ---------------------------------------------------------------------------------------------
// Queries

const compiledCache = new Map(); // sql -> compiled query (bounded)
function compiled(sql) {
  let q = compiledCache.get(sql);
  if (!q) {
    q = compile(sql);
    if (compiledCache.size > 500) compiledCache.clear();
    compiledCache.set(sql, q);
  }
  return q;
}

function udfsOf(documents) {
  const coll = documents._parent;
  return (coll.userDefinedFunctions && coll.userDefinedFunctions.functions) || {};
}

function runQuery(documents, sql, parameters, pkFilter) {
  const q = compiled(sql);
  let docs = allDocuments(documents);
  if (pkFilter) docs = docs.filter(pkFilter);
  return q.run(docs, { parameters, udf: udfsOf(documents) });
}

// Results of the last queries, so that paging through a large result with continuation tokens
// does not re-run the query for every page. Keyed by container version: any write invalidates.
const resultCache = new Map();
function cachedQuery(key, compute) {
  const hit = resultCache.get(key);
  if (hit) {
    resultCache.delete(key);
    resultCache.set(key, hit);
    return hit;
  }
  const value = compute();
  resultCache.set(key, value);
  while (resultCache.size > 32) resultCache.delete(resultCache.keys().next().value);
  return value;
}

// Continuation tokens: the offset into the full result plus a fingerprint of the query, so a
// token is refused when fed to another query. Stateless, like the real service's.
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

function fingerprintOf(...parts) {
  return createHash("sha1").update(JSON.stringify(parts)).digest("hex").slice(0, 16);
}

function pkFilterFor(collectionData, values) {
  const paths = pkPathsOf(collectionData);
  if (!values || !paths) return null;
  if (values.length > paths.length) {
    throw httpError(400, "BadRequest", "The partition key has more components than the container's partition key definition.");
  }
  const segs = paths.slice(0, values.length).map(pathSegments);
  const wanted = values.map(canonical);
  return (doc) => segs.every((s, i) => canonical(valueAtPath(doc, s)) === wanted[i]);
}

const epkCache = new WeakMap(); // stored document -> its effective partition key

function epkFilterFor(collectionData, start, end) {
  const lo = String(start || "").toUpperCase();
  const hi = String(end || "FF").toUpperCase();
  if (lo === "" && hi === "FF") return null; // the whole (single) partition key range
  const paths = storePaths(collectionData);
  const definition = collectionData.partitionKey;
  return (doc) => {
    let epk = epkCache.get(doc);
    if (epk === undefined) {
      epk = effectivePartitionKey(docPkValues(doc, paths), definition);
      epkCache.set(doc, epk);
    }
    return epk === null || (epk >= lo && epk < hi); // unhashable (hash V1): keep
  };
}

// Which documents a query or feed request reaches: those of the partition key in the
// x-ms-documentdb-partitionkey header (or a prefix of a hierarchical key), and those whose
// effective partition key falls in x-ms-start-epk .. x-ms-end-epk (the SDK scopes queries on a
// hierarchical-key prefix, and feed ranges, that way). scope.key identifies the scope in
// continuation tokens and the result cache.
function scopeOf(req, collectionData) {
  const pkValues = headerPkValues(req);
  const start = req.headers["x-ms-start-epk"];
  const end = req.headers["x-ms-end-epk"];
  const filters = [pkFilterFor(collectionData, pkValues), epkFilterFor(collectionData, start, end)].filter(Boolean);
  return {
    filter: filters.length === 0 ? null : (doc) => filters.every((f) => f(doc)),
    key: JSON.stringify([pkValues === null ? null : pkText(pkValues), start || "", end || ""]),
  };
}

const MAX_PAGE_BYTES = 4 * 1024 * 1024;
const DEFAULT_PAGE_ITEMS = 100;

function pageSizeFrom(req) {
  const raw = req.headers["x-ms-max-item-count"];
  if (raw === undefined || raw === "") return DEFAULT_PAGE_ITEMS;
  const n = Number.parseInt(raw, 10);
  if (Number.isNaN(n)) throw httpError(400, "BadRequest", `Invalid x-ms-max-item-count ${raw}`);
  return n > 0 ? n : Infinity; // -1: as many as fit in one response
}

// Sends one page of `items` (the full result) starting at the request's continuation.
function sendPage(req, res, collectionData, items, fingerprint, extraHeaders = {}) {
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
  const headers = { "x-ms-item-count": String(page.length), ...extraHeaders };
  if (i < items.length) headers["x-ms-continuation"] = encodeContinuation(i, fingerprint);
  send(res, 200, { _rid: collectionData._rid, Documents: page, _count: page.length }, headers);
}

// A pass-through query plan: nothing for the SDK to rewrite or merge, the whole key range.
// The server has a single physical partition and evaluates the whole query itself, so the
// SDK's plain pass-through pipeline returns exact results for ORDER BY, TOP, OFFSET/LIMIT,
// aggregates, DISTINCT and GROUP BY alike.
function queryPlan() {
  return {
    partitionedQueryExecutionInfoVersion: 2,
    queryInfo: {
      distinctType: "None",
      top: null,
      offset: null,
      limit: null,
      orderBy: [],
      orderByExpressions: [],
      groupByExpressions: [],
      groupByAliases: [],
      aggregates: [],
      groupByAliasToAggregateType: {},
      rewrittenQuery: "",
      hasSelectValue: false,
      dCountInfo: null,
      hasNonStreamingOrderBy: false,
    },
    queryRanges: [{ min: "", max: "FF", isMinInclusive: true, isMaxInclusive: false }],
  };
}

// ---------------------------------------------------------------------------------------------
// HTTP plumbing

function httpError(status, code, message) {
  const err = new Error(message);
  err.status = status;
  err.code = code;
  return err;
}

function send(res, status, body, headers = {}) {
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  res.setHeader("x-ms-activity-id", randomUUID());
  res.setHeader("x-ms-request-charge", "1");
  if (body && typeof body === "object" && body._etag) res.setHeader("etag", body._etag);
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  if (status === 204 || status === 304 || body === undefined) res.end();
  else res.end(JSON.stringify(body));
}

function sendError(res, err) {
  const status = err.status || (err.badRequest || isQueryError(err) ? 400 : err.conflict ? 409 : 500);
  const codes = { 400: "BadRequest", 404: "NotFound", 409: "Conflict", 412: "PreconditionFailed", 500: "InternalServerError" };
  if (status === 500) process.stderr.write(`launcher: internal error: ${err.stack || err}\n`);
  send(res, status, { code: err.code || codes[status] || "Error", message: err.message || "" });
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

async function readJson(req) {
  const buf = await readBody(req);
  try {
    return JSON.parse(buf.toString("utf8"));
  } catch {
    throw httpError(400, "BadRequest", "The request body is not valid JSON.");
  }
}

const isTrue = (req, name) => String(req.headers[name] || "").toLowerCase() === "true";

function normalizePath(url) {
  let pathname = new URL(url, "http://localhost").pathname;
  while (pathname.startsWith("//")) pathname = pathname.slice(1);
  while (pathname.length > 1 && pathname.endsWith("/")) pathname = pathname.slice(0, -1);
  return pathname;
}

function docsRoute(pathname) {
  const m = /^\/dbs\/([^/]+)\/colls\/([^/]+)\/docs(?:\/([^/]+))?$/.exec(pathname);
  if (!m) return null;
  return {
    dbId: decodeURIComponent(m[1]),
    collId: decodeURIComponent(m[2]),
    docId: m[3] === undefined ? undefined : decodeURIComponent(m[3]),
  };
}

function containerOf(account, { dbId, collId }) {
  const collection = account.database(dbId).collection(collId);
  const data = collection.read();
  if (!data) throw httpError(404, "NotFound", "Resource Not Found. The container does not exist.");
  return { collection, data };
}

// The whole partition key of a point operation, as the text form the store uses.
function pointPkText(req, collectionData, docId) {
  const paths = pkPathsOf(collectionData);
  if (!paths) return pkText([docId]);
  const values = headerPkValues(req);
  if (!values) throw httpError(400, "BadRequest", "The partition key header x-ms-documentdb-partitionkey is missing.");
  if (values.length !== paths.length) {
    throw httpError(400, "BadRequest", "The partition key supplied in x-ms-partitionkey header has fewer components than defined in the collection.");
  }
  return pkText(values);
}

// The package's operations parse the header themselves and keep its first component; handing
// them the JSON of our whole-key text makes them look documents up by the whole key.
const asHeader = (text) => JSON.stringify(text);

function checkBodyPk(req, collectionData, body) {
  const paths = pkPathsOf(collectionData);
  const values = headerPkValues(req);
  if (!paths || !values) return;
  if (pkText(values) !== pkText(docPkValues(body, paths))) {
    throw httpError(400, "BadRequest", "PartitionKey extracted from document doesn't match the one specified in the header.");
  }
}

function sendResult(res, result) {
  send(res, result.statusCode, result.statusCode === 204 ? undefined : result.body);
}

// ---------------------------------------------------------------------------------------------
// Overridden document routes

async function handleQuery(account, req, res, route) {
  const body = await readJson(req);
  const { collection, data } = containerOf(account, route);
  if (typeof body.query !== "string") throw httpError(400, "BadRequest", "The request body has no query.");
  const parameters = Array.isArray(body.parameters) ? body.parameters : [];
  compiled(body.query); // syntax errors are 400s, for the plan request as well
  if (isTrue(req, "x-ms-cosmos-is-query-plan-request")) {
    send(res, 200, queryPlan());
    return;
  }
  checkCompositeIndex(compiled(body.query), data);
  const scope = scopeOf(req, data);
  const fingerprint = fingerprintOf(body.query, parameters, scope.key);
  const key = `${data._rid}|${collection.documents._version || 0}|${fingerprint}`;
  const items = cachedQuery(key, () => runQuery(collection.documents, body.query, parameters, scope.filter));
  const headers = {};
  if (req.headers["x-ms-documentdb-populatequerymetrics"]) {
    headers["x-ms-documentdb-query-metrics"] = `totalExecutionTimeInMs=0.00;queryCompileTimeInMs=0.00;queryLogicalPlanBuildTimeInMs=0.00;queryPhysicalPlanBuildTimeInMs=0.00;queryOptimizationTimeInMs=0.00;VMExecutionTimeInMs=0.00;indexLookupTimeInMs=0.00;documentLoadTimeInMs=0.00;systemFunctionExecuteTimeInMs=0.00;userFunctionExecuteTimeInMs=0.00;retrievedDocumentCount=${items.length};retrievedDocumentSize=0;outputDocumentCount=${items.length};outputDocumentSize=0;writeOutputTimeInMs=0.00;indexUtilizationRatio=1.00`;
  }
  sendPage(req, res, data, items, fingerprint, headers);
}

// Like the service, refuse ORDER BY on several properties unless the container has a composite
// index with exactly those paths in that order, all directions equal to or all the reverse of
// the query's. (A missing composite index is a production-only failure otherwise.)
function checkCompositeIndex(query, collectionData) {
  const items = query.orderBy;
  if (items.length < 2 || items.some((o) => !o.path)) return;
  const indexes = (collectionData.indexingPolicy && collectionData.indexingPolicy.compositeIndexes) || [];
  const served = indexes.some((index) => {
    if (!Array.isArray(index) || index.length !== items.length) return false;
    const same = index.every((p, i) => p.path === items[i].path && (p.order === "descending") === items[i].desc);
    const reversed = index.every((p, i) => p.path === items[i].path && (p.order === "descending") !== items[i].desc);
    return same || reversed;
  });
  if (!served) {
    throw httpError(400, "BadRequest", "The order by query does not have a corresponding composite index that it can be served from.");
  }
}

// GET /docs: read feed, or the change feed when A-IM: Incremental feed is set.
function handleReadFeed(account, req, res, route) {
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
  if (since === "*") after = globalLsn;
  else if (since) after = Number.parseInt(String(since).replace(/"/g, ""), 10) || 0;
  const modifiedSince = req.headers["if-modified-since"];
  const sinceTs = modifiedSince ? Date.parse(modifiedSince) / 1000 : null;
  const changed = docs
    .filter((d) => (lsnOf.get(d) || 0) > after && (sinceTs === null || d._ts >= Math.floor(sinceTs)))
    .sort((a, b) => lsnOf.get(a) - lsnOf.get(b));
  const maxItems = pageSizeFrom(req);
  const page = changed.slice(0, Number.isFinite(maxItems) ? maxItems : changed.length);
  const etag = page.length ? lsnOf.get(page[page.length - 1]) : Math.max(after, globalLsn);
  const headers = { etag: `"${etag}"`, "x-ms-item-count": String(page.length) };
  if (!page.length) {
    send(res, 304, undefined, headers);
    return;
  }
  send(res, 200, { _rid: data._rid, Documents: page.map((d) => ({ ...d, _lsn: lsnOf.get(d) })), _count: page.length }, headers);
}

async function handleCreate(account, req, res, route) {
  const body = await readJson(req);
  const { collection, data } = containerOf(account, route);
  checkBodyPk(req, data, body);
  sendResult(res, documentOps.createOperation(collection, { resourceBody: body }));
}

async function handleUpsert(account, req, res, route) {
  const body = await readJson(req);
  const { collection, data } = containerOf(account, route);
  checkBodyPk(req, data, body);
  const pk = pkText(docPkValues(body, storePaths(data)));
  sendResult(res, documentOps.upsertOperation(collection, {
    partitionKey: asHeader(pk), ifMatch: req.headers["if-match"], resourceBody: body,
  }));
}

function handleRead(account, req, res, route) {
  const { collection, data } = containerOf(account, route);
  const pk = pointPkText(req, data, route.docId);
  const result = documentOps.readOperation(collection, { partitionKey: asHeader(pk), id: route.docId });
  if (result.statusCode === 200 && req.headers["if-none-match"] && req.headers["if-none-match"] === result.body._etag) {
    send(res, 304, undefined, { etag: result.body._etag });
    return;
  }
  sendResult(res, result);
}

async function handleReplace(account, req, res, route) {
  const body = await readJson(req);
  const { collection, data } = containerOf(account, route);
  const pk = pointPkText(req, data, route.docId);
  if (body.id !== route.docId) {
    throw httpError(400, "BadRequest", "The id in the body does not match the id in the request path.");
  }
  if (!collection.document(route.docId, pk).read()) {
    throw httpError(404, "NotFound", "Entity with the specified id does not exist in the system.");
  }
  checkBodyPk(req, data, body);
  sendResult(res, documentOps.replaceOperation(collection, {
    partitionKey: asHeader(pk), ifMatch: req.headers["if-match"], resourceBody: body,
  }));
}

function handleDelete(account, req, res, route) {
  const { collection, data } = containerOf(account, route);
  const pk = pointPkText(req, data, route.docId);
  const result = documentOps.deleteOperation(collection, {
    partitionKey: asHeader(pk), ifMatch: req.headers["if-match"], id: route.docId,
  });
  if (result.statusCode === 404) {
    result.body = { code: "NotFound", message: "Entity with the specified id does not exist in the system." };
  }
  sendResult(res, result);
}

async function handlePatch(account, req, res, route) {
  const body = await readJson(req);
  const { collection, data } = containerOf(account, route);
  const pk = pointPkText(req, data, route.docId);
  const operations = Array.isArray(body) ? body : body.operations;
  if (!Array.isArray(operations)) throw httpError(400, "BadRequest", "Invalid patch request: check syntax of patch specification.");
  if (!collection.document(route.docId, pk).read()) {
    throw httpError(404, "NotFound", "Entity with the specified id does not exist in the system.");
  }
  sendResult(res, patchOperation(collection, {
    id: route.docId,
    partitionKey: asHeader(pk),
    ifMatch: req.headers["if-match"],
    operations,
    condition: Array.isArray(body) ? undefined : body.condition,
  }));
}

function isQueryRequest(req) {
  return req.method === "POST"
    && (isTrue(req, "x-ms-documentdb-isquery")
      || String(req.headers["content-type"] || "").startsWith("application/query+json"));
}

function overrideFor(req, pathname) {
  const route = docsRoute(pathname);
  if (!route) return null;
  if (route.docId === undefined) {
    if (req.method === "GET") return [handleReadFeed, route];
    if (req.method !== "POST") return null;
    if (isQueryRequest(req)) return [handleQuery, route];
    if (isTrue(req, "x-ms-cosmos-is-batch-request")) return [unsupportedBatch, route];
    if (isTrue(req, "x-ms-documentdb-is-upsert")) return [handleUpsert, route];
    return [handleCreate, route];
  }
  switch (req.method) {
    case "GET": return [handleRead, route];
    case "PUT": return [handleReplace, route];
    case "DELETE": return [handleDelete, route];
    case "PATCH": return [handlePatch, route];
    default: return null;
  }
}

function unsupportedBatch() {
  throw httpError(400, "BadRequest", "TransactionalBatch and bulk requests (HybridRow bodies) are not supported by this test server; use AllowBulkExecution = false and single-item operations.");
}

// ---------------------------------------------------------------------------------------------
// Server

function createAccount(host, port, scheme) {
  const account = new Account(host, port);
  const data = account.read();
  const endpoint = `${scheme}://${host}:${port}/`;
  for (const loc of [...data.writableLocations, ...data.readableLocations]) loc.databaseAccountEndpoint = endpoint;
  return account;
}

let account = null;

async function handle(req, res) {
  const started = Date.now();
  const pathname = normalizePath(req.url);
  res.on("finish", () => log(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`
    + `${req.headers["x-ms-documentdb-partitionkey"] ? ` pk=${req.headers["x-ms-documentdb-partitionkey"]}` : ""}`
    + `${isTrue(req, "x-ms-cosmos-is-query-plan-request") ? " (plan)" : ""}`
    + `${process.env.LAUNCHER_LOG_HEADERS ? ` ${JSON.stringify(req.headers)}` : ""}`));
  try {
    const override = overrideFor(req, pathname);
    if (override) {
      const [fn, route] = override;
      await fn(account, req, res, route);
      return;
    }
    const matched = libraryRoutes(req);
    if (!matched) throw httpError(400, "BadRequest", `no route for ${req.method} ${pathname}`);
    const [params, handler] = matched;
    res.statusCode = 200;
    const body = await handler(account, req, res, params);
    // Feeds read with A-IM: Incremental feed (the SDK reads partition key ranges that way, until
    // it gets 304 Not Modified): everything comes in the first response, whose ETag is then
    // answered with 304.
    if (req.method === "GET" && req.headers["a-im"] && res.statusCode === 200) {
      const headers = { etag: '"1"' };
      if (req.headers["if-none-match"]) {
        send(res, 304, undefined, headers);
        return;
      }
      send(res, 200, body, headers);
      return;
    }
    send(res, res.statusCode, body === undefined ? {} : body);
  } catch (err) {
    if (err instanceof SyntaxError && !err.status) err.status = 400; // JSON bodies
    if (res.headersSent) {
      res.destroy(err);
      return;
    }
    sendError(res, err);
  }
}

const listener = (req, res) => { handle(req, res); };
const server = args.tls
  ? https.createServer({
    cert: readFileSync(join(serverLib, "cert.pem")),
    key: readFileSync(join(serverLib, "key.pem")),
  }, listener)
  : http.createServer(listener);

// Keep connections open longer than the .NET client keeps idle ones, so it never sends on a
// socket the server is closing.
server.keepAliveTimeout = 10 * 60 * 1000;
server.headersTimeout = server.keepAliveTimeout + 1000;
server.requestTimeout = 0;

function shutdown(code) {
  server.close();
  if (server.closeAllConnections) server.closeAllConnections();
  process.exit(code);
}

process.on("SIGTERM", () => shutdown(0));
process.on("SIGINT", () => shutdown(0));

server.on("error", (err) => {
  process.stderr.write(`launcher: ${err.message}\n`);
  process.exit(1);
});

server.listen(args.port, args.host, () => {
  const { port } = server.address();
  const host = args.host.includes(":") ? `[${args.host}]` : args.host;
  const scheme = args.tls ? "https" : "http";
  account = createAccount(host, port, scheme);
  process.stdout.write(`COSMOS_ENDPOINT=${scheme}://${host}:${port}/\n`);
  // Watch stdin only when it is a pipe or socket: /dev/null or a terminal would end at once.
  let watch = false;
  try {
    const st = fstatSync(0);
    watch = st.isFIFO() || st.isSocket();
  } catch {
    watch = false;
  }
  if (watch) {
    process.stdin.on("end", () => shutdown(0));
    process.stdin.on("close", () => shutdown(0));
    process.stdin.on("error", () => shutdown(0));
    process.stdin.resume();
  }
});
