// String functions. The ignore-case flag of CONTAINS/STARTSWITH/ENDSWITH/STRINGEQUALS compares
// case-folded text; STRINGTO* parse JSON text and answer undefined unless it is of that type.

import { isBool, isNum, isStr, typeOf } from "../values.mjs";

function fold(s) {
  // Simple case folding: upper-case each code unit when that keeps the length.
  let out = "";
  for (const ch of s) {
    const u = ch.toUpperCase();
    out += u.length === ch.length ? u : ch;
  }
  return out;
}

const str1 = (f) => (args) => (args.length === 1 && isStr(args[0]) ? f(args[0]) : undefined);

function stringTest(f) {
  return ([s, sub, ignoreCase]) => {
    if (!isStr(s) || !isStr(sub)) return undefined;
    if (ignoreCase !== undefined && !isBool(ignoreCase)) return undefined;
    return ignoreCase ? f(fold(s), fold(sub)) : f(s, sub);
  };
}

function parseJsonOf(s, type) {
  if (!isStr(s)) return undefined;
  try {
    const v = JSON.parse(s.trim());
    return typeOf(v) === type ? v : undefined;
  } catch {
    return undefined;
  }
}

export const STRING_FUNCTIONS = {
  CONCAT: (args) => (args.length >= 2 && args.every(isStr) ? args.join("") : undefined),
  CONTAINS: stringTest((s, sub) => s.includes(sub)),
  STARTSWITH: stringTest((s, sub) => s.startsWith(sub)),
  ENDSWITH: stringTest((s, sub) => s.endsWith(sub)),
  STRINGEQUALS: stringTest((s, sub) => s === sub),
  INDEX_OF: ([s, sub, start]) => (isStr(s) && isStr(sub) && (start === undefined || isNum(start))
    ? s.indexOf(sub, start || 0) : undefined),
  LEFT: ([s, n]) => (isStr(s) && isNum(n) ? s.slice(0, Math.max(0, n)) : undefined),
  RIGHT: ([s, n]) => (isStr(s) && isNum(n) ? (n <= 0 ? "" : s.slice(-n)) : undefined),
  LENGTH: str1((s) => s.length),
  LOWER: str1((s) => s.toLowerCase()),
  UPPER: str1((s) => s.toUpperCase()),
  LTRIM: str1((s) => s.replace(/^\s+/, "")),
  RTRIM: str1((s) => s.replace(/\s+$/, "")),
  TRIM: str1((s) => s.trim()),
  REVERSE: str1((s) => [...s].reverse().join("")),
  REPLACE: ([s, a, b]) => (isStr(s) && isStr(a) && isStr(b) ? (a === "" ? s : s.split(a).join(b)) : undefined),
  REPLICATE: ([s, n]) => (isStr(s) && isNum(n) && n >= 0 && n <= 10000 ? s.repeat(Math.trunc(n)) : undefined),
  SUBSTRING: ([s, start, len]) => {
    if (!isStr(s) || !isNum(start) || !isNum(len)) return undefined;
    const b = Math.max(0, Math.trunc(start));
    return s.substr(b, Math.max(0, Math.trunc(len)));
  },
  REGEXMATCH: ([s, pattern, flags]) => {
    if (!isStr(s) || !isStr(pattern) || (flags !== undefined && !isStr(flags))) return undefined;
    let p = pattern;
    let f = (flags || "").replace(/[^misx]/g, "");
    if (f.includes("x")) { p = p.replace(/\s/g, ""); f = f.replace(/x/g, ""); }
    try { return new RegExp(p, f).test(s); } catch { return undefined; }
  },
  TOSTRING: ([v]) => {
    const t = typeOf(v);
    if (t === "undefined") return undefined;
    if (t === "string") return v;
    return JSON.stringify(v);
  },
  STRINGTOARRAY: ([s]) => parseJsonOf(s, "array"),
  STRINGTOBOOLEAN: ([s]) => parseJsonOf(s, "boolean"),
  STRINGTONULL: ([s]) => parseJsonOf(s, "null"),
  STRINGTONUMBER: ([s]) => parseJsonOf(s, "number"),
  STRINGTOOBJECT: ([s]) => parseJsonOf(s, "object"),
};
