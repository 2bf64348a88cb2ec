// Checks a served OpenAPI document with a validator written by others: @apidevtools/swagger-parser
// validates it against the OpenAPI 3.0 JSON Schema and resolves every $ref.
// Usage: node openapi_validate.mjs URL
// Prints one JSON line, {"valid":true,"openapi":…,"paths":N,"operations":N} or
// {"valid":false,"error":"…"}, and exits 0 only when the document is valid.
import SwaggerParser from "@apidevtools/swagger-parser";

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

const url = process.argv[2];
if (!url) {
  console.error("usage: node openapi_validate.mjs URL");
  process.exit(2);
}

try {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`GET ${url}: HTTP ${response.status}`);
  }
  // validate() dereferences the document in place; count operations on what it returns.
  const api = await SwaggerParser.validate(await response.json());
  const paths = Object.values(api.paths ?? {});
  const operations = paths.reduce((n, item) => n + METHODS.filter((m) => item[m]).length, 0);
  console.log(JSON.stringify({ valid: true, openapi: api.openapi, paths: paths.length, operations }));
} catch (error) {
  console.log(JSON.stringify({ valid: false, error: String(error?.message ?? error) }));
  process.exit(1);
}
