// Routes each request: the test control route (throttling, see throttling.mjs), the document
// routes the launcher answers itself (queries, feeds, point operations on
// /dbs/{db}/colls/{coll}/docs), and everything else to the package. Turns thrown
// errors into Cosmos error responses and, with --verbose, logs one line per request.

import {
  handleCreate, handleDelete, handlePatch, handleRead, handleReplace, handleUpsert, unsupportedBatch,
} from "./document-routes.mjs";
import { handleReadFeed } from "./feed-routes.mjs";
import { isTrue, normalizePath, sendError } from "./http.mjs";
import { handleLibraryRoute } from "./library-routes.mjs";
import { handleQuery, isQueryRequest } from "./query-route.mjs";
import { THROTTLE_PATH, handleThrottleControl, throttled } from "./throttling.mjs";

// The /dbs/{db}/colls/{coll}/docs[/{id}] route of a path, decoded, or null.
function docsRoute(pathname) {
  const m = /^\/dbs\/([^/]+)\/colls\/([^/]+)\/docs(?:\/([^/]+))?$/.exec(pathname);
  if (!m) return null;
  return {
    dbId: decodeURIComponent(m[1]),
    collId: decodeURIComponent(m[2]),
    docId: m[3] === undefined ? undefined : decodeURIComponent(m[3]),
  };
}

// [handler, route] when the launcher answers the request itself, else null.
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

// The request listener. getAccount() is the account the server answers for; log writes one line.
export function createRequestListener(getAccount, log) {
  return (req, res) => { handle(getAccount(), req, res, log); };
}

async function handle(account, req, res, log) {
  const started = Date.now();
  const pathname = normalizePath(req.url);
  res.on("finish", () => log(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`
    + `${req.headers["x-ms-documentdb-partitionkey"] ? ` pk=${req.headers["x-ms-documentdb-partitionkey"]}` : ""}`
    + `${isTrue(req, "x-ms-cosmos-is-query-plan-request") ? " (plan)" : ""}`
    + `${process.env.LAUNCHER_LOG_HEADERS ? ` ${JSON.stringify(req.headers)}` : ""}`));
  try {
    if (pathname === THROTTLE_PATH && req.method === "POST") {
      await handleThrottleControl(req, res);
      return;
    }
    const override = overrideFor(req, pathname);
    if (override && throttled(res)) return;
    if (override) {
      const [fn, route] = override;
      await fn(account, req, res, route);
      return;
    }
    await handleLibraryRoute(account, req, res, pathname);
  } catch (err) {
    if (err instanceof SyntaxError && !err.status) err.status = 400; // JSON bodies
    if (res.headersSent) {
      res.destroy(err);
      return;
    }
    sendError(res, err);
  }
}
