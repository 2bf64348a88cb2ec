// The SELECT list: compiles what one SELECT returns per row (or per group, when it aggregates):
// the row's single source (SELECT *), one value (SELECT VALUE expr), or an object of named
// items in which undefined values are left out.

import { compileExpr } from "./expression-compiler.mjs";
import { QueryError } from "./query-error.mjs";
import { isStr } from "./values.mjs";

// Name of an unaliased SELECT item, or null when Cosmos numbers it ($1, $2, ...). FROM sources
// without an alias are named by the same rule.
export function implicitName(expr) {
  if (expr.type === "ident") return expr.name;
  if (expr.type === "member" && expr.property.type === "const" && isStr(expr.property.value)) {
    return expr.property.value;
  }
  return null;
}

// q: the SELECT's AST; scope: its aliases, with the collector of its aggregates; ownAliases:
// the aliases its own FROM binds (SELECT * needs exactly one). Returns (row, env) => result.
export function compileProjection(q, scope, ownAliases) {
  if (q.select.kind === "star") {
    if (!q.from) throw new QueryError("'SELECT *' is not valid if FROM clause is omitted.");
    if (ownAliases.length !== 1) throw new QueryError("'SELECT *' is only valid with a single input set.");
    const [alias] = ownAliases;
    return (row) => row[alias];
  }
  if (q.select.kind === "value") return compileExpr(q.select.expr, scope);
  let counter = 0;
  const items = q.select.items.map(({ expr, alias }) => {
    const f = compileExpr(expr, scope);
    let name = alias || implicitName(expr);
    if (!name) { counter += 1; name = `$${counter}`; }
    return [name, f];
  });
  return (row, env) => {
    const out = {};
    for (const [k, f] of items) {
      const v = f(row, env);
      if (v !== undefined) out[k] = v;
    }
    return out;
  };
}
