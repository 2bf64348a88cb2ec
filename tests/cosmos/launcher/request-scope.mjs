// Which documents a query or feed request reaches, by the partition key header or an effective
// partition key (EPK) range.

import { effectivePartitionKey } from "../epk.mjs";
import { canonical } from "../sql.mjs";
import { httpError } from "./http.mjs";
import {
  docPkValues, headerPkValues, pathSegments, pkPathsOf, pkText, storePaths, valueAtPath,
} from "./partition-keys.mjs";

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
export function scopeOf(req, collectionData) {
  const pkValues = headerPkValues(req);
  const start = req.headers["x-ms-start-epk"];
  const end = req.headers["x-ms-end-epk"];
  const filters = [pkFilterFor(collectionData, pkValues), epkFilterFor(collectionData, start, end)].filter(Boolean);
  return {
    filter: filters.length === 0 ? null : (doc) => filters.every((f) => f(doc)),
    key: JSON.stringify([pkValues === null ? null : pkText(pkValues), start || "", end || ""]),
  };
}
