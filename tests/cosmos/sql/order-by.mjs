// ORDER BY: a stable sort by the Cosmos type order (values.mjs compareValues), item by item;
// and the document property path of each item, which the launcher matches against the
// container's composite indexes.

import { compareValues, isStr } from "./values.mjs";

// orderBy: [{ key: (row, env) => value, desc }]. Ties keep the order of the rows.
export function sortRows(rows, orderBy, env) {
  const keyed = rows.map((row, i) => ({ row, i, keys: orderBy.map((o) => o.key(row, env)) }));
  keyed.sort((a, b) => {
    for (let k = 0; k < orderBy.length; k += 1) {
      const c = compareValues(a.keys[k], b.keys[k]);
      if (c !== 0) return orderBy[k].desc ? -c : c;
    }
    return a.i - b.i;
  });
  return keyed.map((k) => k.row);
}

// "/a/b" for an ORDER BY item that is a property path of the container's documents, else null.
export function documentPath(expr, rootAlias) {
  const segments = [];
  let e = expr;
  while (e.type === "member") {
    if (e.property.type !== "const" || !isStr(e.property.value)) return null;
    segments.unshift(e.property.value);
    e = e.object;
  }
  if (e.type !== "ident" || e.name !== rootAlias || !segments.length) return null;
  return `/${segments.join("/")}`;
}
