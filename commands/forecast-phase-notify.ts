/**
 * Slack output of the forecast and pre-S&OP phases, called from the cycle's notifications with one
 * line each:
 * - `signoffExtras`: what a sign-off request shows besides the plan summary — for the demand phase,
 *   the consensus vs the statistical baseline; for pre-S&OP, the top gaps.
 * - `attachGapReport`: the full gap report as a CSV file (files.uploadV2) in the S&OP channel, in the
 *   thread of the message it belongs to.
 * - `postGapReport`: when pre-S&OP opens, the gap report (top gaps + CSV) to the S&OP channel, so the
 *   process lead reconciles from it before submitting.
 * - `fvaBlocks`: forecast value added over a KPI window, for `/sop kpi`.
 * Every one of them is best effort: a failure to compute or upload never blocks a sign-off.
 */

import type { WebClient } from "@slack/web-api";
import type { CycleState } from "../src/cycle/cycle-state.ts";
import { UserError } from "../src/errors.ts";
import { compareToBaseline } from "../src/forecast/compare-to-baseline.ts";
import { BASELINE_PHASE, CONSENSUS_PHASE, loadForecastValueAdded } from "../src/fva/load-fva.ts";
import { gapReportCsv } from "../src/gaps/gap-csv.ts";
import { type CycleGapReport, loadGapReport } from "../src/gaps/load-gap-report.ts";
import { type Logger, logFailure } from "../src/logger.ts";
import { planLines } from "../src/plans/plan-lines.ts";
import { loadPlanVersion } from "../src/store/plan-versions.ts";
import { type PhaseRole, roleOf } from "../src/team/phase-role.ts";
import type { TeamConfig } from "../src/team/team-config.ts";
import { baselineComparisonBlocks } from "../views/baseline-comparison.ts";
import { fvaSectionBlocks } from "../views/fva-section.ts";
import { gapReportBlocks, gapReportText } from "../views/gap-report.ts";
import type { KnownBlock } from "../views/message.ts";
import { slackErrorText } from "./next-step.ts";

/** Whether `phase` is the pre-S&OP reconciliation (its sign-off shows the gap report; its opening posts it). */
export function isGapReportPhase(phase: { id: string; role?: PhaseRole | null } | undefined): boolean {
  return phase !== undefined && roleOf(phase) === "pre_sop";
}

export function gapReportFileName(period: string): string {
  return `gap-report-${period}.csv`;
}

async function comparisonBlocks(cycle: CycleState, version: number): Promise<KnownBlock[]> {
  const baselineVersion = cycle.phases[BASELINE_PHASE]?.approvedVersion ?? null;
  if (baselineVersion === null) return [];
  const [baseline, consensus] = await Promise.all([
    loadPlanVersion(cycle.teamId, cycle.period, BASELINE_PHASE, baselineVersion),
    loadPlanVersion(cycle.teamId, cycle.period, CONSENSUS_PHASE, version),
  ]);
  if (!baseline || !consensus) return [];
  return baselineComparisonBlocks(
    compareToBaseline(planLines(baseline), planLines(consensus)),
    baselineVersion,
  );
}

function unavailable(err: unknown): KnownBlock[] {
  const why =
    err instanceof UserError ? [slackErrorText(err), ...err.details].join(" ") : "it could not be computed";
  return [
    {
      type: "context",
      elements: [{ type: "mrkdwn", text: `Gap report unavailable: ${why}`.slice(0, 2900) }],
    },
  ];
}

/** Extra blocks for the sign-off request of `phaseId` v`version`; [] when there is nothing to add. */
export async function signoffExtras(
  cfg: TeamConfig | null,
  cycle: CycleState,
  phaseId: string,
  version: number,
  log?: Logger,
): Promise<KnownBlock[]> {
  try {
    if (phaseId === CONSENSUS_PHASE) return await comparisonBlocks(cycle, version);
    if (isGapReportPhase(cycle.phases[phaseId]) && cfg) {
      const g = await loadGapReport(cfg, cycle.period);
      return gapReportBlocks(g.report, {
        period: cycle.period,
        csvFileName: gapReportFileName(cycle.period),
      });
    }
  } catch (err) {
    if (!(err instanceof UserError) && log)
      logFailure(log, err, "sign-off extras failed", { phase: phaseId });
    return isGapReportPhase(cycle.phases[phaseId]) ? unavailable(err) : [];
  }
  return [];
}

async function upload(
  client: WebClient,
  cfg: TeamConfig,
  g: CycleGapReport,
  threadTs?: string,
): Promise<void> {
  const r = g.report;
  const common = {
    channel_id: cfg.channels.sop,
    filename: gapReportFileName(g.period),
    title: `Gap report ${g.period}`,
    content: gapReportCsv(r),
    initial_comment: `Full gap report for ${g.period}: ${r.rows.length} family-months, ${r.flagged} over a threshold, ${r.shortfall.familyMonths} short (demand v${g.versions.demand ?? "–"}, supply v${g.versions.supply ?? "–"}, finance v${g.versions.finance ?? "–"}).`,
  };
  await client.files.uploadV2(threadTs ? { ...common, thread_ts: threadTs } : common);
}

/** Uploads the CSV into the thread of `where` (the pre-S&OP sign-off request). */
export async function attachGapReport(
  client: WebClient,
  cfg: TeamConfig,
  cycle: CycleState,
  where: { channel: string; ts: string },
): Promise<void> {
  await upload(client, cfg, await loadGapReport(cfg, cycle.period), where.ts);
}

/** Posts the top gaps to the S&OP channel with the CSV in the thread (when pre-S&OP opens). */
export async function postGapReport(client: WebClient, cfg: TeamConfig, cycle: CycleState): Promise<void> {
  const g = await loadGapReport(cfg, cycle.period);
  const blocks = gapReportBlocks(g.report, {
    period: cycle.period,
    csvFileName: gapReportFileName(cycle.period),
  });
  const posted = await client.chat.postMessage({
    channel: cfg.channels.sop,
    text: gapReportText(g.report, cycle.period),
    blocks,
  });
  await upload(client, cfg, g, posted.ts);
}

/** The FVA section for `/sop kpi` over `[from, to]` (optionally one family); [] if it cannot be computed. */
export async function fvaBlocks(
  cfg: TeamConfig,
  window: { from: string; to: string },
  opts: { family?: string; log?: Logger } = {},
): Promise<KnownBlock[]> {
  try {
    const fva = await loadForecastValueAdded(cfg, window, { family: opts.family });
    return fvaSectionBlocks(fva.report, { months: fva.months });
  } catch (err) {
    if (opts.log)
      logFailure(opts.log, err, "forecast value added failed; /sop kpi shows the KPIs without it");
    return [];
  }
}
