// Built-in scalar functions by upper-case name. Each gets its already evaluated arguments (and
// env, for the current time); arguments of the wrong type give undefined, as in Cosmos.

import { ARRAY_FUNCTIONS } from "./builtins/arrays.mjs";
import { DATE_TIME_FUNCTIONS } from "./builtins/date-time.mjs";
import { MATH_FUNCTIONS } from "./builtins/math.mjs";
import { STRING_FUNCTIONS } from "./builtins/strings.mjs";
import { TYPE_CHECK_FUNCTIONS } from "./builtins/type-checks.mjs";

export const BUILTINS = {
  ...TYPE_CHECK_FUNCTIONS,
  ...STRING_FUNCTIONS,
  ...MATH_FUNCTIONS,
  ...ARRAY_FUNCTIONS,
  IIF: ([c, a, b]) => (c === true ? a : b),
  ...DATE_TIME_FUNCTIONS,
};
