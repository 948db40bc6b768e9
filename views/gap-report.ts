/**
 * The pre-S&OP gap report in Slack. It leads with what is short, where and by how much (supply below
 * demand in units and revenue, the families and months short, the family-months at or over capacity),
 * then the rows over the team's thresholds, the worst few. The full report goes along as a CSV file.
 * Bounded for any number of families: every list is cut to a few lines and the rest counted.
 */

import {
  formatMoney,
  formatPercent,
  formatQuantity,
  formatSignedMoney,
  formatSignedPercent,
  formatSignedQuantity,
  plural,
} from "../src/format/numbers.ts";
import type { GapReport, GapRow } from "../src/gaps/gap-report.ts";
import type { GapShortfall } from "../src/gaps/shortfall.ts";
import type { KnownBlock } from "./message.ts";
import { monthRuns } from "./month-runs.ts";
import { escapeMrkdwn, truncate } from "./text.ts";

export const TOP_GAPS = 5;

const pct = (v: number) => formatPercent(v);

const name = (family: string) => `*${escapeMrkdwn(truncate(family, 60))}*`;

/** What is wrong with one row, in words: "supply −50 vs demand 200 (−25 %) · revenue +EUR 1,200 (+11.1 %) vs finance plan". */
export function gapRowText(r: GapRow, currency: string | null = null): string {
  const parts: string[] = [];
  if (r.flags.includes("supplyVsDemand")) {
    const rel = r.supplyVsDemand === null ? "no demand" : formatSignedPercent(r.supplyVsDemand);
    parts.push(
      `supply ${formatSignedQuantity(r.supplyMinusDemand ?? 0)} vs demand ${formatQuantity(r.demand ?? 0)} (${rel})`,
    );
  }
  if (r.flags.includes("capacity")) {
    parts.push(
      r.utilization === null
        ? `supply ${formatQuantity(r.supply ?? 0)} with no capacity`
        : `${pct(r.utilization)} of capacity ${formatQuantity(r.capacity ?? 0)}`,
    );
  }
  if (r.flags.includes("revenueVsPlan")) {
    if (r.revenueGap === null) parts.push("demand finance has not priced");
    else if (r.revenueVsPlan === null)
      parts.push(`revenue ${formatSignedMoney(r.revenueGap, currency)} with none in the finance plan`);
    else
      parts.push(
        `revenue ${formatSignedMoney(r.revenueGap, currency)} (${formatSignedPercent(r.revenueVsPlan)}) vs finance plan`,
      );
  }
  return parts.join(" · ");
}

function thresholdsText(report: GapReport): string {
  const t = report.thresholds;
  const checks = [
    report.missing.includes("demand") || report.missing.includes("supply")
      ? null
      : `supply vs demand ≥ ${pct(t.supplyVsDemand)}`,
    report.missing.includes("supply") ? null : `supply ≥ ${pct(t.capacity)} of capacity`,
    report.missing.includes("finance") || report.missing.includes("demand")
      ? null
      : `revenue vs finance plan ≥ ${pct(t.revenueVsPlan)}`,
  ].filter((c): c is string => c !== null);
  const missing = report.missing.length
    ? ` · not checked (no approved plan): ${report.missing.join(", ")}`
    : "";
  return `Flagged when ${checks.join(", ")}${missing}`;
}

/** "supply is 3,566 units below demand (≈ EUR 680,000 in revenue at plan prices) in 45 family-months of 12 families." */
export function shortfallSentence(s: GapShortfall, currency: string | null = null): string {
  if (s.units === 0) return "supply covers demand in every family-month.";
  const revenue =
    s.revenue === null
      ? ""
      : ` (≈ ${formatMoney(s.revenue, currency)} in revenue at plan prices${s.unpricedUnits > 0 ? `, ${formatQuantity(s.unpricedUnits)} units unpriced` : ""})`;
  return `supply is *${formatQuantity(s.units)} units below demand*${revenue} in ${plural(s.familyMonths, "family-month")} of ${plural(s.byFamily.length, "family", "families")}.`;
}

function capacitySentence(report: GapReport): string | null {
  if (report.missing.includes("supply")) return null;
  const n = report.shortfall.atCapacity.length;
  const at = `at or over ${pct(report.thresholds.capacity)} of capacity`;
  return n === 0 ? `No family-month ${at}.` : `${plural(n, "family-month")} ${at}.`;
}

function listed<T>(items: readonly T[], top: number, line: (x: T) => string, rest: string): string[] {
  const lines = items.slice(0, top).map(line);
  if (items.length > top) lines.push(`…and ${items.length - top} more ${rest} (in the CSV)`);
  return lines;
}

function section(text: string): KnownBlock {
  return { type: "section", text: { type: "mrkdwn", text: truncate(text, 3000) } };
}

export function gapReportBlocks(
  report: GapReport,
  opts: { period: string; top?: number; csvFileName?: string },
): KnownBlock[] {
  const top = opts.top ?? TOP_GAPS;
  const total = report.rows.length;
  const s = report.shortfall;
  const checked = !report.missing.includes("demand") && !report.missing.includes("supply");
  const lead = [
    `*Pre-S&amp;OP gap report ${opts.period}*: ${checked ? shortfallSentence(s, report.currency) : "supply vs demand not checked."}`,
    capacitySentence(report),
    report.flagged === 0
      ? `No family-month over a threshold (of ${plural(total, "family-month")}).`
      : `${report.flagged} of ${plural(total, "family-month")} over a threshold.`,
  ].filter((l): l is string => l !== null);
  const blocks: KnownBlock[] = [section(lead.join("\n"))];
  if (s.byFamily.length) {
    const lines = listed(
      s.byFamily,
      top,
      (f) =>
        `• ${name(f.family)} ${formatQuantity(f.units)} units short in ${monthRuns(f.periods)}${f.revenue === null ? "" : ` ≈ ${formatMoney(f.revenue, report.currency)}`}`,
      "families short",
    );
    blocks.push(section(`*Short — where and by how much*\n${lines.join("\n")}`));
  }
  if (s.atCapacity.length) {
    const lines = listed(
      s.atCapacity,
      top,
      (c) =>
        `• ${name(c.family)} ${c.period}: ${c.utilization === null ? `supply ${formatQuantity(c.supply)} with no capacity` : `${pct(c.utilization)} of capacity ${formatQuantity(c.capacity)}`}`,
      "family-months",
    );
    blocks.push(section(`*At or over capacity*\n${lines.join("\n")}`));
  }
  const flagged = report.rows.filter((r) => r.flags.length > 0);
  if (flagged.length) {
    const lines = listed(
      flagged,
      top,
      (r) => `• ${name(r.family)} ${r.period} — ${escapeMrkdwn(gapRowText(r, report.currency))}`,
      "family-months over a threshold",
    );
    blocks.push(section(`*Largest gaps over a threshold*\n${lines.join("\n")}`));
  }
  const context = [thresholdsText(report)];
  if (opts.csvFileName) context.push(`Full report: \`${opts.csvFileName}\` in the thread`);
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: truncate(context.join(" · "), 2900) }] });
  return blocks;
}

/** The message's notification text, saying the same in one line. */
export function gapReportText(report: GapReport, period: string): string {
  const s = report.shortfall;
  const short = s.units > 0 ? `supply ${formatQuantity(s.units)} units below demand` : "no shortfall";
  return `Pre-S&OP gap report ${period}: ${short}, ${s.atCapacity.length} family-months at or over capacity, ${report.flagged} of ${report.rows.length} over a threshold`;
}
