/** Shared wording and number formats for the cycle's messages. */
import type { PhaseStatus } from "../src/cycle/cycle-state.ts";

export const STATUS_EMOJI: Record<PhaseStatus, string> = {
  not_started: ":white_circle:",
  open: ":large_blue_circle:",
  submitted: ":hourglass_flowing_sand:",
  changes_requested: ":leftwards_arrow_with_hook:",
  approved: ":white_check_mark:",
};

const numberFormat = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

export function fmtNumber(n: number): string {
  return numberFormat.format(n);
}

/** "+1,234 (+3.2 %)" against the previous value. */
export function fmtChange(now: number, before: number): string {
  const d = now - before;
  const sign = d > 0 ? "+" : d < 0 ? "−" : "±";
  const pct = before !== 0 ? ` (${sign}${Math.abs((d / before) * 100).toFixed(1)} %)` : "";
  return `${sign}${fmtNumber(Math.abs(d))}${pct}`;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${fmtNumber(n)} ${n === 1 ? word : many}`;
}
