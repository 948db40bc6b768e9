/**
 * Field checkers shared by the four actuals files, one per column: each returns the value, or reports a
 * message naming the column and the offending text (`line 7: quantity "-3" must not be negative`) and
 * returns undefined. Files of hundreds of thousands of rows pass through these, so the common case
 * allocates nothing: dates, periods and names are checked once per distinct text, quantities that are
 * plain digits are read without a regular expression.
 */
import { daysInMonth, parseIsoDate } from "../time/dates.ts";
import { type Period, parsePeriod } from "../time/period.ts";

/** Where a checker reports a problem with the value. */
export type Report = (message: string) => void;

/** Checks one column's raw text. */
export type Check<T> = (raw: string, problem: Report) => T | undefined;

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (error: string): Parsed<never> => ({ ok: false, error });

/** Shown text, cut so one bad cell cannot flood an error list. */
export function quote(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return JSON.stringify(shown);
}

/**
 * A checker that checks each distinct text once: files repeat the same few hundred dates, periods and
 * families on every row. Bounded, so a file of distinct values cannot grow it without limit.
 */
function memo<T>(column: string, check: (column: string, raw: string) => Parsed<T>): Check<T> {
  const cache = new Map<string, Parsed<T>>();
  // Rows in key order repeat the previous row's family: compared, not hashed.
  let lastRaw: string | undefined;
  let last: Parsed<T> | undefined;
  return (raw, problem) => {
    let hit = raw === lastRaw ? last : cache.get(raw);
    if (hit === undefined) {
      if (cache.size > 50_000) cache.clear();
      hit = check(column, raw);
      cache.set(raw, hit);
    }
    lastRaw = raw;
    last = hit;
    if (hit.ok) return hit.value;
    problem(hit.error);
    return undefined;
  };
}

const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

/** Digits with at most one decimal point and at least one digit: a quantity as the fast path reads it. */
function isPlainDecimal(text: string): boolean {
  const n = text.length;
  let dot = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if (c !== 46 || dot) return false;
    dot = true;
  }
  return n > (dot ? 1 : 0);
}

/** A quantity: digits with an optional decimal point; not negative. */
export function quantity(column: string): Check<number> {
  return (raw, problem) => {
    if (isPlainDecimal(raw)) return Number(raw);
    const text = raw.trim();
    let error: string;
    if (text === "") error = `${column} is empty`;
    else if (DECIMAL.test(text)) return Number(text);
    else if (/^-\s*(?:\d+(?:\.\d*)?|\.\d+)$/.test(text))
      error = `${column} ${quote(text)} must not be negative`;
    else if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text) || /^\d+,\d+$/.test(text))
      error = `${column} ${quote(text)} is not a number (no thousands separators; use . for decimals)`;
    else error = `${column} ${quote(text)} is not a number`;
    problem(error);
    return undefined;
  };
}

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
export function isoDate(column: string): Check<string> {
  const checked = memo(column, checkIsoDate);
  return (raw, problem) => (isExactDate(raw) ? raw : checked(raw, problem));
}

/** `YYYY-MM-DD` exactly (no spaces) and a day that exists: read from the character codes, no lookup. */
function isExactDate(t: string): boolean {
  if (t.length !== 10 || t.charCodeAt(4) !== 45 || t.charCodeAt(7) !== 45) return false;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const c = t.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return false;
    year = year * 10 + c;
  }
  const m1 = t.charCodeAt(5) - 48;
  const m2 = t.charCodeAt(6) - 48;
  const d1 = t.charCodeAt(8) - 48;
  const d2 = t.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return false;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function checkIsoDate(column: string, raw: string): Parsed<string> {
  const text = raw.trim();
  if (text === "") return fail(`${column} is empty`);
  if (parseIsoDate(text) === null) {
    return /^\d{4}-\d{2}-\d{2}$/.test(text)
      ? fail(`${column} ${quote(text)} is not a date that exists`)
      : fail(`${column} ${quote(text)} is not a date in the form YYYY-MM-DD`);
  }
  return ok(text);
}

/** A month `YYYY-MM` or an ISO week `YYYY-Www` (W53 only in years that have one). */
export const period = (column: string): Check<Period> => memo(column, checkPeriod);

function checkPeriod(column: string, raw: string): Parsed<Period> {
  const text = raw.trim();
  if (text === "") return fail(`${column} is empty`);
  const p = parsePeriod(text);
  if (p) return ok(p);
  if (/^\d{4}-W\d{2}$/.test(text)) return fail(`${column} ${quote(text)} is not a week of that year`);
  if (/^\d{4}-\d{2}$/.test(text)) return fail(`${column} ${quote(text)} is not a month (01-12)`);
  return fail(`${column} ${quote(text)} is not a period (YYYY-MM or an ISO week YYYY-Www)`);
}

const MAX_NAME = 120;

/**
 * A non-empty name, trimmed; on the team's list when it has one. `distinct`: every row has its own
 * (order ids), so caching would only cost.
 */
export function name(column: string, opts: { distinct?: boolean } = {}) {
  const basic: Check<string> = opts.distinct
    ? (raw, problem) => {
        const checked = checkName(column, raw);
        if (checked.ok) return checked.value;
        problem(checked.error);
        return undefined;
      }
    : memo(column, checkName);
  return (raw: string, problem: Report, allowed?: ReadonlySet<string>): string | undefined => {
    const value = basic(raw, problem);
    if (value === undefined || !allowed || allowed.has(value)) return value;
    problem(`${column} ${quote(value)} is not in the team's family list`);
    return undefined;
  };
}

function checkName(column: string, raw: string): Parsed<string> {
  const text = raw.trim();
  if (text === "") return fail(`${column} is empty`);
  if (text.length > MAX_NAME) return fail(`${column} ${quote(text)} is longer than ${MAX_NAME} characters`);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(text))
    return fail(`${column} ${quote(text)} contains a line break or control character`);
  return ok(text);
}
