// FROM and JOIN: compiles the sources of one SELECT, and produces its rows (objects mapping
// each alias to its value) for one evaluation.
//
// The top-level FROM names the container; its first source is bound to each document:
// FROM c | FROM root r | FROM c.path [p] | FROM x IN c.path. Later sources (JOIN, and the
// sources of subqueries) iterate arrays (x IN expr), bind one value (expr [AS] a), or iterate
// the results of a subquery.

import { Scope, compileExpr } from "./expression-compiler.mjs";
import { compileQuery } from "./query-compiler.mjs";
import { QueryError } from "./query-error.mjs";
import { implicitName } from "./select-clause.mjs";

// Compiles the sources in order. Each alias is added to `aliases` as soon as it is bound, so
// a source sees the aliases of the sources before it (and the query's later clauses all).
export function compileFrom(from, aliases, topLevel) {
  const sources = [];
  from.forEach((src, index) => {
    if (index === 0 && topLevel) {
      // FROM c | FROM root r | FROM c.path [p] | FROM x IN c.path
      const { expr } = src;
      if (expr.type === "subquery") throw new QueryError("The FROM clause of the outer query must name the container.");
      let root = expr;
      while (root.type === "member") root = root.object;
      if (root.type !== "ident") throw new QueryError("The FROM clause must name the container.");
      const containerName = root.name;
      const inner = new Set([containerName]);
      if (src.kind === "in") {
        const value = compileExpr(expr, new Scope(inner, null));
        sources.push({ kind: "rootIn", alias: src.alias, containerName, value });
        aliases.add(src.alias);
      } else if (expr.type === "ident") {
        const alias = src.alias || containerName;
        sources.push({ kind: "root", alias });
        aliases.add(alias);
      } else {
        const alias = src.alias || implicitName(expr);
        if (!alias) throw new QueryError("A FROM source needs an alias.");
        const value = compileExpr(expr, new Scope(inner, null));
        sources.push({ kind: "rootPath", alias, containerName, value });
        aliases.add(alias);
      }
      return;
    }
    if (src.kind === "in") {
      sources.push({ kind: "iterate", alias: src.alias, value: compileExpr(src.expr, new Scope(aliases, null)) });
      aliases.add(src.alias);
    } else if (src.expr.type === "subquery") {
      const alias = src.alias || `$s${index}`;
      const sub = compileQuery(src.expr.query, aliases);
      sources.push({ kind: "subquery", alias, sub });
      aliases.add(alias);
    } else {
      const alias = src.alias || implicitName(src.expr);
      if (!alias) throw new QueryError("A FROM source needs an alias.");
      sources.push({ kind: "single", alias, value: compileExpr(src.expr, new Scope(aliases, null)) });
      aliases.add(alias);
    }
  });
  return sources;
}

// The rows of FROM (+ JOINs): over the documents for a top-level query, else from the row of
// the enclosing query (a subquery); without FROM, that row alone.
export function* fromRows(sources, docs, outerRow, env) {
  function* expand(i, row) {
    if (i === sources.length) { yield row; return; }
    const s = sources[i];
    switch (s.kind) {
      case "iterate": {
        const arr = s.value(row, env);
        if (Array.isArray(arr)) for (const v of arr) yield* expand(i + 1, { ...row, [s.alias]: v });
        return;
      }
      case "single": {
        const v = s.value(row, env);
        if (v !== undefined) yield* expand(i + 1, { ...row, [s.alias]: v });
        return;
      }
      case "subquery":
        for (const v of s.sub.evaluate(row, env)) yield* expand(i + 1, { ...row, [s.alias]: v });
        return;
      default:
        throw new Error(`unexpected source ${s.kind}`);
    }
  }
  if (sources.length === 0) { yield { ...outerRow }; return; } // no FROM clause
  const first = sources[0];
  if (first.kind === "root" || first.kind === "rootIn" || first.kind === "rootPath") {
    for (const doc of docs) {
      env.documentsExamined += 1; // what the service reports as retrievedDocumentCount
      if (first.kind === "root") {
        yield* expand(1, { [first.alias]: doc });
      } else {
        const v = first.value({ [first.containerName]: doc }, env);
        if (first.kind === "rootPath") {
          if (v !== undefined) yield* expand(1, { [first.alias]: v });
        } else if (Array.isArray(v)) {
          for (const x of v) yield* expand(1, { [first.alias]: x });
        }
      }
    }
  } else {
    yield* expand(0, { ...outerRow });
  }
}
