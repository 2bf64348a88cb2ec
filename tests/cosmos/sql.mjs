// A small evaluator for the Azure Cosmos DB for NoSQL query language, written for tests.
//
// It replaces the query engine of @vercel/cosmosdb-server (@zeit/cosmosdb-query), which lacks
// GROUP BY, DISTINCT, OFFSET/LIMIT, LIKE and the ignore-case string functions, and whose
// generated code builds its working set in O(n^2). Everything here runs over an in-memory array
// of documents: there are no indexes, every query is a full scan.
//
// Semantics follow the Cosmos DB documentation: `undefined` propagates, comparisons across
// types are undefined, AND/OR/NOT are three-valued, WHERE keeps rows whose condition is exactly
// true, undefined values are left out of results, ORDER BY uses the Cosmos type order
// (undefined < null < false < true < numbers < strings < arrays < objects).
//
// Public API:
//   compile(sql) -> Query            throws QueryError (HTTP 400) on syntax or semantic errors
//   query.run(docs, { parameters, udf }) -> array of results, fully evaluated
//   isQueryError(err)

export class QueryError extends Error {
  constructor(message) {
    super(message);
    this.name = "QueryError";
    this.badRequest = true;
  }
}

export const isQueryError = (err) => err instanceof QueryError;

// ---------------------------------------------------------------------------------------------
// Lexer

const KEYWORDS = new Set([
  "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "BETWEEN", "LIKE", "ESCAPE", "AS",
  "VALUE", "TOP", "DISTINCT", "ORDER", "BY", "ASC", "DESC", "GROUP", "OFFSET", "LIMIT", "JOIN",
  "EXISTS", "ARRAY", "TRUE", "FALSE", "NULL", "UNDEFINED", "UDF",
]);

const PUNCTUATION = [">>>", "<<", ">>", "<=", ">=", "!=", "<>", "||", "??",
  "(", ")", "[", "]", "{", "}", ",", ".", ":", "?", "*", "/", "%", "+", "-", "|", "&", "^", "~",
  "=", "<", ">"];

function tokenize(text) {
  const tokens = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i];
    if (/\s/.test(ch)) { i += 1; continue; }
    if (ch === "-" && text[i + 1] === "-") { // line comment
      while (i < n && text[i] !== "\n") i += 1;
      continue;
    }
    const start = i;
    if (/[A-Za-z_]/.test(ch)) {
      while (i < n && /[A-Za-z0-9_]/.test(text[i])) i += 1;
      const word = text.slice(start, i);
      const upper = word.toUpperCase();
      tokens.push(KEYWORDS.has(upper)
        ? { t: "kw", v: upper, raw: word, pos: start }
        : { t: "id", v: word, pos: start });
      continue;
    }
    if (ch === "@") {
      i += 1;
      while (i < n && /[A-Za-z0-9_]/.test(text[i])) i += 1;
      if (i === start + 1) throw new QueryError(`Syntax error, incorrect syntax near '@' at ${start}.`);
      tokens.push({ t: "param", v: text.slice(start, i), pos: start });
      continue;
    }
    if (/[0-9]/.test(ch) || (ch === "." && /[0-9]/.test(text[i + 1] || ""))) {
      if (ch === "0" && (text[i + 1] === "x" || text[i + 1] === "X")) {
        i += 2;
        while (i < n && /[0-9A-Fa-f]/.test(text[i])) i += 1;
        tokens.push({ t: "num", v: parseInt(text.slice(start + 2, i), 16), pos: start });
        continue;
      }
      while (i < n && /[0-9]/.test(text[i])) i += 1;
      if (text[i] === "." && /[0-9]/.test(text[i + 1] || "")) {
        i += 1;
        while (i < n && /[0-9]/.test(text[i])) i += 1;
      }
      if ((text[i] === "e" || text[i] === "E") && /[0-9+-]/.test(text[i + 1] || "")) {
        i += 2;
        while (i < n && /[0-9]/.test(text[i])) i += 1;
      }
      tokens.push({ t: "num", v: Number(text.slice(start, i)), pos: start });
      continue;
    }
    if (ch === "'" || ch === '"') {
      i += 1;
      let s = "";
      for (;;) {
        if (i >= n) throw new QueryError(`Unterminated string literal at ${start}.`);
        const c = text[i];
        if (c === ch) { i += 1; break; }
        if (c === "\\") {
          const e = text[i + 1];
          i += 2;
          switch (e) {
            case "b": s += "\b"; break;
            case "f": s += "\f"; break;
            case "n": s += "\n"; break;
            case "r": s += "\r"; break;
            case "t": s += "\t"; break;
            case "u": s += String.fromCharCode(parseInt(text.slice(i, i + 4), 16)); i += 4; break;
            default: s += e;
          }
          continue;
        }
        s += c;
        i += 1;
      }
      tokens.push({ t: "str", v: s, pos: start });
      continue;
    }
    const p = PUNCTUATION.find((x) => text.startsWith(x, i));
    if (!p) throw new QueryError(`Syntax error, invalid token '${ch}' at ${start}.`);
    tokens.push({ t: "op", v: p, pos: start });
    i += p.length;
  }
  tokens.push({ t: "eof", v: "", pos: n });
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// Parser: recursive descent, producing plain AST nodes.

class Parser {
  constructor(text) {
    this.tokens = tokenize(text);
    this.i = 0;
  }

  get tok() { return this.tokens[this.i]; }

  fail(msg) {
    const t = this.tok;
    throw new QueryError(msg || `Syntax error, incorrect syntax near '${t.t === "eof" ? "<end>" : (t.raw || t.v)}' at ${t.pos}.`);
  }

  isKw(v) { return this.tok.t === "kw" && this.tok.v === v; }

  isOp(v) { return this.tok.t === "op" && this.tok.v === v; }

  eatKw(v) { if (this.isKw(v)) { this.i += 1; return true; } return false; }

  eatOp(v) { if (this.isOp(v)) { this.i += 1; return true; } return false; }

  kw(v) { if (!this.eatKw(v)) this.fail(); }

  op(v) { if (!this.eatOp(v)) this.fail(); }

  // Identifier, or a keyword used as a name where the grammar allows it (property names).
  name(allowKeywords) {
    const t = this.tok;
    if (t.t === "id" || (allowKeywords && t.t === "kw")) { this.i += 1; return t.raw || t.v; }
    return this.fail();
  }

  parseSql() {
    const q = this.parseSelect();
    if (this.tok.t !== "eof") this.fail();
    return q;
  }

  parseSelect() {
    this.kw("SELECT");
    const q = { type: "select", distinct: false, top: null, select: null, from: null, where: null,
      groupBy: null, orderBy: null, offset: null, limit: null };
    if (this.eatKw("DISTINCT")) q.distinct = true;
    if (this.eatKw("TOP")) q.top = this.parseIntSource();
    if (this.eatOp("*")) q.select = { kind: "star" };
    else if (this.eatKw("VALUE")) q.select = { kind: "value", expr: this.parseExpr() };
    else {
      const items = [];
      do {
        const expr = this.parseExpr();
        let alias = null;
        if (this.eatKw("AS")) alias = this.name(true);
        else if (this.tok.t === "id") alias = this.name(false);
        items.push({ expr, alias });
      } while (this.eatOp(","));
      q.select = { kind: "list", items };
    }
    if (this.eatKw("FROM")) {
      const sources = [this.parseFromSource()];
      while (this.eatKw("JOIN")) sources.push(this.parseFromSource());
      q.from = sources;
    }
    if (this.eatKw("WHERE")) q.where = this.parseExpr();
    if (this.eatKw("GROUP")) {
      this.kw("BY");
      q.groupBy = [];
      do q.groupBy.push(this.parseExpr()); while (this.eatOp(","));
    }
    if (this.eatKw("ORDER")) {
      this.kw("BY");
      q.orderBy = [];
      do {
        const expr = this.parseExpr();
        let desc = false;
        if (this.eatKw("DESC")) desc = true;
        else this.eatKw("ASC");
        q.orderBy.push({ expr, desc });
      } while (this.eatOp(","));
    }
    if (this.eatKw("OFFSET")) {
      q.offset = this.parseIntSource();
      this.kw("LIMIT");
      q.limit = this.parseIntSource();
    }
    return q;
  }

  // TOP, OFFSET and LIMIT take an integer literal or a parameter.
  parseIntSource() {
    const t = this.tok;
    if (t.t === "num") { this.i += 1; return { type: "const", value: t.v }; }
    if (t.t === "param") { this.i += 1; return { type: "param", name: t.v }; }
    return this.fail();
  }

  parseFromSource() {
    // <alias> IN <expr>
    if (this.tok.t === "id" && this.tokens[this.i + 1].t === "kw" && this.tokens[this.i + 1].v === "IN") {
      const alias = this.name(false);
      this.kw("IN");
      return { kind: "in", alias, expr: this.parsePostfix() };
    }
    let expr;
    if (this.isOp("(")) {
      this.i += 1;
      expr = { type: "subquery", query: this.parseSelect() };
      this.op(")");
    } else {
      expr = this.parsePostfix();
    }
    let alias = null;
    if (this.eatKw("AS")) alias = this.name(false);
    else if (this.tok.t === "id") alias = this.name(false);
    return { kind: "expr", alias, expr };
  }

  parseExpr() { return this.parseConditional(); }

  parseConditional() {
    const cond = this.parseCoalesce();
    if (this.eatOp("?")) {
      const a = this.parseConditional();
      this.op(":");
      const b = this.parseConditional();
      return { type: "cond", cond, a, b };
    }
    return cond;
  }

  parseCoalesce() {
    let left = this.parseOr();
    while (this.eatOp("??")) left = { type: "coalesce", left, right: this.parseOr() };
    return left;
  }

  parseOr() {
    let left = this.parseAnd();
    while (this.eatKw("OR")) left = { type: "or", left, right: this.parseAnd() };
    return left;
  }

  parseAnd() {
    let left = this.parseNot();
    while (this.eatKw("AND")) left = { type: "and", left, right: this.parseNot() };
    return left;
  }

  parseNot() {
    if (this.eatKw("NOT")) return { type: "not", arg: this.parseNot() };
    return this.parseComparison();
  }

  parseComparison() {
    let left = this.parseBitOr();
    for (;;) {
      const t = this.tok;
      if (t.t === "op" && ["=", "!=", "<>", "<", "<=", ">", ">="].includes(t.v)) {
        this.i += 1;
        left = { type: "cmp", op: t.v === "<>" ? "!=" : t.v, left, right: this.parseBitOr() };
        continue;
      }
      let negate = false;
      if (this.isKw("NOT")) {
        const next = this.tokens[this.i + 1];
        if (next.t === "kw" && ["IN", "BETWEEN", "LIKE"].includes(next.v)) { negate = true; this.i += 1; } else break;
      }
      let node;
      if (this.eatKw("IN")) {
        this.op("(");
        const list = [];
        if (!this.isOp(")")) {
          do list.push(this.parseExpr()); while (this.eatOp(","));
        }
        this.op(")");
        node = { type: "in", value: left, list };
      } else if (this.eatKw("BETWEEN")) {
        const low = this.parseBitOr();
        this.kw("AND");
        const high = this.parseBitOr();
        node = { type: "between", value: left, low, high };
      } else if (this.eatKw("LIKE")) {
        const pattern = this.parseBitOr();
        let escape = null;
        if (this.eatKw("ESCAPE")) escape = this.parseBitOr();
        node = { type: "like", value: left, pattern, escape };
      } else {
        if (negate) this.fail();
        break;
      }
      left = negate ? { type: "not", arg: node } : node;
    }
    return left;
  }

  parseBinaryLevel(ops, next) {
    let left = next();
    for (;;) {
      const t = this.tok;
      if (t.t === "op" && ops.includes(t.v)) {
        this.i += 1;
        left = { type: "bin", op: t.v, left, right: next() };
      } else return left;
    }
  }

  parseBitOr() { return this.parseBinaryLevel(["|"], () => this.parseBitXor()); }

  parseBitXor() { return this.parseBinaryLevel(["^"], () => this.parseBitAnd()); }

  parseBitAnd() { return this.parseBinaryLevel(["&"], () => this.parseShift()); }

  parseShift() { return this.parseBinaryLevel(["<<", ">>", ">>>"], () => this.parseAdditive()); }

  parseAdditive() { return this.parseBinaryLevel(["+", "-", "||"], () => this.parseMultiplicative()); }

  parseMultiplicative() { return this.parseBinaryLevel(["*", "/", "%"], () => this.parseUnary()); }

  parseUnary() {
    const t = this.tok;
    if (t.t === "op" && ["-", "+", "~"].includes(t.v)) {
      this.i += 1;
      const arg = this.parseUnary();
      if (t.v === "-" && arg.type === "const" && typeof arg.value === "number") return { type: "const", value: -arg.value };
      return { type: "unary", op: t.v, arg };
    }
    if (this.isKw("NOT")) {
      this.i += 1;
      return { type: "not", arg: this.parseUnary() };
    }
    return this.parsePostfix();
  }

  parsePostfix() {
    let node = this.parsePrimary();
    for (;;) {
      if (this.eatOp(".")) {
        node = { type: "member", object: node, property: { type: "const", value: this.name(true) }, dotted: true };
      } else if (this.isOp("[")) {
        this.i += 1;
        const property = this.parseExpr();
        this.op("]");
        node = { type: "member", object: node, property, dotted: false };
      } else return node;
    }
  }

  parseArgs() {
    this.op("(");
    const args = [];
    if (!this.isOp(")")) {
      do args.push(this.parseExpr()); while (this.eatOp(","));
    }
    this.op(")");
    return args;
  }

  parsePrimary() {
    const t = this.tok;
    switch (t.t) {
      case "num":
      case "str":
        this.i += 1;
        return { type: "const", value: t.v };
      case "param":
        this.i += 1;
        return { type: "param", name: t.v };
      case "id":
        this.i += 1;
        if (this.isOp("(")) return { type: "call", name: t.v.toUpperCase(), args: this.parseArgs() };
        return { type: "ident", name: t.v };
      case "kw":
        switch (t.v) {
          case "TRUE": this.i += 1; return { type: "const", value: true };
          case "FALSE": this.i += 1; return { type: "const", value: false };
          case "NULL": this.i += 1; return { type: "const", value: null };
          case "UNDEFINED": this.i += 1; return { type: "const", value: undefined };
          case "EXISTS":
          case "ARRAY": {
            this.i += 1;
            this.op("(");
            const query = this.parseSelect();
            this.op(")");
            return { type: t.v === "EXISTS" ? "exists" : "array", query };
          }
          case "UDF": {
            this.i += 1;
            this.op(".");
            const name = this.name(true);
            return { type: "udf", name, args: this.parseArgs() };
          }
          default:
            // A keyword directly followed by "(" is taken as a function name.
            if (this.tokens[this.i + 1].t === "op" && this.tokens[this.i + 1].v === "(") {
              this.i += 1;
              return { type: "call", name: t.v, args: this.parseArgs() };
            }
            return this.fail();
        }
      case "op":
        if (t.v === "(") {
          this.i += 1;
          if (this.isKw("SELECT")) {
            const query = this.parseSelect();
            this.op(")");
            return { type: "scalarSubquery", query };
          }
          const e = this.parseExpr();
          this.op(")");
          return e;
        }
        if (t.v === "[") {
          this.i += 1;
          const items = [];
          if (!this.isOp("]")) {
            do items.push(this.parseExpr()); while (this.eatOp(","));
          }
          this.op("]");
          return { type: "arrayLit", items };
        }
        if (t.v === "{") {
          this.i += 1;
          const props = [];
          if (!this.isOp("}")) {
            do {
              const k = this.tok;
              let key;
              if (k.t === "str") { this.i += 1; key = k.v; } else key = this.name(true);
              this.op(":");
              props.push({ key, value: this.parseExpr() });
            } while (this.eatOp(","));
          }
          this.op("}");
          return { type: "objectLit", props };
        }
        return this.fail();
      default:
        return this.fail();
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Value helpers

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

const isBool = (v) => typeof v === "boolean";
const isNum = (v) => typeof v === "number";
const isStr = (v) => typeof v === "string";

function fold(s) {
  // Simple case folding: upper-case each code unit when that keeps the length.
  let out = "";
  for (const ch of s) {
    const u = ch.toUpperCase();
    out += u.length === ch.length ? u : ch;
  }
  return out;
}

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

function likeToRegExp(pattern, escape) {
  let re = "^";
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i];
    if (escape && ch === escape && i + 1 < pattern.length) {
      i += 1;
      re += pattern[i].replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
    } else if (ch === "%") re += "[\\s\\S]*";
    else if (ch === "_") re += "[\\s\\S]";
    else if (ch === "[") {
      const end = pattern.indexOf("]", i + 1);
      if (end < 0) { re += "\\["; continue; }
      let body = pattern.slice(i + 1, end);
      let negate = false;
      if (body.startsWith("^")) { negate = true; body = body.slice(1); }
      re += `[${negate ? "^" : ""}${body.replace(/[\\\]]/g, "\\$&")}]`;
      i = end;
    } else re += ch.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
  }
  return new RegExp(`${re}$`);
}

// ---------------------------------------------------------------------------------------------
// Built-in scalar functions. Each gets already evaluated arguments; wrong types give undefined.

const DATE_PARTS = {
  YEAR: "year", YYYY: "year", YY: "year",
  MONTH: "month", MM: "month", M: "month",
  DAY: "day", DD: "day", D: "day",
  HOUR: "hour", HH: "hour",
  MINUTE: "minute", MI: "minute", N: "minute",
  SECOND: "second", SS: "second", S: "second",
  MILLISECOND: "millisecond", MS: "millisecond",
};
const PART_MS = { day: 86400000, hour: 3600000, minute: 60000, second: 1000, millisecond: 1 };

function parseDateTime(s) {
  if (!isStr(s)) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?Z?$/.exec(s);
  if (!m) return undefined;
  const ms = m[7] ? Number(m[7].padEnd(7, "0").slice(0, 3)) : 0;
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] || 0), +(m[5] || 0), +(m[6] || 0), ms);
}

function formatDateTime(ms) {
  if (!Number.isFinite(ms)) return undefined;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return undefined;
  return `${d.toISOString().slice(0, 23)}0000Z`;
}

function datePart(part) {
  return isStr(part) ? DATE_PARTS[part.toUpperCase()] : undefined;
}

function addToDate(ms, part, n) {
  const d = new Date(ms);
  if (part === "year") d.setUTCFullYear(d.getUTCFullYear() + n);
  else if (part === "month") d.setUTCMonth(d.getUTCMonth() + n);
  else return ms + n * PART_MS[part];
  return d.getTime();
}

function roundAwayFromZero(v) {
  return Math.sign(v) * Math.round(Math.abs(v));
}

const num1 = (f) => (args) => (args.length === 1 && isNum(args[0]) ? f(args[0]) : undefined);
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

const BUILTINS = {
  // type checks
  IS_ARRAY: ([v]) => Array.isArray(v),
  IS_BOOL: ([v]) => isBool(v),
  IS_DEFINED: ([v]) => v !== undefined,
  IS_FINITE_NUMBER: ([v]) => isNum(v) && Number.isFinite(v),
  IS_INTEGER: ([v]) => isNum(v) && Number.isInteger(v),
  IS_NULL: ([v]) => v === null,
  IS_NUMBER: ([v]) => isNum(v),
  IS_OBJECT: ([v]) => typeOf(v) === "object",
  IS_PRIMITIVE: ([v]) => ["null", "boolean", "number", "string"].includes(typeOf(v)),
  IS_STRING: ([v]) => isStr(v),
  // strings
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
  // math
  ABS: num1(Math.abs),
  ACOS: num1(Math.acos),
  ASIN: num1(Math.asin),
  ATAN: num1(Math.atan),
  ATN2: ([a, b]) => (isNum(a) && isNum(b) ? Math.atan2(b, a) : undefined),
  CEILING: num1(Math.ceil),
  COS: num1(Math.cos),
  COT: num1((v) => 1 / Math.tan(v)),
  DEGREES: num1((v) => (v * 180) / Math.PI),
  EXP: num1(Math.exp),
  FLOOR: num1(Math.floor),
  LOG: ([v, base]) => {
    if (!isNum(v)) return undefined;
    if (base === undefined) return Math.log(v);
    return isNum(base) ? Math.log(v) / Math.log(base) : undefined;
  },
  LOG10: num1(Math.log10),
  PI: () => Math.PI,
  POWER: ([a, b]) => (isNum(a) && isNum(b) ? a ** b : undefined),
  RADIANS: num1((v) => (v * Math.PI) / 180),
  RAND: () => Math.random(),
  ROUND: num1(roundAwayFromZero),
  SIGN: num1(Math.sign),
  SIN: num1(Math.sin),
  SQRT: num1(Math.sqrt),
  SQUARE: num1((v) => v * v),
  TAN: num1(Math.tan),
  TRUNC: num1(Math.trunc),
  NUMBERBIN: ([v, size]) => {
    if (!isNum(v)) return undefined;
    const s = size === undefined ? 1 : size;
    if (!isNum(s) || s <= 0) return undefined;
    return Math.floor(v / s) * s;
  },
  // arrays
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
  // conditional
  IIF: ([c, a, b]) => (c === true ? a : b),
  // date and time
  GETCURRENTDATETIME: (args, env) => formatDateTime(env.now),
  GETCURRENTTIMESTAMP: (args, env) => env.now,
  GETCURRENTTICKS: (args, env) => env.now * 10000 + 621355968000000000,
  DATETIMETOTIMESTAMP: ([s]) => parseDateTime(s),
  DATETIMETOTICKS: ([s]) => { const ms = parseDateTime(s); return ms === undefined ? undefined : ms * 10000 + 621355968000000000; },
  TIMESTAMPTODATETIME: ([ms]) => (isNum(ms) ? formatDateTime(ms) : undefined),
  TICKSTODATETIME: ([t]) => (isNum(t) ? formatDateTime((t - 621355968000000000) / 10000) : undefined),
  DATETIMEADD: ([part, n, s]) => {
    const p = datePart(part);
    const ms = parseDateTime(s);
    if (!p || ms === undefined || !isNum(n)) return undefined;
    return formatDateTime(addToDate(ms, p, Math.trunc(n)));
  },
  DATETIMEDIFF: ([part, s1, s2]) => {
    const p = datePart(part);
    const a = parseDateTime(s1);
    const b = parseDateTime(s2);
    if (!p || a === undefined || b === undefined) return undefined;
    const da = new Date(a);
    const db = new Date(b);
    if (p === "year") return db.getUTCFullYear() - da.getUTCFullYear();
    if (p === "month") return (db.getUTCFullYear() * 12 + db.getUTCMonth()) - (da.getUTCFullYear() * 12 + da.getUTCMonth());
    return Math.floor(b / PART_MS[p]) - Math.floor(a / PART_MS[p]);
  },
  DATETIMEPART: ([part, s]) => {
    const p = datePart(part);
    const ms = parseDateTime(s);
    if (!p || ms === undefined) return undefined;
    const d = new Date(ms);
    switch (p) {
      case "year": return d.getUTCFullYear();
      case "month": return d.getUTCMonth() + 1;
      case "day": return d.getUTCDate();
      case "hour": return d.getUTCHours();
      case "minute": return d.getUTCMinutes();
      case "second": return d.getUTCSeconds();
      default: return d.getUTCMilliseconds();
    }
  },
  DATETIMEBIN: ([s, part, size, origin]) => {
    const p = datePart(part);
    const ms = parseDateTime(s);
    const n = size === undefined ? 1 : size;
    if (!p || ms === undefined || !isNum(n) || n <= 0) return undefined;
    const o = origin === undefined ? 0 : parseDateTime(origin);
    if (o === undefined) return undefined;
    if (p === "year" || p === "month") {
      const d = new Date(ms);
      const od = new Date(o);
      const months = (d.getUTCFullYear() * 12 + d.getUTCMonth()) - (od.getUTCFullYear() * 12 + od.getUTCMonth());
      const unit = p === "year" ? 12 * n : n;
      return formatDateTime(addToDate(o, "month", Math.floor(months / unit) * unit));
    }
    const width = PART_MS[p] * n;
    return formatDateTime(o + Math.floor((ms - o) / width) * width);
  },
};

function dedupe(values) {
  const seen = new Set();
  const out = [];
  for (const v of values) {
    const k = canonical(v);
    if (!seen.has(k)) { seen.add(k); out.push(v); }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Aggregates: each takes the list of argument values of the rows in one group.

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

const AGGREGATES = {
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

// ---------------------------------------------------------------------------------------------
// Compiler: AST -> closures (row, env) => value. A row is an object mapping FROM aliases to
// values. env = { params, udf, now }.

function toInt(source, env, what) {
  const v = source.type === "const" ? source.value : lookupParam(env, source.name);
  if (!isNum(v) || !Number.isInteger(v) || v < 0) {
    throw new QueryError(`The ${what} value must be a non-negative integer.`);
  }
  return v;
}

function lookupParam(env, name) {
  if (!Object.prototype.hasOwnProperty.call(env.params, name)) {
    throw new QueryError(`The parameter ${name} is not defined.`);
  }
  return env.params[name];
}

function and3(a, b) {
  if (a === false || b === false) return false;
  if (a === true && b === true) return true;
  return undefined;
}

function or3(a, b) {
  if (a === true || b === true) return true;
  if (a === false && b === false) return false;
  return undefined;
}

function equal3(a, b) {
  if (a === undefined || b === undefined) return undefined;
  const ta = typeOf(a);
  if (ta !== typeOf(b)) return undefined;
  return deepEqual(a, b);
}

function compare3(op, a, b) {
  const ta = typeOf(a);
  if (ta !== typeOf(b)) return undefined;
  if (op === "=") return equal3(a, b);
  if (ta === "undefined" || ta === "array" || ta === "object") return undefined;
  switch (op) {
    case "!=": return a !== b;
    case "<": return a < b;
    case "<=": return a <= b;
    case ">": return a > b;
    default: return a >= b;
  }
}

function arithmetic(op, a, b) {
  if (op === "||") return isStr(a) && isStr(b) ? a + b : undefined;
  if (!isNum(a) || !isNum(b)) return undefined;
  switch (op) {
    case "+": return a + b;
    case "-": return a - b;
    case "*": return a * b;
    case "/": return a / b;
    case "%": return a % b;
    case "|": return a | b; // eslint-disable-line no-bitwise
    case "&": return a & b; // eslint-disable-line no-bitwise
    case "^": return a ^ b; // eslint-disable-line no-bitwise
    case "<<": return a << b; // eslint-disable-line no-bitwise
    case ">>": return a >> b; // eslint-disable-line no-bitwise
    default: return a >>> b; // eslint-disable-line no-bitwise
  }
}

class Scope {
  // aliases: names bound by FROM at this level and outer levels.
  // agg: collector of aggregate calls for the current SELECT list (null where not allowed).
  constructor(aliases, agg) {
    this.aliases = aliases;
    this.agg = agg;
  }
}

function compileExpr(node, scope) {
  switch (node.type) {
    case "const": {
      const { value } = node;
      return () => value;
    }
    case "param": {
      const { name } = node;
      return (row, env) => lookupParam(env, name);
    }
    case "ident": {
      const { name } = node;
      if (!scope.aliases.has(name)) throw new QueryError(`Identifier '${name}' could not be resolved.`);
      return (row) => row[name];
    }
    case "member": {
      const obj = compileExpr(node.object, scope);
      if (node.property.type === "const") {
        const key = node.property.value;
        return (row, env) => {
          const o = obj(row, env);
          if (o === null || typeof o !== "object") return undefined;
          if (Array.isArray(o)) return isNum(key) ? o[key] : undefined;
          return isStr(key) && Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
        };
      }
      const prop = compileExpr(node.property, scope);
      return (row, env) => {
        const o = obj(row, env);
        const key = prop(row, env);
        if (o === null || typeof o !== "object") return undefined;
        if (Array.isArray(o)) return isNum(key) && Number.isInteger(key) ? o[key] : undefined;
        return isStr(key) && Object.prototype.hasOwnProperty.call(o, key) ? o[key] : undefined;
      };
    }
    case "arrayLit": {
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
    case "objectLit": {
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
    case "not": {
      const arg = compileExpr(node.arg, scope);
      return (row, env) => {
        const v = arg(row, env);
        return isBool(v) ? !v : undefined;
      };
    }
    case "and": {
      const l = compileExpr(node.left, scope);
      const r = compileExpr(node.right, scope);
      return (row, env) => {
        const a = l(row, env);
        if (a === false) return false;
        return and3(a, r(row, env));
      };
    }
    case "or": {
      const l = compileExpr(node.left, scope);
      const r = compileExpr(node.right, scope);
      return (row, env) => {
        const a = l(row, env);
        if (a === true) return true;
        return or3(a, r(row, env));
      };
    }
    case "cmp": {
      const l = compileExpr(node.left, scope);
      const r = compileExpr(node.right, scope);
      const { op } = node;
      return (row, env) => compare3(op, l(row, env), r(row, env));
    }
    case "in": {
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
    case "between": {
      const v = compileExpr(node.value, scope);
      const lo = compileExpr(node.low, scope);
      const hi = compileExpr(node.high, scope);
      return (row, env) => {
        const x = v(row, env);
        return and3(compare3(">=", x, lo(row, env)), compare3("<=", x, hi(row, env)));
      };
    }
    case "like": {
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
    case "bin": {
      const l = compileExpr(node.left, scope);
      const r = compileExpr(node.right, scope);
      const { op } = node;
      return (row, env) => arithmetic(op, l(row, env), r(row, env));
    }
    case "unary": {
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
    case "cond": {
      const c = compileExpr(node.cond, scope);
      const a = compileExpr(node.a, scope);
      const b = compileExpr(node.b, scope);
      return (row, env) => (c(row, env) === true ? a(row, env) : b(row, env));
    }
    case "coalesce": {
      const l = compileExpr(node.left, scope);
      const r = compileExpr(node.right, scope);
      return (row, env) => {
        const v = l(row, env);
        return v !== undefined ? v : r(row, env);
      };
    }
    case "call": {
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
    case "udf": {
      const { name } = node;
      const args = node.args.map((x) => compileExpr(x, scope));
      return (row, env) => {
        const f = env.udf && env.udf[name];
        if (typeof f !== "function") throw new QueryError(`Unknown user-defined function udf.${name}.`);
        return f(...args.map((a) => a(row, env)));
      };
    }
    case "exists": {
      const sub = compileQuery(node.query, scope.aliases);
      return (row, env) => sub.evaluate(row, env).length > 0;
    }
    case "array": {
      const sub = compileQuery(node.query, scope.aliases);
      return (row, env) => sub.evaluate(row, env);
    }
    case "scalarSubquery": {
      const sub = compileQuery(node.query, scope.aliases);
      return (row, env) => sub.evaluate(row, env)[0];
    }
    case "subquery":
      throw new QueryError("A subquery is not allowed here.");
    default:
      throw new QueryError(`Unsupported expression ${node.type}.`);
  }
}

// Name of an unaliased SELECT item, or null when Cosmos numbers it ($1, $2, ...).
function implicitName(expr) {
  if (expr.type === "ident") return expr.name;
  if (expr.type === "member" && expr.property.type === "const" && isStr(expr.property.value)) {
    return expr.property.value;
  }
  return null;
}

// Compiles one SELECT (top level or subquery). outerAliases: names visible from enclosing
// queries (empty at top level). The top-level FROM names the container: its first identifier
// is bound to each document.
function compileQuery(q, outerAliases, topLevel = false) {
  const aliases = new Set(outerAliases);
  const sources = [];
  if (q.from) {
    q.from.forEach((src, index) => {
      if (index === 0 && topLevel) {
        // FROM c | FROM root r | FROM c.path [p] | FROM x IN c.path
        const { expr } = src;
        if (expr.type === "subquery") throw new QueryError("The FROM clause of the outer query must name the container.");
        let root = expr;
        while (root.type === "member") root = root.object;
        if (root.type !== "ident") throw new QueryError("The FROM clause must name the container.");
        const containerName = root.name;
        const inner = new Set([containerName]);
        if (src.kind === "in") {
          const value = compileExpr(expr, new Scope(inner, null));
          sources.push({ kind: "rootIn", alias: src.alias, containerName, value });
          aliases.add(src.alias);
        } else if (expr.type === "ident") {
          const alias = src.alias || containerName;
          sources.push({ kind: "root", alias });
          aliases.add(alias);
        } else {
          const alias = src.alias || implicitName(expr);
          if (!alias) throw new QueryError("A FROM source needs an alias.");
          const value = compileExpr(expr, new Scope(inner, null));
          sources.push({ kind: "rootPath", alias, containerName, value });
          aliases.add(alias);
        }
        return;
      }
      if (src.kind === "in") {
        sources.push({ kind: "iterate", alias: src.alias, value: compileExpr(src.expr, new Scope(aliases, null)) });
        aliases.add(src.alias);
      } else if (src.expr.type === "subquery") {
        const alias = src.alias || `$s${index}`;
        const sub = compileQuery(src.expr.query, aliases);
        sources.push({ kind: "subquery", alias, sub });
        aliases.add(alias);
      } else {
        const alias = src.alias || implicitName(src.expr);
        if (!alias) throw new QueryError("A FROM source needs an alias.");
        sources.push({ kind: "single", alias, value: compileExpr(src.expr, new Scope(aliases, null)) });
        aliases.add(alias);
      }
    });
  }
  const plain = new Scope(aliases, null);
  const where = q.where ? compileExpr(q.where, plain) : null;
  const groupBy = q.groupBy ? q.groupBy.map((e) => compileExpr(e, plain)) : null;
  const orderBy = q.orderBy ? q.orderBy.map(({ expr, desc }) => ({ key: compileExpr(expr, plain), desc })) : null;

  const agg = { list: [], symbol: Symbol("aggregates") };
  const selectScope = new Scope(aliases, agg);
  let project;
  const ownAliases = [...aliases].filter((a) => !outerAliases.has(a));
  if (q.select.kind === "star") {
    if (!q.from) throw new QueryError("'SELECT *' is not valid if FROM clause is omitted.");
    if (ownAliases.length !== 1) throw new QueryError("'SELECT *' is only valid with a single input set.");
    const [alias] = ownAliases;
    project = (row) => row[alias];
  } else if (q.select.kind === "value") {
    project = compileExpr(q.select.expr, selectScope);
  } else {
    let counter = 0;
    const items = q.select.items.map(({ expr, alias }) => {
      const f = compileExpr(expr, selectScope);
      let name = alias || implicitName(expr);
      if (!name) { counter += 1; name = `$${counter}`; }
      return [name, f];
    });
    project = (row, env) => {
      const out = {};
      for (const [k, f] of items) {
        const v = f(row, env);
        if (v !== undefined) out[k] = v;
      }
      return out;
    };
  }
  const aggregated = agg.list.length > 0 || groupBy !== null;

  // Produces the rows of FROM (+ JOINs) for one evaluation.
  function* rows(docs, outerRow, env) {
    function* expand(i, row) {
      if (i === sources.length) { yield row; return; }
      const s = sources[i];
      switch (s.kind) {
        case "iterate": {
          const arr = s.value(row, env);
          if (Array.isArray(arr)) for (const v of arr) yield* expand(i + 1, { ...row, [s.alias]: v });
          return;
        }
        case "single": {
          const v = s.value(row, env);
          if (v !== undefined) yield* expand(i + 1, { ...row, [s.alias]: v });
          return;
        }
        case "subquery":
          for (const v of s.sub.evaluate(row, env)) yield* expand(i + 1, { ...row, [s.alias]: v });
          return;
        default:
          throw new Error(`unexpected source ${s.kind}`);
      }
    }
    if (!q.from) { yield { ...outerRow }; return; }
    const first = sources[0];
    if (first.kind === "root" || first.kind === "rootIn" || first.kind === "rootPath") {
      for (const doc of docs) {
        if (first.kind === "root") {
          yield* expand(1, { [first.alias]: doc });
        } else {
          const v = first.value({ [first.containerName]: doc }, env);
          if (first.kind === "rootPath") {
            if (v !== undefined) yield* expand(1, { [first.alias]: v });
          } else if (Array.isArray(v)) {
            for (const x of v) yield* expand(1, { [first.alias]: x });
          }
        }
      }
    } else {
      yield* expand(0, { ...outerRow });
    }
  }

  function evaluate(outerRow, env, docs) {
    let selected = [];
    for (const row of rows(docs, outerRow, env)) {
      if (!where || where(row, env) === true) selected.push(row);
    }
    if (orderBy) {
      const keyed = selected.map((row, i) => ({ row, i, keys: orderBy.map((o) => o.key(row, env)) }));
      keyed.sort((a, b) => {
        for (let k = 0; k < orderBy.length; k += 1) {
          const c = compareValues(a.keys[k], b.keys[k]);
          if (c !== 0) return orderBy[k].desc ? -c : c;
        }
        return a.i - b.i;
      });
      selected = keyed.map((k) => k.row);
    }
    let results;
    if (aggregated) {
      const groups = new Map();
      if (!groupBy) groups.set("", []);
      for (const row of selected) {
        const key = groupBy ? groupBy.map((g) => canonical(g(row, env))).join("|") : "";
        let g = groups.get(key);
        if (!g) { g = []; groups.set(key, g); }
        g.push(row);
      }
      results = [];
      for (const members of groups.values()) {
        const values = agg.list.map(({ fn, arg }) => fn(members.map((r) => arg(r, env))));
        const groupRow = { ...(members[0] || outerRow || {}), [agg.symbol]: values };
        results.push(project(groupRow, env));
      }
    } else {
      results = selected.map((row) => project(row, env));
    }
    results = results.filter((v) => v !== undefined);
    if (q.distinct) results = dedupe(results);
    if (q.offset) {
      const offset = toInt(q.offset, env, "OFFSET");
      const limit = toInt(q.limit, env, "LIMIT");
      results = results.slice(offset, offset + limit);
    }
    if (q.top) results = results.slice(0, toInt(q.top, env, "TOP"));
    return results;
  }

  return {
    evaluate: (outerRow, env) => evaluate(outerRow, env, null),
    evaluateTop: (docs, env) => evaluate({}, env, docs),
    aggregated,
    ordered: orderBy !== null,
  };
}

// "/a/b" for an ORDER BY item that is a property path of the container's documents, else null.
function documentPath(expr, rootAlias) {
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

export function compile(sql) {
  if (typeof sql !== "string" || !sql.trim()) throw new QueryError("The query text is empty.");
  const ast = new Parser(sql).parseSql();
  const compiled = compileQuery(ast, new Set(), true);
  const first = ast.from && ast.from[0];
  const rootAlias = first && first.kind === "expr" && first.expr.type === "ident" ? (first.alias || first.expr.name) : null;
  return {
    ast,
    // ORDER BY items as { path, desc }: path is null when not a plain document property path.
    orderBy: ast.orderBy ? ast.orderBy.map(({ expr, desc }) => ({ path: documentPath(expr, rootAlias), desc })) : [],
    run(docs, { parameters, udf } = {}) {
      const params = {};
      for (const p of parameters || []) params[p.name] = p.value;
      const env = { params, udf: udf || {}, now: Date.now() };
      const results = compiled.evaluateTop(docs, env);
      // SELECT * returns the stored documents, which hold no undefined values.
      return ast.select.kind === "star" ? results : results.map(clean);
    },
  };
}
