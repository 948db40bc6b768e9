/**
 * The S&OP report in Slack, after an approval has been committed and acked: when the pre-S&OP phase
 * opens and again when the executive phase is approved, the summary goes to the exec channel with the
 * PDF and the workbook in its thread, then one chart per flagged family the summary names; when
 * implementation opens, the published plan goes to the S&OP channel as a workbook. Best effort like
 * every output after a transition: a failure is told to the approver and never undoes the approval.
 */
import type { WebClient } from "@slack/web-api";
import { familyProjectionChart } from "../src/charts/family-projection.ts";
import { renderPng } from "../src/charts/render-png.ts";
import type { CycleState } from "../src/cycle/cycle-state.ts";
import type { DecideResult } from "../src/cycle/decide.ts";
import {
  loadPublishedPlan,
  publishedPlanFileName,
  renderPublishedPlanXlsx,
} from "../src/plans/published-plan-xlsx.ts";
import { loadReport } from "../src/report/load-report.ts";
import { renderReportPdf } from "../src/report/pdf/render-pdf.ts";
import { projectionSeries } from "../src/report/projection-series.ts";
import { flaggedFamilies, type SopReport } from "../src/report/report-model.ts";
import { renderReportXlsx } from "../src/report/xlsx/render-xlsx.ts";
import { roleOf } from "../src/team/phase-role.ts";
import type { TeamConfig } from "../src/team/team-config.ts";
import { localDateOf } from "../src/time/dates.ts";
import { reportSummaryMessage, TOP_FAMILIES } from "../views/report-summary.ts";
import type { Deliveries } from "./cycle-notify.ts";

export type ReportStage = "pre_sop" | "exec";

export function reportFileNames(period: string, stage: ReportStage): { pdf: string; xlsx: string } {
  const base = stage === "exec" ? `sop-report-${period}-approved` : `sop-report-${period}`;
  return { pdf: `${base}.pdf`, xlsx: `${base}.xlsx` };
}

interface Upload {
  filename: string;
  title: string;
  data: Buffer;
  altText?: string;
}

async function upload(
  client: WebClient,
  channel: string,
  files: Upload[],
  opts: { threadTs?: string; comment?: string },
): Promise<void> {
  await client.files.uploadV2({
    channel_id: channel,
    ...(opts.threadTs ? { thread_ts: opts.threadTs } : {}),
    ...(opts.comment ? { initial_comment: opts.comment } : {}),
    file_uploads: files.map((f) => ({
      file: f.data,
      filename: f.filename,
      title: f.title,
      ...(f.altText ? { alt_text: f.altText } : {}),
    })),
  } as never);
}

/** The flagged families the summary names (the first few, most severe first), one chart each. */
export function chartedFamilies(report: SopReport) {
  return flaggedFamilies(report).slice(0, TOP_FAMILIES);
}

export interface PostedReport {
  report: SopReport;
  where: { channel: string; ts: string };
}

/**
 * Builds the report of `cycle` and posts it to the exec channel: the summary, then the PDF and the
 * workbook, then the charts, each in the summary's thread (Slack shares uploads a moment later).
 */
export async function postSopReport(
  client: WebClient,
  d: Deliveries,
  cfg: TeamConfig,
  cycle: CycleState,
  stage: ReportStage,
  now: Date,
): Promise<PostedReport | null> {
  const report = await loadReport(cfg, cycle.period, { stage, now });
  const names = reportFileNames(cycle.period, stage);
  const charted = chartedFamilies(report);
  const message = reportSummaryMessage(report, {
    today: localDateOf(now, cfg.timezone),
    charts: charted.length,
    files: [names.pdf, names.xlsx],
  });
  const posted = await client.chat.postMessage({ channel: cfg.channels.exec, ...message });
  if (!posted.ts) return null;
  const where = { channel: String(posted.channel ?? cfg.channels.exec), ts: posted.ts };
  const title = `S&OP report ${cycle.period}${stage === "exec" ? ", approved plan" : ""}`;
  await d.try("the S&OP report's PDF and workbook", async () => {
    const [{ pdf }, { xlsx }] = await Promise.all([
      renderReportPdf(report, { maxFamilyPages: cfg.report.familyPages }),
      renderReportXlsx(report, { maxFamilySheets: cfg.report.familyPages }),
    ]);
    await upload(
      client,
      where.channel,
      [
        { filename: names.pdf, title: `${title} (PDF)`, data: pdf },
        { filename: names.xlsx, title: `${title} (Excel)`, data: xlsx },
      ],
      { threadTs: where.ts },
    );
  });
  if (charted.length)
    await d.try("the S&OP report's charts", async () => {
      const files: Upload[] = [];
      for (const [i, g] of charted.entries()) {
        const spec = familyProjectionChart(projectionSeries(g, report.months));
        files.push({
          filename: `projection-${cycle.period}-${i + 1}.png`,
          title: `${g.family}: demand, supply and projected ${g.targets.mode === "backlog" ? "backlog" : "inventory"}`,
          data: await renderPng(spec),
          altText: spec.title.slice(0, 1000),
        });
      }
      await upload(client, where.channel, files, { threadTs: where.ts });
    });
  return { report, where };
}

/** Uploads the published plan workbook to the S&OP channel. */
export async function postPublishedPlan(
  client: WebClient,
  cfg: TeamConfig,
  cycle: CycleState,
  now: Date,
): Promise<void> {
  const plan = await loadPublishedPlan(cycle);
  if (!plan.phases.length) return;
  const xlsx = await renderPublishedPlanXlsx(plan, now);
  const versions = plan.phases.map((p) => `${p.phase.name} v${p.version}`).join(", ");
  await upload(
    client,
    cfg.channels.sop,
    [{ filename: publishedPlanFileName(cycle.period), title: `Published plan ${cycle.period}`, data: xlsx }],
    {
      comment: `The published plan of the ${cycle.period} cycle${plan.scenario ? ` (scenario *${plan.scenario}*)` : ""}, for implementation: ${versions}.`,
    },
  );
}

/** What an approval publishes: the report at pre-S&OP's opening and the executive approval, the plan at implementation's. */
export function reportsAfter(r: DecideResult): { stage: ReportStage | null; publishedPlan: boolean } {
  if (r.event.action !== "approve") return { stage: null, publishedPlan: false };
  const opened = r.opened ? roleOf(r.opened) : null;
  const stage = roleOf(r.phase) === "exec" ? "exec" : opened === "pre_sop" ? "pre_sop" : null;
  return { stage, publishedPlan: opened === "implement" };
}

export async function announceReports(
  client: WebClient,
  d: Deliveries,
  r: DecideResult,
  now: Date,
): Promise<void> {
  const { stage, publishedPlan } = reportsAfter(r);
  if (stage) await d.try("the S&OP report", () => postSopReport(client, d, r.cfg, r.cycle, stage, now));
  if (publishedPlan)
    await d.try("the published plan workbook", () => postPublishedPlan(client, r.cfg, r.cycle, now));
}
