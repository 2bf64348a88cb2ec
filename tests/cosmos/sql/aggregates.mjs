// Aggregate functions and GROUP BY. An aggregate takes the argument values of every row in a
// group; undefined values are skipped, and a value of the wrong type makes SUM, AVG, MIN and
// MAX undefined (so the result leaves that field out).

import { compareValues, canonical, dedupe, isNum, typeOf } from "./values.mjs";

function sumOf(values) {
  let s = 0;
  for (const v of values) {
    if (v === undefined) continue;
    if (!isNum(v)) return undefined;
    s += v;
  }
  return s;
}

function extremum(values, sign) {
  let best;
  for (const v of values) {
    if (v === undefined) continue;
    const t = typeOf(v);
    if (t === "array" || t === "object") return undefined;
    if (best === undefined || sign * compareValues(v, best) > 0) best = v;
  }
  return best;
}

export const AGGREGATES = {
  COUNT: (values) => values.filter((v) => v !== undefined).length,
  SUM: sumOf,
  AVG: (values) => {
    const defined = values.filter((v) => v !== undefined);
    if (!defined.length || !defined.every(isNum)) return undefined;
    return sumOf(defined) / defined.length;
  },
  MIN: (values) => extremum(values, -1),
  MAX: (values) => extremum(values, 1),
  COUNTIF: (values) => values.filter((v) => v === true).length,
  MAKELIST: (values) => values.filter((v) => v !== undefined),
  MAKESET: (values) => dedupe(values.filter((v) => v !== undefined)),
};

// Groups the rows by the GROUP BY values (one group of every row without GROUP BY, even when
// there are none: COUNT of nothing is 0), computes the aggregates of each group and projects
// one result per group from its first row, the aggregate values under agg.symbol.
export function projectGroups(rows, { groupBy, agg, project, outerRow, env }) {
  const groups = new Map();
  if (!groupBy) groups.set("", []);
  for (const row of rows) {
    const key = groupBy ? groupBy.map((g) => canonical(g(row, env))).join("|") : "";
    let g = groups.get(key);
    if (!g) { g = []; groups.set(key, g); }
    g.push(row);
  }
  const results = [];
  for (const members of groups.values()) {
    const values = agg.list.map(({ fn, arg }) => fn(members.map((r) => arg(r, env))));
    const groupRow = { ...(members[0] || outerRow || {}), [agg.symbol]: values };
    results.push(project(groupRow, env));
  }
  return results;
}
