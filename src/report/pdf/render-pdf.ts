/**
 * The S&OP report as a PDF: cover (decisions needed), company roll-up, family groups (when the team
 * groups its families), scenarios side by side (when there are several), one page per family with its
 * grid and chart, the KPI scorecard, and the decision and action log. For very many families the
 * family pages stop at `maxFamilyPages` (flagged families first); the cover says where the rest are.
 */
import type { SopReport } from "../report-model.ts";
import { drawCover } from "./pdf-cover.ts";
import {
  drawCompanyPage,
  drawFamilyPage,
  drawGroupPages,
  drawKpiPage,
  drawLogPages,
  drawScenarioPage,
  GROUPS_PER_PAGE,
} from "./pdf-pages.ts";
import { PdfWriter } from "./pdf-writer.ts";

export const DEFAULT_MAX_FAMILY_PAGES = 250;

export interface PdfLayout {
  /** The families that got a page, in page order, and their page numbers. */
  familyPages: Map<string, number>;
  pages: number;
}

/** Pages before the family pages, in order, for a report with these many groups and scenarios. */
function fixedPagesBefore(report: SopReport): number {
  const groups = report.groups.length > 1 ? Math.ceil(report.groups.length / GROUPS_PER_PAGE) : 0;
  return 2 + groups + (report.scenarios.length > 1 ? 1 : 0);
}

export async function renderReportPdf(
  report: SopReport,
  opts: { maxFamilyPages?: number } = {},
): Promise<{ pdf: Buffer; layout: PdfLayout }> {
  const max = opts.maxFamilyPages ?? DEFAULT_MAX_FAMILY_PAGES;
  const paged = report.families.slice(0, max);
  // Page numbers are known up front so the cover can point at them.
  const first = fixedPagesBefore(report) + 1;
  const familyPages = new Map(paged.map((g, i) => [g.family, first + i]));
  const w = new PdfWriter({
    title: `S&OP report ${report.period}`,
    author: `S&OP bot · team ${report.teamId}`,
    createdAt: report.generatedAt,
  });
  const footer = `S&OP report ${report.period} · team ${report.teamId}`;
  w.page(footer);
  drawCover(w, report, familyPages);
  w.page(footer);
  drawCompanyPage(w, report);
  if (report.groups.length > 1) drawGroupPages(w, report, footer);
  if (report.scenarios.length > 1) {
    w.page(footer);
    drawScenarioPage(w, report);
  }
  if (w.pages + 1 !== first) throw new Error(`pdf: family pages start at ${w.pages + 1}, expected ${first}`);
  for (const g of paged) {
    w.page(footer);
    drawFamilyPage(w, report, g);
  }
  w.page(footer);
  drawKpiPage(w, report);
  drawLogPages(w, report, footer);
  const pdf = await w.finish();
  return { pdf, layout: { familyPages, pages: w.pages } };
}
