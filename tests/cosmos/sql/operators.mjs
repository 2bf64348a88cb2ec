// Three-valued logic and the comparison and arithmetic operators, as Cosmos defines them:
// an operand of the wrong type, or undefined, makes the result undefined rather than false, and
// values of different types are not comparable (so `c.n != 1` is not true for a string c.n).

import { deepEqual, isNum, isStr, typeOf } from "./values.mjs";

export function and3(a, b) {
  if (a === false || b === false) return false;
  if (a === true && b === true) return true;
  return undefined;
}

export function or3(a, b) {
  if (a === true || b === true) return true;
  if (a === false && b === false) return false;
  return undefined;
}

export function equal3(a, b) {
  if (a === undefined || b === undefined) return undefined;
  const ta = typeOf(a);
  if (ta !== typeOf(b)) return undefined;
  return deepEqual(a, b);
}

export function compare3(op, a, b) {
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

export function arithmetic(op, a, b) {
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
