// The parts of @vercel/cosmosdb-server (CommonJS) the launcher reuses: its account model and
// document store, its route table for everything the launcher does not answer itself, and its
// document and patch operations. node_modules is never modified; the store is patched in memory
// (document-store.mjs, queries.mjs).

import { createRequire } from "node:module";
import { dirname } from "node:path";

const require = createRequire(import.meta.url);
export const packageDir = dirname(require.resolve("@vercel/cosmosdb-server/package.json"));
export const Account = require("@vercel/cosmosdb-server/lib/account").default;
export const Documents = require("@vercel/cosmosdb-server/lib/account/documents").default;
export const libraryRoutes = require("@vercel/cosmosdb-server/lib/routes").default;
export const documentOps = require("@vercel/cosmosdb-server/lib/handler/_document-operations");
export const { patchOperation } = require("@vercel/cosmosdb-server/lib/handler/_patch-operations");
