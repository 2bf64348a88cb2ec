#!/usr/bin/env node
// Starts @vercel/cosmosdb-server (an in-memory implementation of the Azure Cosmos DB for NoSQL
// REST API) for tests run with the Microsoft.Azure.Cosmos .NET SDK in Gateway mode, and fixes in
// memory what the SDK needs and the package gets wrong. node_modules is never modified: this
// script builds its own HTTP server, reuses the package's account model and route table, and
// answers the document requests itself. See README.md for the list of fixes.
//
// Usage: node launcher.mjs [--port N] [--host 127.0.0.1] [--tls] [--verbose]
//   --port 0 (the default) picks a free port. When ready, prints exactly one line to stdout:
//     COSMOS_ENDPOINT=http://127.0.0.1:PORT/
//   Exits on SIGTERM/SIGINT, and when its standard input is a pipe that closes (so a test
//   process that dies takes the server with it).
//
// This file is the start-up; the parts live in launcher/: the package's pieces
// (cosmosdb-server.mjs), the patches of its store (document-store.mjs, queries.mjs), and the
// request router (router.mjs) with the routes it dispatches to (*-route(s).mjs).

import { fstatSync, readFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { join } from "node:path";
import { parseArgs } from "./launcher/arguments.mjs";
import { Account, packageDir } from "./launcher/cosmosdb-server.mjs";
// Both patch the package's document store when imported.
import "./launcher/document-store.mjs";
import "./launcher/queries.mjs";
import { createRequestListener } from "./launcher/router.mjs";

const args = parseArgs(process.argv.slice(2));
const log = args.verbose ? (msg) => process.stderr.write(`${msg}\n`) : () => {};

// The package's account, every region it lists pointing at the endpoint actually served (the
// package advertises https:// even when it serves http).
function createAccount(host, port, scheme) {
  const account = new Account(host, port);
  const data = account.read();
  const endpoint = `${scheme}://${host}:${port}/`;
  for (const loc of [...data.writableLocations, ...data.readableLocations]) loc.databaseAccountEndpoint = endpoint;
  return account;
}

let account = null;

const listener = createRequestListener(() => account, log);
const server = args.tls
  ? https.createServer({
    cert: readFileSync(join(packageDir, "cert.pem")),
    key: readFileSync(join(packageDir, "key.pem")),
  }, listener)
  : http.createServer(listener);

// Keep connections open longer than the .NET client keeps idle ones, so it never sends on a
// socket the server is closing.
server.keepAliveTimeout = 10 * 60 * 1000;
server.headersTimeout = server.keepAliveTimeout + 1000;
server.requestTimeout = 0;

function shutdown(code) {
  server.close();
  if (server.closeAllConnections) server.closeAllConnections();
  process.exit(code);
}

process.on("SIGTERM", () => shutdown(0));
process.on("SIGINT", () => shutdown(0));

server.on("error", (err) => {
  process.stderr.write(`launcher: ${err.message}\n`);
  process.exit(1);
});

server.listen(args.port, args.host, () => {
  const { port } = server.address();
  const host = args.host.includes(":") ? `[${args.host}]` : args.host;
  const scheme = args.tls ? "https" : "http";
  account = createAccount(host, port, scheme);
  process.stdout.write(`COSMOS_ENDPOINT=${scheme}://${host}:${port}/\n`);
  // Watch stdin only when it is a pipe or socket: /dev/null or a terminal would end at once.
  let watch = false;
  try {
    const st = fstatSync(0);
    watch = st.isFIFO() || st.isSocket();
  } catch {
    watch = false;
  }
  if (watch) {
    process.stdin.on("end", () => shutdown(0));
    process.stdin.on("close", () => shutdown(0));
    process.stdin.on("error", () => shutdown(0));
    process.stdin.resume();
  }
});
