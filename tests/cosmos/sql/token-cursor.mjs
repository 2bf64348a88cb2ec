// The token stream a recursive-descent parser walks: the current token, one-token lookahead
// checks (isKw/isOp), consuming checks (eatKw/eatOp) and demands (kw/op) that fail with the
// service's "incorrect syntax near" message.

import { QueryError } from "./query-error.mjs";
import { tokenize } from "./lexer.mjs";

export class TokenCursor {
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
}
