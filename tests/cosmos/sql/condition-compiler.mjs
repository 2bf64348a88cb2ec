// Compiles conditions: NOT, AND, OR, comparisons, IN, BETWEEN and LIKE. All are three-valued
// (operators.mjs): WHERE keeps a row only when its condition is exactly true. AND and OR
// short-circuit on false and true, like the service.

import { compileExpr } from "./expression-compiler.mjs";
import { likeToRegExp } from "./like-pattern.mjs";
import { and3, compare3, equal3, or3 } from "./operators.mjs";
import { isBool, isStr } from "./values.mjs";

export function compileNot(node, scope) {
  const arg = compileExpr(node.arg, scope);
  return (row, env) => {
    const v = arg(row, env);
    return isBool(v) ? !v : undefined;
  };
}

export function compileAnd(node, scope) {
  const l = compileExpr(node.left, scope);
  const r = compileExpr(node.right, scope);
  return (row, env) => {
    const a = l(row, env);
    if (a === false) return false;
    return and3(a, r(row, env));
  };
}

export function compileOr(node, scope) {
  const l = compileExpr(node.left, scope);
  const r = compileExpr(node.right, scope);
  return (row, env) => {
    const a = l(row, env);
    if (a === true) return true;
    return or3(a, r(row, env));
  };
}

export function compileComparison(node, scope) {
  const l = compileExpr(node.left, scope);
  const r = compileExpr(node.right, scope);
  const { op } = node;
  return (row, env) => compare3(op, l(row, env), r(row, env));
}

export function compileIn(node, scope) {
  const v = compileExpr(node.value, scope);
  const list = node.list.map((x) => compileExpr(x, scope));
  return (row, env) => {
    const x = v(row, env);
    if (x === undefined) return undefined;
    let result = false;
    for (const f of list) {
      const e = equal3(x, f(row, env));
      if (e === true) return true;
      if (e === undefined) result = undefined;
    }
    return result;
  };
}

export function compileBetween(node, scope) {
  const v = compileExpr(node.value, scope);
  const lo = compileExpr(node.low, scope);
  const hi = compileExpr(node.high, scope);
  return (row, env) => {
    const x = v(row, env);
    return and3(compare3(">=", x, lo(row, env)), compare3("<=", x, hi(row, env)));
  };
}

export function compileLike(node, scope) {
  const v = compileExpr(node.value, scope);
  const p = compileExpr(node.pattern, scope);
  const e = node.escape ? compileExpr(node.escape, scope) : () => undefined;
  const cache = new Map();
  return (row, env) => {
    const s = v(row, env);
    const pattern = p(row, env);
    const escape = e(row, env);
    if (!isStr(s) || !isStr(pattern)) return undefined;
    const key = `${escape || ""}\u0000${pattern}`;
    let re = cache.get(key);
    if (!re) {
      re = likeToRegExp(pattern, isStr(escape) ? escape : null);
      cache.set(key, re);
    }
    return re.test(s);
  };
}
