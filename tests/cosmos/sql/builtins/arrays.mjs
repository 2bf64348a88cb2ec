// Array functions. Elements compare by value (deepEqual); the SET* functions drop duplicates.

import { deepEqual, dedupe, isNum, typeOf } from "../values.mjs";

export const ARRAY_FUNCTIONS = {
  ARRAY_CONCAT: (args) => (args.length >= 2 && args.every(Array.isArray) ? [].concat(...args) : undefined),
  ARRAY_CONTAINS: ([arr, v, partial]) => {
    if (!Array.isArray(arr)) return undefined;
    if (partial === true && typeOf(v) === "object") {
      return arr.some((x) => typeOf(x) === "object"
        && Object.keys(v).every((k) => v[k] === undefined || deepEqual(x[k], v[k])));
    }
    return arr.some((x) => deepEqual(x, v));
  },
  ARRAY_CONTAINS_ANY: ([arr, ...vals]) => (Array.isArray(arr) ? vals.some((v) => arr.some((x) => deepEqual(x, v))) : undefined),
  ARRAY_CONTAINS_ALL: ([arr, ...vals]) => (Array.isArray(arr) ? vals.every((v) => arr.some((x) => deepEqual(x, v))) : undefined),
  ARRAY_LENGTH: ([arr]) => (Array.isArray(arr) ? arr.length : undefined),
  ARRAY_SLICE: ([arr, start, len]) => {
    if (!Array.isArray(arr) || !isNum(start) || (len !== undefined && !isNum(len))) return undefined;
    const b = start < 0 ? Math.max(0, arr.length + start) : start;
    return len === undefined ? arr.slice(b) : arr.slice(b, b + Math.max(0, len));
  },
  SETINTERSECT: ([a, b]) => (Array.isArray(a) && Array.isArray(b)
    ? dedupe(a.filter((x) => b.some((y) => deepEqual(x, y)))) : undefined),
  SETUNION: ([a, b]) => (Array.isArray(a) && Array.isArray(b) ? dedupe([...a, ...b]) : undefined),
  OBJECTTOARRAY: ([o]) => (typeOf(o) === "object" ? Object.keys(o).map((k) => ({ k, v: o[k] })) : undefined),
};
