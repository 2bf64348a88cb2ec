// Date and time functions over ISO 8601 UTC text ("2025-01-01T00:00:00.0000000Z"), at
// millisecond precision: the seven fractional digits Cosmos writes are read and written, but
// only the first three carry information. Ticks are 100 ns since 0001-01-01.

import { isNum, isStr } from "../values.mjs";

const DATE_PARTS = {
  YEAR: "year", YYYY: "year", YY: "year",
  MONTH: "month", MM: "month", M: "month",
  DAY: "day", DD: "day", D: "day",
  HOUR: "hour", HH: "hour",
  MINUTE: "minute", MI: "minute", N: "minute",
  SECOND: "second", SS: "second", S: "second",
  MILLISECOND: "millisecond", MS: "millisecond",
};
// .NET ticks (100 ns) per millisecond, and the ticks of 1970-01-01T00:00:00Z.
const TICKS_PER_MS = 10000;
const UNIX_EPOCH_TICKS = 621355968000000000;
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

export const DATE_TIME_FUNCTIONS = {
  GETCURRENTDATETIME: (args, env) => formatDateTime(env.now),
  GETCURRENTTIMESTAMP: (args, env) => env.now,
  GETCURRENTTICKS: (args, env) => env.now * TICKS_PER_MS + UNIX_EPOCH_TICKS,
  DATETIMETOTIMESTAMP: ([s]) => parseDateTime(s),
  DATETIMETOTICKS: ([s]) => { const ms = parseDateTime(s); return ms === undefined ? undefined : ms * TICKS_PER_MS + UNIX_EPOCH_TICKS; },
  TIMESTAMPTODATETIME: ([ms]) => (isNum(ms) ? formatDateTime(ms) : undefined),
  TICKSTODATETIME: ([t]) => (isNum(t) ? formatDateTime((t - UNIX_EPOCH_TICKS) / TICKS_PER_MS) : undefined),
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
