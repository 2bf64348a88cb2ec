// Compiles one SELECT (the top-level query or a subquery) and evaluates it in the order SQL
// defines: FROM/JOIN rows, WHERE, ORDER BY, GROUP BY and aggregates, SELECT, DISTINCT,
// OFFSET/LIMIT and TOP. Everything runs over an in-memory array: no indexes, a full scan.

import { projectGroups } from "./aggregates.mjs";
import { Scope, compileExpr } from "./expression-compiler.mjs";
import { compileFrom, fromRows } from "./from-clause.mjs";
import { applyOffsetLimitAndTop } from "./offset-limit.mjs";
import { sortRows } from "./order-by.mjs";
import { compileProjection } from "./select-clause.mjs";
import { dedupe } from "./values.mjs";

// outerAliases: names visible from enclosing queries (empty at top level). Returns
// evaluate(outerRow, env) for a subquery and evaluateTop(docs, env) for the top-level query.
export function compileQuery(q, outerAliases, topLevel = false) {
  const aliases = new Set(outerAliases);
  const sources = q.from ? compileFrom(q.from, aliases, topLevel) : [];
  const plain = new Scope(aliases, null);
  const where = q.where ? compileExpr(q.where, plain) : null;
  const groupBy = q.groupBy ? q.groupBy.map((e) => compileExpr(e, plain)) : null;
  const orderBy = q.orderBy ? q.orderBy.map(({ expr, desc }) => ({ key: compileExpr(expr, plain), desc })) : null;

  // The SELECT list's aggregate calls register here; each group row carries their values.
  const agg = { list: [], symbol: Symbol("aggregates") };
  const ownAliases = [...aliases].filter((a) => !outerAliases.has(a));
  const project = compileProjection(q, new Scope(aliases, agg), ownAliases);
  const aggregated = agg.list.length > 0 || groupBy !== null;

  function evaluate(outerRow, env, docs) {
    let selected = [];
    for (const row of fromRows(sources, docs, outerRow, env)) {
      if (!where || where(row, env) === true) selected.push(row);
    }
    if (orderBy) selected = sortRows(selected, orderBy, env);
    let results = aggregated
      ? projectGroups(selected, { groupBy, agg, project, outerRow, env })
      : selected.map((row) => project(row, env));
    results = results.filter((v) => v !== undefined);
    if (q.distinct) results = dedupe(results);
    return applyOffsetLimitAndTop(results, q, env);
  }

  return {
    evaluate: (outerRow, env) => evaluate(outerRow, env, null),
    evaluateTop: (docs, env) => evaluate({}, env, docs),
  };
}
