// POST /docs with a query: answers the SDK's query-plan request, then runs the query over the
// documents in the request's scope and sends it page by page.

import { containerOf } from "./document-store.mjs";
import { httpError, isTrue, readJson, send } from "./http.mjs";
import { fingerprintOf, sendPage } from "./paging.mjs";
import { cachedQuery, compiled, runQuery } from "./queries.mjs";
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
