/**
 * The report workbook, read back with exceljs: every family sheet's cells equal the grid (numbers as
 * numbers, with number formats), headers frozen, the roll-up and the all-families table complete,
 * sheet names Excel accepts, and a family name that looks like a formula stays text.
 */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { MEASURES } from "../../src/report/grid-types.ts";
import type { SopReport } from "../../src/report/report-model.ts";
import { renderReportXlsx, sheetName } from "../../src/report/xlsx/render-xlsx.ts";
import { FIRST_MONTH_COLUMN } from "../../src/report/xlsx/xlsx-grid.ts";
import { A, B, C, D, sampleReport } from "./fixtures.ts";

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** A sheet's grid back as measure label → values (empty cells as null), from row `first` down. */
function readGrid(ws: ExcelJS.Worksheet, first: number, months: number): Map<string, (number | null)[]> {
  const out = new Map<string, (number | null)[]>();
  for (let r = first; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const label = row.getCell(2).value;
    if (typeof label !== "string") break;
    const values: (number | null)[] = [];
    for (let i = 0; i < months; i++) {
      const v = row.getCell(FIRST_MONTH_COLUMN + i).value;
      expect(v === null || typeof v === "number").toBe(true);
      values.push(v as number | null);
    }
    out.set(`${row.getCell(1).value} · ${label}`, values);
  }
  return out;
}

describe("report workbook", () => {
  const weird = { ...D, family: "=HYPERLINK(1)/[test]: a very long family name indeed" };
  let report: SopReport;
  let wb: ExcelJS.Workbook;
  let sheets: Map<string, string>;
  const monthCount = 7;
  beforeAll(async () => {
    report = sampleReport({ families: [A, B, C, D, weird] });
    const r = await renderReportXlsx(report);
    sheets = r.familySheets;
    wb = await load(r.xlsx);
  });

  it("has the summary sheets and one sheet per family", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Decisions needed",
      "Roll-up",
      ...report.families.map((g) => sheets.get(g.family)),
      "All families",
      "Log",
    ]);
  });

  it("writes every family sheet's cells equal to the grid, as formatted numbers", () => {
    for (const g of report.families) {
      const ws = wb.getWorksheet(sheets.get(g.family)!)!;
      expect(ws.getCell("A1").value).toBe(g.family);
      const grid = readGrid(ws, 5, monthCount);
      const shown = MEASURES.filter((m) => g.rows[m.id].some((v) => v !== null));
      expect([...grid.keys()]).toEqual(shown.map((m) => `${m.section} · ${m.label}`));
      shown.forEach((m, k) => {
        expect(grid.get(`${m.section} · ${m.label}`)).toEqual(g.rows[m.id]);
        const cell = ws.getRow(5 + k).getCell(FIRST_MONTH_COLUMN + 4);
        expect(cell.numFmt).toBe(
          { qty: "#,##0;[Red]-#,##0", money: '#,##0 "EUR";[Red]-#,##0 "EUR"', pct: "0.0%", days: "0.0" }[
            m.kind
          ],
        );
      });
    }
    const frothers = readGrid(wb.getWorksheet("Milk frothers")!, 5, monthCount);
    expect(frothers.get("Inventory · Inventory")).toEqual([null, null, null, 8, -2, -62, -42]);
  });

  it("freezes the headers and the measure columns", () => {
    const ws = wb.getWorksheet("Espresso machines")!;
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 4, xSplit: 2 });
    expect(wb.getWorksheet("All families")!.views[0]).toMatchObject({
      state: "frozen",
      ySplit: 1,
      xSplit: 3,
    });
    expect(wb.getWorksheet("Roll-up")!.views[0]).toMatchObject({ state: "frozen", ySplit: 3, xSplit: 2 });
  });

  it("rolls up the company and lists every family in one filterable table", () => {
    const rollup = readGrid(wb.getWorksheet("Roll-up")!, 4, monthCount);
    expect(rollup.get("Demand · Plan")).toEqual(report.company.rows.demandPlan);
    expect(rollup.get("Inventory · Inventory")).toEqual(report.company.rows.inventory);
    const all = wb.getWorksheet("All families")!;
    const families = new Set<string>();
    all.eachRow((row, n) => {
      if (n > 1) families.add(String(row.getCell(1).value));
    });
    expect(families).toEqual(new Set(report.families.map((g) => g.family)));
    expect(all.autoFilter).toBeTruthy();
  });

  it("keeps a formula-looking family name as text and its sheet name legal", () => {
    const name = sheets.get(weird.family)!;
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[:\\/?*[\]]/);
    const a1 = wb.getWorksheet(name)!.getCell("A1");
    expect(a1.value).toBe(weird.family);
    expect(a1.type).toBe(ExcelJS.ValueType.String);
    const used = new Set<string>();
    expect([sheetName("Log", used), sheetName("log", used), sheetName("x".repeat(40), used)]).toEqual([
      "Log (2)",
      "log (3)",
      "x".repeat(31),
    ]);
  });

  it("lists the flagged families and the scenarios, and the log", () => {
    const ws = wb.getWorksheet("Decisions needed")!;
    expect(ws.getRow(5).getCell(1).value).toBe(B.family);
    expect(ws.getRow(5).getCell(5).value).toBe(62);
    const values = JSON.stringify(ws.getSheetValues());
    expect(values).toContain("overtime");
    const log = wb.getWorksheet("Log")!;
    expect(log.getRow(2).getCell(2).value).toBe("Book overtime crew for line 2");
    expect(log.getRow(2).getCell(3).value).toBe("Omar Ops");
  });
});
