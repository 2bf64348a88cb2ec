// Type-checking functions: IS_DEFINED, IS_NULL, IS_STRING and the like. Unlike most built-ins
// they are defined for every argument, undefined included, and always answer a boolean.

import { isBool, isNum, isStr, typeOf } from "../values.mjs";

export const TYPE_CHECK_FUNCTIONS = {
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
};
