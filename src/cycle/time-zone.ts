/** Wall-clock time in an IANA time zone, with Intl only (no date library): parts of an instant, and back. */

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * One Intl.DateTimeFormat per named style and time zone: costly to build, cheap to reuse. `style` names
 * the locale and options, which must be the same on every call with that name.
 */
export function cachedDateFormat(
  style: string,
  timeZone: string,
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${style}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, f);
  }
  return f;
}

const PARTS: Intl.DateTimeFormatOptions = {
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
};

export function localDateParts(instant: Date, tz: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const p of cachedDateFormat("parts", tz, "en-US", PARTS).formatToParts(instant)) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/** Offset of the zone from UTC at `instant`, in ms (positive east of Greenwich). */
function offsetAt(instant: number, tz: string): number {
  const p = localDateParts(new Date(instant), tz);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant when the wall clock in `tz` shows the given local time. In a DST overlap (the time happens
 * twice) the earlier instant wins; in a gap (the time never happens) the wall time is read with the offset
 * from before the jump, which lands the same distance after it (02:30 → 03:30 CEST).
 */
export function zonedTimeToUtc(
  tz: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const day_ = 86_400_000;
  const before = offsetAt(wall - day_, tz);
  const after = offsetAt(wall + day_, tz);
  const valid = [wall - before, wall - after].filter((t) => t + offsetAt(t, tz) === wall);
  if (valid.length > 0) return new Date(Math.min(...valid));
  return new Date(wall - before);
}
