// OFFSET … LIMIT and TOP, applied last (after DISTINCT). Their values are integer literals or
// parameters, checked when the query runs since parameters are only known then.

import { lookupParam } from "./expression-compiler.mjs";
import { QueryError } from "./query-error.mjs";
import { isNum } from "./values.mjs";

function toInt(source, env, what) {
  const v = source.type === "const" ? source.value : lookupParam(env, source.name);
  if (!isNum(v) || !Number.isInteger(v) || v < 0) {
    throw new QueryError(`The ${what} value must be a non-negative integer.`);
  }
  return v;
}

export function applyOffsetLimitAndTop(results, q, env) {
  let out = results;
  if (q.offset) {
    const offset = toInt(q.offset, env, "OFFSET");
    const limit = toInt(q.limit, env, "LIMIT");
    out = out.slice(offset, offset + limit);
  }
  if (q.top) out = out.slice(0, toInt(q.top, env, "TOP"));
  return out;
}
