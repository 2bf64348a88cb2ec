// Statement grammar: SELECT [DISTINCT] [TOP n] list FROM … [JOIN …] [WHERE] [GROUP BY]
// [ORDER BY] [OFFSET n LIMIT m]. The result is the AST the query compiler takes:
// { type: "select", distinct, top, select, from, where, groupBy, orderBy, offset, limit }.

import { ExpressionParser } from "./expression-parser.mjs";

class QueryParser extends ExpressionParser {
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
}

// Parses a whole query text; throws QueryError on a syntax error.
export function parseQuery(text) {
  return new QueryParser(text).parseSql();
}
