// HTTP plumbing shared by the routes: errors that carry a status, JSON responses with the
// headers the SDK expects on every answer, and request body and header helpers.

import { randomUUID } from "node:crypto";
import { isQueryError } from "../sql.mjs";

export function httpError(status, code, message) {
  const err = new Error(message);
  err.status = status;
  err.code = code;
  return err;
}

export function send(res, status, body, headers = {}) {
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  res.setHeader("x-ms-activity-id", randomUUID());
  res.setHeader("x-ms-request-charge", "1");
  if (body && typeof body === "object" && body._etag) res.setHeader("etag", body._etag);
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  if (status === 204 || status === 304 || body === undefined) res.end();
  else res.end(JSON.stringify(body));
}

// An error as the Cosmos error body { code, message }; errors of the package and of the query
// engine carry their status in their own ways.
export function sendError(res, err) {
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

export async function readJson(req) {
  const buf = await readBody(req);
  try {
    return JSON.parse(buf.toString("utf8"));
  } catch {
    throw httpError(400, "BadRequest", "The request body is not valid JSON.");
  }
}

export const isTrue = (req, name) => String(req.headers[name] || "").toLowerCase() === "true";

export function normalizePath(url) {
  let pathname = new URL(url, "http://localhost").pathname;
  while (pathname.startsWith("//")) pathname = pathname.slice(1);
  while (pathname.length > 1 && pathname.endsWith("/")) pathname = pathname.slice(0, -1);
  return pathname;
}

// Sends what the package's document operations return: { statusCode, body }.
export function sendResult(res, result) {
  send(res, result.statusCode, result.statusCode === 204 ? undefined : result.body);
}
