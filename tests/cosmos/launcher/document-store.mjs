// Patches of the package's document store (applied on import): documents keyed by their whole
// partition key (partition-keys.mjs), a version per container (to cache query results between
// pages) and a logical sequence number (LSN) per write (for the change feed).

import { Documents } from "./cosmosdb-server.mjs";
import { httpError } from "./http.mjs";
import { docPkValues, pkText } from "./partition-keys.mjs";

const originalGetPartition = Documents.prototype._getPartition;
Documents.prototype._getPartition = function getPartition(data) {
  const paths = this._partitionKeyPath;
  if (!paths || !paths.length) return originalGetPartition.call(this, data);
  return pkText(docPkValues(data, paths));
};

let globalLsn = 0;
export const lsnOf = new WeakMap(); // stored document -> the LSN of the write that stored it

// The LSN of the latest write to any container.
export const latestLsn = () => globalLsn;

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

export function allDocuments(documents) {
  const out = [];
  for (const item of documents._data.values()) {
    const d = item.read();
    if (d) out.push(d);
  }
  return out;
}

// The container a /dbs/{db}/colls/{coll}/... route names, and its stored definition; 404 when
// it does not exist.
export function containerOf(account, { dbId, collId }) {
  const collection = account.database(dbId).collection(collId);
  const data = collection.read();
  if (!data) throw httpError(404, "NotFound", "Resource Not Found. The container does not exist.");
  return { collection, data };
}
