// JSON values as Cosmos sees them: their type, equality, a canonical text form (DISTINCT and
// GROUP BY keys), the total type order of ORDER BY/MIN/MAX, and how results drop undefined.

export const typeOf = (v) => {
  if (v === undefined) return "undefined";
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v; // boolean, number, string, object
};

const TYPE_RANK = { undefined: 0, null: 1, boolean: 2, number: 3, string: 4, array: 5, object: 6 };

export function deepEqual(a, b) {
  const ta = typeOf(a);
  if (ta !== typeOf(b)) return false;
  if (ta === "array") return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (ta === "object") {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return a === b;
}

// Canonical text of a value, used for DISTINCT and GROUP BY keys (object keys sorted).
export function canonical(v) {
  const t = typeOf(v);
  if (t === "undefined") return "u";
  if (t === "array") return `[${v.map(canonical).join(",")}]`;
  if (t === "object") {
    return `{${Object.keys(v).filter((k) => v[k] !== undefined).sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`).join(",")}}`;
  }
  return JSON.stringify(v);
}

// Total order used by ORDER BY, MIN and MAX.
export function compareValues(a, b) {
  const ta = typeOf(a);
  const tb = typeOf(b);
  if (ta !== tb) return TYPE_RANK[ta] - TYPE_RANK[tb];
  switch (ta) {
    case "undefined":
    case "null":
      return 0;
    case "boolean":
    case "number":
    case "string":
      if (a === b) return 0;
      return a < b ? -1 : 1;
    default: {
      const ca = canonical(a);
      const cb = canonical(b);
      if (ca === cb) return 0;
      return ca < cb ? -1 : 1;
    }
  }
}

export const isBool = (v) => typeof v === "boolean";
export const isNum = (v) => typeof v === "number";
export const isStr = (v) => typeof v === "string";

// Strip undefined from results the way Cosmos serializes them: object members with undefined
// values disappear, array elements that are undefined disappear.
export function clean(v) {
  if (Array.isArray(v)) {
    const out = [];
    for (const x of v) if (x !== undefined) out.push(clean(x));
    return out;
  }
  if (v && typeof v === "object") {
    const out = {};
    for (const k of Object.keys(v)) {
      const x = v[k];
      if (x !== undefined) out[k] = clean(x);
    }
    return out;
  }
  return v;
}

// Keeps the first of equal values (DISTINCT, MAKESET, SETUNION, SETINTERSECT).
export function dedupe(values) {
  const seen = new Set();
  const out = [];
  for (const v of values) {
    const k = canonical(v);
    if (!seen.has(k)) { seen.add(k); out.push(v); }
  }
  return out;
}
