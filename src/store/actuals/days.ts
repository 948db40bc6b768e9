/**
 * Dates as day numbers (days since 1970-01-01), the form buckets store and scans compare. The
 * arithmetic is the proleptic Gregorian calendar for every year 0000–9999 (Date.UTC would read the years
 * 0000–0099 as 1900–1999), so a stored date reads back as exactly the text that was imported.
 */

/** Day number of a valid `YYYY-MM-DD` (not checked again: stored dates were checked on import). */
export function fastDay(date: string): number {
  // Digits straight from the character codes ("0" is 48): no substrings.
  let y =
    date.charCodeAt(0) * 1000 +
    date.charCodeAt(1) * 100 +
    date.charCodeAt(2) * 10 +
    date.charCodeAt(3) -
    53328;
  const m = date.charCodeAt(5) * 10 + date.charCodeAt(6) - 528;
  const d = date.charCodeAt(8) * 10 + date.charCodeAt(9) - 528;
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const texts = new Map<number, string>();

/** `YYYY-MM-DD` of a day number. */
export function dayText(day: number): string {
  let text = texts.get(day);
  if (text === undefined) {
    const z = day + 719468;
    const era = Math.floor(z / 146097);
    const doe = z - era * 146097;
    const yoe = Math.floor(
      (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
    );
    const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    const mp = Math.floor((5 * doy + 2) / 153);
    const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    const m = mp < 10 ? mp + 3 : mp - 9;
    const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    text = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    if (texts.size > 100_000) texts.clear();
    texts.set(day, text);
  }
  return text;
}

/** The month `YYYY-MM` of a day number. */
export const monthOfDay = (day: number): string => dayText(day).slice(0, 7);

/** Day number of the first day of a month `YYYY-MM`. */
export const monthStartDay = (month: string): number => fastDay(`${month}-01`);
