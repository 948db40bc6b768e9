import { formatQuantity } from "../format/numbers.ts";

/** Shortens `text` to at most `max` characters, ending in "…" when cut (keeps axis labels from overlapping). */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text.trim()); // by code point, so an emoji or accent is never split
  if (chars.length <= max) return chars.join("");
  return `${chars
    .slice(0, Math.max(1, max - 1))
    .join("")
    .trimEnd()}…`;
}

/** Lower-case, dash-separated id fragment that is safe in file names and Slack upload titles. */
export function slug(text: string): string {
  const s = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return s || "chart";
}

/** "5,000" — used in subtitles, never in chart ticks (Chart.js formats those itself). */
export function formatCount(n: number): string {
  return formatQuantity(n);
}
