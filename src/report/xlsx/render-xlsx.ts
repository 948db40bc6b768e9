/**
 * The S&OP report as an Excel workbook (exceljs): "Decisions needed" (flagged families and the
 * scenarios), "Roll-up" (company and family groups), one sheet per family grid (up to
 * `maxFamilySheets`, flagged first), "All families" (every family's grid in one filterable table,
 * whatever their number) and "Log" (decisions and action items). Numbers are numbers with formats;
 * headers are frozen. Written with exceljs's streaming writer, row by row: 5,000 families stay within a
 * small, flat amount of memory (the in-memory workbook took over 1 GB).
 */
import type ExcelJS from "exceljs";
import { FLAG_LABEL, MEASURES } from "../grid-types.ts";
import { flaggedFamilies, personName, type SopReport } from "../report-model.ts";
import { streamWorkbook, type WorkbookWriter } from "./stream-workbook.ts";
import {
  FIRST_MONTH_COLUMN,
  numberFormat,
  sharedStyle,
  writeGridRows,
  writeMonthHeader,
} from "./xlsx-grid.ts";

export const DEFAULT_MAX_FAMILY_SHEETS = 250;
const RESERVED = new Set(["decisions needed", "roll-up", "all families", "log"]);

/** A sheet name Excel accepts: ≤ 31 characters, none of : \ / ? * [ ], unique ignoring case. */
export function sheetName(wanted: string, used: Set<string>): string {
  const base =
    wanted
      .replace(/[:\\/?*[\]]/g, " ")
      .replace(/^'+|'+$/g, "")
      .trim() || "Family";
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? "" : ` (${i})`;
    const name = `${base.slice(0, 31 - suffix.length).trim()}${suffix}`;
    const key = name.toLowerCase();
    if (!used.has(key) && !RESERVED.has(key)) {
      used.add(key);
      return name;
    }
  }
}

type Writer = WorkbookWriter;

/** A sheet with its header rows and columns frozen (the streaming writer takes views only up front). */
function addSheet(wb: Writer, name: string, ySplit: number, xSplit: number): ExcelJS.Worksheet {
  const topLeftCell = `${String.fromCharCode(65 + xSplit)}${ySplit + 1}`;
  return wb.addWorksheet(name, { views: [{ state: "frozen", xSplit, ySplit, topLeftCell }] });
}

function monthColumns(ws: ExcelJS.Worksheet, count: number): void {
  ws.getColumn(1).width = 12;
  ws.getColumn(2).width = 28;
  for (let i = 0; i < count; i++) ws.getColumn(FIRST_MONTH_COLUMN + i).width = 11;
}

function decisionsSheet(wb: Writer, report: SopReport, sheets: Map<string, string>): void {
  const ws = addSheet(wb, "Decisions needed", 4, 1);
  ws.columns = Array.from({ length: 10 }, (_, i) => ({ width: i === 0 ? 32 : i === 2 ? 44 : 16 }));
  ws.getCell("A1").value = `S&OP report ${report.period} · team ${report.teamId}`;
  ws.getCell("A1").font = { bold: true, size: 14 };
  const flagged = flaggedFamilies(report);
  ws.getCell("A2").value =
    `${flagged.length} of ${report.families.length} families flagged · grids show scenario "${report.shownScenario}"`;
  const header = [
    "Family",
    "Group",
    "Flags",
    "First stock-out",
    "Units short",
    "Revenue at risk",
    "Max utilisation",
    "Revenue gap",
    "Sheet",
  ];
  ws.getRow(4).values = header;
  ws.getRow(4).font = { bold: true };
  const money = numberFormat("money", report.currency);
  flagged.forEach((g, i) => {
    const row = ws.getRow(5 + i);
    const s = g.summary;
    row.values = [
      g.family,
      g.group ?? "",
      s.flags.map((f) => FLAG_LABEL[f]).join(", "),
      s.firstStockOut ?? "",
      s.unitsShort,
      s.revenueAtRisk,
      s.maxUtilization,
      s.revenueGapTotal,
      sheets.get(g.family) ?? "All families",
    ];
    row.getCell(5).numFmt = "#,##0";
    row.getCell(6).numFmt = money;
    row.getCell(7).numFmt = "0.0%";
    row.getCell(8).numFmt = money;
    const target = sheets.get(g.family);
    if (target) row.getCell(9).value = { text: target, hyperlink: `#'${target.replace(/'/g, "''")}'!A1` };
  });
  let r = 7 + flagged.length;
  if (report.scenarios.length > 1) {
    ws.getRow(r).values = [
      "Scenario",
      "Supply v",
      "Finance v",
      "Inventory at end",
      "Units short",
      "Revenue at risk",
      "Stock-out families",
      "Capacity family-months",
      "Revenue plan",
      "Cost",
    ];
    ws.getRow(r).font = { bold: true };
    for (const s of report.scenarios) {
      r += 1;
      ws.getRow(r).values = [
        s.name + (s.name === report.approvedScenario ? " (approved)" : ""),
        s.supplyVersion,
        s.financeVersion,
        s.inventoryEnd,
        s.unitsShort,
        s.revenueAtRisk,
        s.stockOutFamilies,
        s.capacityMonths,
        s.revenuePlan,
        s.cost,
      ];
      for (const c of [4, 5]) ws.getRow(r).getCell(c).numFmt = "#,##0";
      for (const c of [6, 9, 10]) ws.getRow(r).getCell(c).numFmt = money;
    }
  }
}

function rollupSheet(wb: Writer, report: SopReport): void {
  const ws = addSheet(wb, "Roll-up", 3, 2);
  monthColumns(ws, report.months.closed.length + report.months.horizon.length);
  ws.getCell("A1").value = `Company · ${report.company.families} families`;
  ws.getCell("A1").font = { bold: true, size: 13 };
  let r = writeMonthHeader(ws, report.months, 3);
  r = writeGridRows(ws, report.company, report.months, r, report.currency);
  if (report.groups.length > 1)
    for (const g of report.groups) {
      r += 1;
      ws.getCell(r, 1).value = `${g.name} · ${g.families} families, ${g.flaggedFamilies} flagged`;
      ws.getCell(r, 1).font = { bold: true };
      r = writeGridRows(ws, g, report.months, r + 1, report.currency);
    }
  ws.commit();
}

function familySheet(wb: Writer, report: SopReport, g: SopReport["families"][number], name: string): void {
  const ws = addSheet(wb, name, 4, 2);
  monthColumns(ws, report.months.closed.length + report.months.horizon.length);
  ws.getCell("A1").value = g.family;
  ws.getCell("A1").font = { bold: true, size: 13 };
  const t = g.targets;
  ws.getCell("A2").value = [
    g.summary.flags.length ? g.summary.flags.map((f) => FLAG_LABEL[f]).join(", ") : "no flags",
    t.mode === "stock"
      ? `days of supply ${t.minDays}–${t.maxDays}`
      : `make to order, max ${t.maxDays} days of backlog`,
    g.group ? `group ${g.group}` : null,
    g.openingAssumed ? "no on-hand figure: 0 assumed" : null,
  ]
    .filter(Boolean)
    .join(" · ");
  const r = writeMonthHeader(ws, report.months, 4);
  writeGridRows(ws, g, report.months, r, report.currency);
  ws.commit();
}

function allFamiliesSheet(wb: Writer, report: SopReport): void {
  const ws = addSheet(wb, "All families", 1, 3);
  ws.columns = [{ width: 30 }, { width: 12 }, { width: 36 }];
  const all = [...report.months.closed, ...report.months.horizon];
  ws.getRow(1).values = ["Family", "Group", "Measure", ...all];
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  let r = 2;
  // Each row goes to the zip as soon as it is written: memory stays flat whatever the family count.
  for (const g of report.families)
    for (const m of MEASURES) {
      const values = g.rows[m.id];
      if (values.every((v) => v === null)) continue;
      const row = ws.getRow(r++);
      row.values = [g.family, g.group ?? "", `${m.section} · ${m.label}`, ...values];
      const style = sharedStyle(numberFormat(m.kind, report.currency));
      for (let i = 0; i < all.length; i++) row.getCell(4 + i).style = style;
      row.commit();
    }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, r - 1), column: 3 + all.length } };
  ws.commit();
}

function logSheet(wb: Writer, report: SopReport): void {
  const ws = addSheet(wb, "Log", 1, 0);
  ws.columns = [
    { width: 10 },
    { width: 60 },
    { width: 18 },
    { width: 12 },
    { width: 10 },
    { width: 20 },
    { width: 18 },
    { width: 18 },
    { width: 18 },
    { width: 10 },
  ];
  ws.getRow(1).values = [
    "Kind",
    "Text",
    "Owner",
    "Due",
    "Status",
    "Phase",
    "Logged by",
    "Logged at",
    "Closed at",
    "Link",
  ];
  ws.getRow(1).font = { bold: true };
  report.items.forEach((it, i) => {
    const row = ws.getRow(2 + i);
    row.values = [
      it.kind,
      it.text,
      personName(report, it.owner),
      it.dueDate ?? "",
      it.kind === "decision" ? "recorded" : it.status,
      it.phaseName ?? "",
      personName(report, it.createdBy),
      it.createdAt,
      it.closedAt ?? "",
      it.permalink ? { text: "message", hyperlink: it.permalink } : "",
    ];
    row.getCell(8).numFmt = "yyyy-mm-dd hh:mm";
    row.getCell(9).numFmt = "yyyy-mm-dd hh:mm";
  });
  ws.commit();
}

export async function renderReportXlsx(
  report: SopReport,
  opts: { maxFamilySheets?: number } = {},
): Promise<{ xlsx: Buffer; familySheets: Map<string, string> }> {
  const used = new Set<string>();
  const familySheets = new Map(
    report.families
      .slice(0, opts.maxFamilySheets ?? DEFAULT_MAX_FAMILY_SHEETS)
      .map((g) => [g.family, sheetName(g.family, used)]),
  );
  const xlsx = await streamWorkbook(
    { creator: `S&OP bot · team ${report.teamId}`, at: report.generatedAt },
    (wb) => {
      decisionsSheet(wb, report, familySheets);
      rollupSheet(wb, report);
      for (const g of report.families) {
        const name = familySheets.get(g.family);
        if (name) familySheet(wb, report, g, name);
      }
      allFamiliesSheet(wb, report);
      logSheet(wb, report);
    },
  );
  return { xlsx, familySheets };
}
