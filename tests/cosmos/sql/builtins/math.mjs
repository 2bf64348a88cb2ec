// Mathematical functions: numbers in, a number out, undefined for anything else.

import { isNum } from "../values.mjs";

// ROUND rounds halves away from zero (-2.5 -> -3); Math.round would give -2.
function roundAwayFromZero(v) {
  return Math.sign(v) * Math.round(Math.abs(v));
}

const num1 = (f) => (args) => (args.length === 1 && isNum(args[0]) ? f(args[0]) : undefined);

export const MATH_FUNCTIONS = {
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
};
