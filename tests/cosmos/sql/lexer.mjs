// Lexer: query text -> tokens { t, v, pos }. t is "kw" (keyword, v upper-cased, raw as written),
// "id", "param" (@name), "num", "str", "op" (punctuation) or "eof".

import { QueryError } from "./query-error.mjs";

const KEYWORDS = new Set([
  "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "BETWEEN", "LIKE", "ESCAPE", "AS",
  "VALUE", "TOP", "DISTINCT", "ORDER", "BY", "ASC", "DESC", "GROUP", "OFFSET", "LIMIT", "JOIN",
  "EXISTS", "ARRAY", "TRUE", "FALSE", "NULL", "UNDEFINED", "UDF",
]);

const PUNCTUATION = [">>>", "<<", ">>", "<=", ">=", "!=", "<>", "||", "??",
  "(", ")", "[", "]", "{", "}", ",", ".", ":", "?", "*", "/", "%", "+", "-", "|", "&", "^", "~",
  "=", "<", ">"];

export function tokenize(text) {
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
