// A small evaluator for the Azure Cosmos DB for NoSQL query language, written for tests.
//
// It replaces the query engine of @vercel/cosmosdb-server (@zeit/cosmosdb-query), which lacks
// GROUP BY, DISTINCT, OFFSET/LIMIT, LIKE and the ignore-case string functions, and whose
// generated code builds its working set in O(n^2). Everything here runs over an in-memory array
// of documents: there are no indexes, every query is a full scan.
//
// Semantics follow the Cosmos DB documentation: `undefined` propagates, comparisons across
// types are undefined, AND/OR/NOT are three-valued, WHERE keeps rows whose condition is exactly
// true, undefined values are left out of results, ORDER BY uses the Cosmos type order
// (undefined < null < false < true < numbers < strings < arrays < objects).
//
// Public API (the modules under sql/ are its parts: lexer and parsers, then compilers):
//   compile(sql) -> Query            throws QueryError (HTTP 400) on syntax or semantic errors
//   query.run(docs, { parameters, udf, stats }) -> array of results, fully evaluated; when a
//     stats object is given, stats.documentsExamined is set to the documents the query read
//     (every document given: there are no indexes)
//   query.orderBy -> [{ path, desc }] the ORDER BY items (path null unless a document property)
//   isQueryError(err)
//   canonical(value) -> text equal for equal values (the DISTINCT and GROUP BY key)

import { documentPath } from "./sql/order-by.mjs";
import { compileQuery } from "./sql/query-compiler.mjs";
import { QueryError } from "./sql/query-error.mjs";
import { parseQuery } from "./sql/query-parser.mjs";
import { clean } from "./sql/values.mjs";

export { QueryError, isQueryError } from "./sql/query-error.mjs";
export { canonical } from "./sql/values.mjs";

export function compile(sql) {
  if (typeof sql !== "string" || !sql.trim()) throw new QueryError("The query text is empty.");
  const ast = parseQuery(sql);
  const compiled = compileQuery(ast, new Set(), true);
  const first = ast.from && ast.from[0];
  const rootAlias = first && first.kind === "expr" && first.expr.type === "ident" ? (first.alias || first.expr.name) : null;
  return {
    // ORDER BY items as { path, desc }: path is null when not a plain document property path.
    orderBy: ast.orderBy ? ast.orderBy.map(({ expr, desc }) => ({ path: documentPath(expr, rootAlias), desc })) : [],
    run(docs, { parameters, udf, stats } = {}) {
      const params = {};
      for (const p of parameters || []) params[p.name] = p.value;
      const env = { params, udf: udf || {}, now: Date.now(), documentsExamined: 0 };
      const results = compiled.evaluateTop(docs, env);
      if (stats) stats.documentsExamined = env.documentsExamined;
      // SELECT * returns the stored documents, which hold no undefined values.
      return ast.select.kind === "star" ? results : results.map(clean);
    },
  };
}
