// Everything the launcher does not answer itself goes to the package's own route table.

import { libraryRoutes } from "./cosmosdb-server.mjs";
import { httpError, send } from "./http.mjs";

export async function handleLibraryRoute(account, req, res, pathname) {
  const matched = libraryRoutes(req);
  if (!matched) throw httpError(400, "BadRequest", `no route for ${req.method} ${pathname}`);
  const [params, handler] = matched;
  res.statusCode = 200;
  const body = await handler(account, req, res, params);
  // Feeds read with A-IM: Incremental feed (the SDK reads partition key ranges that way, until
  // it gets 304 Not Modified): everything comes in the first response, whose ETag is then
  // answered with 304.
  if (req.method === "GET" && req.headers["a-im"] && res.statusCode === 200) {
    const headers = { etag: '"1"' };
    if (req.headers["if-none-match"]) {
      send(res, 304, undefined, headers);
      return;
    }
    send(res, 200, body, headers);
    return;
  }
  send(res, res.statusCode, body === undefined ? {} : body);
}
