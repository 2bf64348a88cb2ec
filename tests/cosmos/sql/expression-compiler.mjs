// Compiles expression AST nodes to closures (row, env) => value. A row maps the FROM aliases in
// scope to their values; env = { params, udf, now, documentsExamined } is what one run of the query binds.
//
// compileExpr dispatches on the node type. Operands, literals, arithmetic and ?: / ?? are
// compiled here; conditions (condition-compiler.mjs) and function calls and subqueries
// (call-compiler.mjs) in their own files. Those import compileExpr back for their operands;
// the table below holds only function declarations, so the import cycle is safe in any order.

import {
  compileAnd, compileBetween, compileComparison, compileIn, compileLike, compileNot, compileOr,
} from "./condition-compiler.mjs";
import {
  compileArraySubquery, compileCall, compileExists, compileScalarSubquery, compileUdf, rejectSubquery,
} from "./call-compiler.mjs";
import { arithmetic } from "./operators.mjs";
import { QueryError } from "./query-error.mjs";
import { isNum, isStr } from "./values.mjs";

// What an expression may refer to. aliases: names bound by FROM at this level and outer levels.
// agg: collector of aggregate calls for the current SELECT list (null where not allowed).
export class Scope {
  constructor(aliases, agg) {
    this.aliases = aliases;
    this.agg = agg;
  }
}

export function lookupParam(env, name) {
  if (!Object.prototype.hasOwnProperty.call(env.params, name)) {
    throw new QueryError(`The parameter ${name} is not defined.`);
  }
  return env.params[name];
}

const COMPILERS = {
  const: compileConst,
  param: compileParam,
  ident: compileIdent,
  member: compileMember,
  arrayLit: compileArrayLiteral,
  objectLit: compileObjectLiteral,
  not: compileNot,
  and: compileAnd,
  or: compileOr,
  cmp: compileComparison,
  in: compileIn,
  between: compileBetween,
  like: compileLike,
  bin: compileBinary,
  unary: compileUnary,
  cond: compileConditional,
  coalesce: compileCoalesce,
  call: compileCall,
  udf: compileUdf,
  exists: compileExists,
  array: compileArraySubquery,
  scalarSubquery: compileScalarSubquery,
  subquery: rejectSubquery,
};

export function compileExpr(node, scope) {
  if (!Object.prototype.hasOwnProperty.call(COMPILERS, node.type)) {
    throw new QueryError(`Unsupported expression ${node.type}.`);
  }
  return COMPILERS[node.type](node, scope);
}

function compileConst(node) {
  const { value } = node;
  return () => value;
}

function compileParam(node) {
  const { name } = node;
  return (row, env) => lookupParam(env, name);
}

function compileIdent(node, scope) {
  const { name } = node;
  if (!scope.aliases.has(name)) throw new QueryError(`Identifier '${name}' could not be resolved.`);
  return (row) => row[name];
}

// o[key] as Cosmos reads it: array elements by integer index, objects' own members by name,
// undefined for anything else.
function propertyOf(o, key) {
  if (o === null || typeof o !== "object") return undefined;
  if (Array.isArray(o)) return isNum(key) && Number.isInteger(key) ? o[key] : undefined;
  return isStr(key) && Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
}

// c.a, c["a"], c.arr[0]; a constant key (the usual case) is not re-evaluated per row.
function compileMember(node, scope) {
  const obj = compileExpr(node.object, scope);
  if (node.property.type === "const") {
    const key = node.property.value;
    return (row, env) => propertyOf(obj(row, env), key);
  }
  const prop = compileExpr(node.property, scope);
  return (row, env) => propertyOf(obj(row, env), prop(row, env));
}

function compileArrayLiteral(node, scope) {
  const items = node.items.map((x) => compileExpr(x, scope));
  return (row, env) => {
    const out = [];
    for (const f of items) {
      const v = f(row, env);
      if (v !== undefined) out.push(v);
    }
    return out;
  };
}

function compileObjectLiteral(node, scope) {
  const props = node.props.map(({ key, value }) => [key, compileExpr(value, scope)]);
  return (row, env) => {
    const out = {};
    for (const [k, f] of props) {
      const v = f(row, env);
      if (v !== undefined) out[k] = v;
    }
    return out;
  };
}

function compileBinary(node, scope) {
  const l = compileExpr(node.left, scope);
  const r = compileExpr(node.right, scope);
  const { op } = node;
  return (row, env) => arithmetic(op, l(row, env), r(row, env));
}

function compileUnary(node, scope) {
  const arg = compileExpr(node.arg, scope);
  const { op } = node;
  return (row, env) => {
    const v = arg(row, env);
    if (!isNum(v)) return undefined;
    if (op === "-") return -v;
    if (op === "~") return ~v; // eslint-disable-line no-bitwise
    return v;
  };
}

function compileConditional(node, scope) {
  const c = compileExpr(node.cond, scope);
  const a = compileExpr(node.a, scope);
  const b = compileExpr(node.b, scope);
  return (row, env) => (c(row, env) === true ? a(row, env) : b(row, env));
}

function compileCoalesce(node, scope) {
  const l = compileExpr(node.left, scope);
  const r = compileExpr(node.right, scope);
  return (row, env) => {
    const v = l(row, env);
    return v !== undefined ? v : r(row, env);
  };
}
