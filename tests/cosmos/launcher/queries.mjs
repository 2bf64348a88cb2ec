// Runs queries with the replacement engine (../sql.mjs) over a container's documents, with the
// compiled queries and recent results cached. On import, also routes the package's own query
// and read-feed paths through it.

import { compile } from "../sql.mjs";
import { Documents } from "./cosmosdb-server.mjs";
import { allDocuments } from "./document-store.mjs";
import { pageOf } from "./paging.mjs";

const compiledCache = new Map(); // sql -> compiled query (bounded)
export function compiled(sql) {
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

// -> { results, documentsExamined }: the documents in scope the engine read (a full scan).
export function runQuery(documents, sql, parameters, pkFilter) {
  const q = compiled(sql);
  let docs = allDocuments(documents);
  if (pkFilter) docs = docs.filter(pkFilter);
  const stats = {};
  const results = q.run(docs, { parameters, udf: udfsOf(documents), stats });
  return { results, documentsExamined: stats.documentsExamined };
}

// Results of the last queries, so that paging through a large result with continuation tokens
// does not re-run the query for every page. Keyed by container version: any write invalidates.
const resultCache = new Map();
// -> { value, cached }: cached is true when nothing was computed for this call.
export function cachedQuery(key, compute) {
  const hit = resultCache.get(key);
  if (hit) {
    resultCache.delete(key);
    resultCache.set(key, hit);
    return { value: hit, cached: true };
  }
  const value = compute();
  resultCache.set(key, value);
  while (resultCache.size > 32) resultCache.delete(resultCache.keys().next().value);
  return { value, cached: false };
}

// The package's own query and read-feed paths (used by its PATCH condition check) go through
// the replacement engine as well; its generated code is O(n^2) in the number of documents.
Documents.prototype.query = function query(params, { maxItemCount, continuation } = {}) {
  if (!this._parent.read()) return null;
  const { results } = runQuery(this, params.query, params.parameters, null);
  return pageOf(results, maxItemCount, continuation, "");
};
Documents.prototype.read = function read({ maxItemCount, continuation } = {}) {
  if (!this._parent.read()) return null;
  return pageOf(allDocuments(this), maxItemCount, continuation, "");
};
