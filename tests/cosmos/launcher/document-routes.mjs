// Point operations on /docs and /docs/{id}: create, upsert, read, replace, delete, patch. The
// package's own operations do the work; the launcher hands them the whole partition key, checks
// the body's key against the header's, and answers 404 where the package would crash.

import { documentOps, patchOperation } from "./cosmosdb-server.mjs";
import { containerOf } from "./document-store.mjs";
import { httpError, readJson, send, sendResult } from "./http.mjs";
import { docPkValues, headerPkValues, pkPathsOf, pkText, storePaths } from "./partition-keys.mjs";

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

export async function handleCreate(account, req, res, route) {
  const body = await readJson(req);
  const { collection, data } = containerOf(account, route);
  checkBodyPk(req, data, body);
  sendResult(res, documentOps.createOperation(collection, { resourceBody: body }));
}

export async function handleUpsert(account, req, res, route) {
  const body = await readJson(req);
  const { collection, data } = containerOf(account, route);
  checkBodyPk(req, data, body);
  const pk = pkText(docPkValues(body, storePaths(data)));
  sendResult(res, documentOps.upsertOperation(collection, {
    partitionKey: asHeader(pk), ifMatch: req.headers["if-match"], resourceBody: body,
  }));
}

export function handleRead(account, req, res, route) {
  const { collection, data } = containerOf(account, route);
  const pk = pointPkText(req, data, route.docId);
  const result = documentOps.readOperation(collection, { partitionKey: asHeader(pk), id: route.docId });
  if (result.statusCode === 200 && req.headers["if-none-match"] && req.headers["if-none-match"] === result.body._etag) {
    send(res, 304, undefined, { etag: result.body._etag });
    return;
  }
  sendResult(res, result);
}

export async function handleReplace(account, req, res, route) {
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

export function handleDelete(account, req, res, route) {
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

export async function handlePatch(account, req, res, route) {
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

export function unsupportedBatch() {
  throw httpError(400, "BadRequest", "TransactionalBatch and bulk requests (HybridRow bodies) are not supported by this test server; use AllowBulkExecution = false and single-item operations.");
}
