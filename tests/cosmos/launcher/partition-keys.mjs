// Partition keys: their values in a document and in the x-ms-documentdb-partitionkey header,
// and one text form of a whole key.
//
// The package keys documents by the value of the FIRST partition key path only, so hierarchical
// keys (/tenant,/bucket) collide across buckets, and point operations read only the first
// component of the header. Both sides (document-store.mjs, document-routes.mjs) use instead the
// text form of the whole key: JSON of the array of component values, undefined written as {}
// (the SDK sends PartitionKey.None as [{}]).

import { httpError } from "./http.mjs";

export function pathSegments(path) {
  return path.replace(/^\//, "").split("/").map((s) => s.replace(/^["'](.*)["']$/, "$1"));
}

export function valueAtPath(doc, segments) {
  let v = doc;
  for (const s of segments) {
    if (v === null || typeof v !== "object") return undefined;
    v = v[s];
  }
  return v;
}

export function pkPathsOf(collectionData) {
  const paths = collectionData && collectionData.partitionKey && collectionData.partitionKey.paths;
  return paths && paths.length ? paths : null;
}

// The paths the store keys documents by: a container without a partition key keys by id.
export const storePaths = (collectionData) => pkPathsOf(collectionData) || ["/id"];

export function pkText(values) {
  return JSON.stringify(values.map((v) => (v === undefined ? {} : v)));
}

export function docPkValues(doc, paths) {
  return paths.map((p) => valueAtPath(doc, pathSegments(p)));
}

// Parses the partition key header into an array of values (undefined for {}), or null.
export function headerPkValues(req) {
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
