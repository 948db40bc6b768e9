/**
 * Forecast value added for `/sop kpi` and the digest: consensus accuracy vs statistical baseline
 * accuracy, the difference in percentage points, and the families where the overrides helped or
 * hurt most.
 */

import type { FvaFigures, FvaReport } from "../src/forecast/fva.ts";
import { formatPercent, formatPoints } from "../src/format/numbers.ts";
import type { KnownBlock } from "./message.ts";
import { escapeMrkdwn, truncate } from "./text.ts";

const MAX_FAMILIES = 3;

function percent(v: number | null): string {
  return v === null ? "no data" : formatPercent(v);
}

/** One line: "consensus 85.7 % vs baseline 80.0 % → FVA +5.7 pts"; null without actuals. */
export function fvaSummaryText(f: FvaFigures): string | null {
  if (f.fva === null) return null;
  const verdict =
    f.fva > 0 ? "the overrides added value" : f.fva < 0 ? "the overrides cost accuracy" : "no change";
  return `consensus ${percent(f.consensusAccuracy)} vs statistical baseline ${percent(f.baselineAccuracy)} → FVA *${formatPoints(f.fva)}* (${verdict})`;
}

function familyList(families: FvaReport["families"]): string {
  return families.map((f) => `${escapeMrkdwn(truncate(f.family, 40))} ${formatPoints(f.fva!)}`).join(", ");
}

/** Section (+ context with the best and worst families) for a KPI message or the digest. */
export function fvaSectionBlocks(report: FvaReport, opts: { months?: string[] } = {}): KnownBlock[] {
  const summary = fvaSummaryText(report.overall);
  if (summary === null) {
    return [
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: "*Forecast value added*: no data — no actuals yet for months with an approved baseline and consensus plan.",
        },
      },
    ];
  }
  const months = opts.months?.length
    ? ` over ${opts.months.length === 1 ? opts.months[0] : `${opts.months[0]} – ${opts.months.at(-1)}`}`
    : "";
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: `*Forecast value added*${months}: ${summary}` } },
  ];
  const scored = report.families.filter((f) => f.fva !== null);
  if (scored.length > 1) {
    const byFva = [...scored].sort((a, b) => a.fva! - b.fva!);
    const hurt = byFva.filter((f) => f.fva! < 0).slice(0, MAX_FAMILIES);
    const helped = byFva
      .filter((f) => f.fva! > 0)
      .reverse()
      .slice(0, MAX_FAMILIES);
    const parts: string[] = [];
    if (helped.length) parts.push(`helped most: ${familyList(helped)}`);
    if (hurt.length) parts.push(`hurt most: ${familyList(hurt)}`);
    if (parts.length) {
      blocks.push({
        type: "context",
        elements: [
          { type: "mrkdwn", text: truncate(`${scored.length} families · ${parts.join(" · ")}`, 2900) },
        ],
      });
    }
  }
  return blocks;
}

/** The digest's FVA blocks: nothing when no month could be compared (a team not using the baseline). */
export function fvaDigestBlocks(
  fva: { report: FvaReport; months: string[] } | null | undefined,
): KnownBlock[] {
  if (!fva || fva.report.overall.rows === 0) return [];
  return fvaSectionBlocks(fva.report, { months: fva.months });
}
