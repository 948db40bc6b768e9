/**
 * The pre-S&OP gap report in Slack: how many family-months are over the team's thresholds and the
 * worst few, for the pre-S&OP sign-off message. The full report goes along as a CSV file.
 */
import type { GapReport, GapRow } from "../src/gaps/gap-report.ts";
import { formatQuantity, signedPercent, signedQuantity } from "./baseline-comparison.ts";
import { escapeMrkdwn, truncate } from "./text.ts";

export const TOP_GAPS = 5;

function pct(v: number): string {
  return `${(Math.round(v * 1000) / 10).toFixed(1)} %`;
}

/** What is wrong with one row, in words: "supply −50 vs demand 200 (−25.0 %) · revenue +11.1 % vs finance". */
export function gapRowText(r: GapRow): string {
  const parts: string[] = [];
  if (r.flags.includes("supplyVsDemand")) {
    const rel = r.supplyVsDemand === null ? "no demand" : signedPercent(r.supplyVsDemand);
    parts.push(
      `supply ${signedQuantity(r.supplyMinusDemand ?? 0)} vs demand ${formatQuantity(r.demand ?? 0)} (${rel})`,
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
      parts.push(`revenue ${signedQuantity(r.revenueGap)} with none in the finance plan`);
    else
      parts.push(
        `revenue ${signedQuantity(r.revenueGap)} (${signedPercent(r.revenueVsPlan)}) vs finance plan`,
      );
  }
  return parts.join(" · ");
}

function thresholdsText(report: GapReport): string {
  const t = report.thresholds;
  const checks = [
    report.missing.includes("demand") || report.missing.includes("supply")
      ? null
      : `supply vs demand > ${pct(t.supplyVsDemand)}`,
    report.missing.includes("supply") ? null : `supply > ${pct(t.capacity)} of capacity`,
    report.missing.includes("finance") || report.missing.includes("demand")
      ? null
      : `revenue vs finance plan > ${pct(t.revenueVsPlan)}`,
  ].filter((c): c is string => c !== null);
  const missing = report.missing.length
    ? ` · not checked (no approved plan): ${report.missing.join(", ")}`
    : "";
  return `Flagged when ${checks.join(", ")}${missing}`;
}

export function gapReportBlocks(
  report: GapReport,
  opts: { period: string; top?: number; csvFileName?: string },
): unknown[] {
  const top = opts.top ?? TOP_GAPS;
  const total = report.rows.length;
  const headline =
    report.flagged === 0
      ? `*Pre-S&amp;OP gap report ${opts.period}*: no gaps over threshold in ${total} family-months. :white_check_mark:`
      : `*Pre-S&amp;OP gap report ${opts.period}*: ${report.flagged} of ${total} family-months over threshold${report.flagged > top ? ` — the ${top} largest:` : ":"}`;
  const lines = report.rows
    .filter((r) => r.flags.length > 0)
    .slice(0, top)
    .map((r) => `• *${escapeMrkdwn(truncate(r.family, 60))}* ${r.period} — ${escapeMrkdwn(gapRowText(r))}`);
  const blocks: unknown[] = [
    { type: "section", text: { type: "mrkdwn", text: truncate([headline, ...lines].join("\n"), 3000) } },
  ];
  const context = [thresholdsText(report)];
  if (opts.csvFileName) context.push(`Full report: \`${opts.csvFileName}\` in the thread`);
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: truncate(context.join(" · "), 2900) }] });
  return blocks;
}
