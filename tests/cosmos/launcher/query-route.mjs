// POST /docs with a query: answers the SDK's query-plan request, then runs the query over the
// documents in the request's scope and sends it page by page.

import { containerOf } from "./document-store.mjs";
import { httpError, isTrue, readJson, send } from "./http.mjs";
import { fingerprintOf, sendPage } from "./paging.mjs";
import { cachedQuery, compiled, runQuery } from "./queries.mjs";
import { queryMetricsHeader } from "./query-metrics.mjs";
import { queryPlan } from "./query-plan.mjs";
import { scopeOf } from "./request-scope.mjs";

export function isQueryRequest(req) {
  return req.method === "POST"
    && (isTrue(req, "x-ms-documentdb-isquery")
      || String(req.headers["content-type"] || "").startsWith("application/query+json"));
}

export async function handleQuery(account, req, res, route) {
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
  const { value, cached } = cachedQuery(key, () => runQuery(collection.documents, body.query, parameters, scope.filter));
  const metrics = req.headers["x-ms-documentdb-populatequerymetrics"]
    ? (pageLength) => queryMetricsHeader(cached ? 0 : value.documentsExamined, pageLength)
    : () => ({});
  sendPage(req, res, data, value.results, fingerprint, metrics);
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
