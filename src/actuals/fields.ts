/**
 * Field parsers shared by the four actuals files. Each returns the value or a message naming the column
 * and the offending text, so an error reads `line 7: quantity "-3" must not be negative`.
 */
import { parseIsoDate } from "../time/dates.ts";
import { type Period, parsePeriod } from "../time/period.ts";

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (error: string): Parsed<never> => ({ ok: false, error });

/** Shown text, cut so one bad cell cannot flood an error list. */
export function quote(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return JSON.stringify(shown);
}

const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

/** A quantity: digits with an optional decimal point; not negative. */
export function quantity(column: string, raw: string): Parsed<number> {
  const text = raw.trim();
  if (text === "") return fail(`${column} is empty`);
  if (DECIMAL.test(text)) return ok(Number(text));
  if (/^-\s*(?:\d+(?:\.\d*)?|\.\d+)$/.test(text))
    return fail(`${column} ${quote(text)} must not be negative`);
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text) || /^\d+,\d+$/.test(text))
    return fail(`${column} ${quote(text)} is not a number (no thousands separators; use . for decimals)`);
  return fail(`${column} ${quote(text)} is not a number`);
}

/**
 * Files repeat the same few hundred dates, periods and families on every row; checking each distinct
 * text once keeps a 500,000-row file cheap. Keys include the column, as messages name it.
 */
function memo<T>(check: (column: string, raw: string) => Parsed<T>) {
  const byColumn = new Map<string, Map<string, Parsed<T>>>();
  return (column: string, raw: string): Parsed<T> => {
    let cache = byColumn.get(column);
    if (cache === undefined) {
      cache = new Map();
      byColumn.set(column, cache);
    }
    let hit = cache.get(raw);
    if (hit === undefined) {
      if (cache.size > 50_000) cache.clear();
      hit = check(column, raw);
      cache.set(raw, hit);
    }
    return hit;
  };
}

/** A calendar date `YYYY-MM-DD` that exists (2026-02-30 does not). */
export const isoDate = memo(checkIsoDate);

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
export const period = memo(checkPeriod);

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

const checkedNames = memo((column, raw) => checkName(column, raw));

/** A non-empty name (family, order id), trimmed; on the team's list when it has one. */
export function name(column: string, raw: string, allowed?: ReadonlySet<string>): Parsed<string> {
  // Order ids are all distinct: not worth caching.
  const basic = column === "order_id" ? checkName(column, raw) : checkedNames(column, raw);
  if (!basic.ok || !allowed || allowed.has(basic.value)) return basic;
  return fail(`${column} ${quote(basic.value)} is not in the team's family list`);
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
