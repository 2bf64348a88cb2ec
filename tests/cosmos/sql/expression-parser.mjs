// Expression grammar, lowest precedence first: ?: , ??, OR, AND, NOT, comparisons (with
// [NOT] IN / BETWEEN / LIKE), | ^ & , shifts, + - || , * / % , unary, postfix (.name, [expr]),
// primaries. Produces plain AST nodes { type, ... } for expression-compiler.mjs.
//
// EXISTS(...), ARRAY(...) and scalar subqueries nest whole queries, so parsePrimary calls
// this.parseSelect(), which the subclass QueryParser (query-parser.mjs) provides.

import { TokenCursor } from "./token-cursor.mjs";

export class ExpressionParser extends TokenCursor {
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
