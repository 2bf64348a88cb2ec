// Compiles calls and subqueries: aggregates (collected into the SELECT list's scope.agg and
// computed per group by the query), built-in functions, udf.name(...), and EXISTS(...),
// ARRAY(...) and scalar subqueries, which see the aliases of the enclosing query.

import { AGGREGATES } from "./aggregates.mjs";
import { BUILTINS } from "./builtins.mjs";
import { Scope, compileExpr } from "./expression-compiler.mjs";
import { compileQuery } from "./query-compiler.mjs";
import { QueryError } from "./query-error.mjs";

export function compileCall(node, scope) {
  const { name } = node;
  if (Object.prototype.hasOwnProperty.call(AGGREGATES, name)) {
    if (!scope.agg) throw new QueryError(`Aggregate function ${name} is not allowed here.`);
    if (node.args.length !== 1) throw new QueryError(`The ${name} function requires 1 argument(s).`);
    // The argument is evaluated per row of the group, in a scope without aggregates.
    const arg = compileExpr(node.args[0], new Scope(scope.aliases, null));
    const index = scope.agg.list.length;
    scope.agg.list.push({ fn: AGGREGATES[name], arg });
    const sym = scope.agg.symbol;
    return (row) => row[sym][index];
  }
  const fn = BUILTINS[name];
  if (!fn) throw new QueryError(`'${name}' is not a recognized built-in function name.`);
  const args = node.args.map((x) => compileExpr(x, scope));
  return (row, env) => fn(args.map((f) => f(row, env)), env);
}

export function compileUdf(node, scope) {
  const { name } = node;
  const args = node.args.map((x) => compileExpr(x, scope));
  return (row, env) => {
    const f = env.udf && env.udf[name];
    if (typeof f !== "function") throw new QueryError(`Unknown user-defined function udf.${name}.`);
    return f(...args.map((a) => a(row, env)));
  };
}

export function compileExists(node, scope) {
  const sub = compileQuery(node.query, scope.aliases);
  return (row, env) => sub.evaluate(row, env).length > 0;
}

export function compileArraySubquery(node, scope) {
  const sub = compileQuery(node.query, scope.aliases);
  return (row, env) => sub.evaluate(row, env);
}

export function compileScalarSubquery(node, scope) {
  const sub = compileQuery(node.query, scope.aliases);
  return (row, env) => sub.evaluate(row, env)[0];
}

export function rejectSubquery() {
  throw new QueryError("A subquery is not allowed here.");
}
