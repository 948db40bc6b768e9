/**
 * A plan uploaded as XLSX: the same checks as CSV, with row- and cell-numbered problems as Excel shows
 * them; numbers, dates typed as months and formulas read as a person typed them.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { formatProblem, type PlanRules, parsePlanCsv } from "../../src/plans/plan-csv.ts";
import { looksLikeXlsx, parsePlanXlsx } from "../../src/plans/plan-xlsx.ts";

const supply: PlanRules = {
  cyclePeriod: "2027-01",
  horizonMonths: 18,
  families: ["Kettles", "Toasters"],
  requireRevenue: false,
  allowCapacity: true,
};

async function workbook(rows: ExcelJS.CellValue[][], sheet = "Plan"): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("parsePlanXlsx", () => {
  it("reads numbers, months typed as dates, formulas and empty optional cells", async () => {
    const bytes = await workbook([
      ["family", "period", "quantity", "capacity"],
      ["Kettles", new Date(Date.UTC(2027, 0, 1)), 120, 150],
      ["Kettles", "2027-02", { formula: "100+20", result: 120 }, null],
      ["Toasters", "2027-01", 12.5, 20],
    ]);
    expect(looksLikeXlsx(bytes)).toBe(true);
    const r = await parsePlanXlsx(bytes, supply);
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join("; "));
    expect(r.plan.rows).toBe(3);
    expect([...r.plan.quantity]).toEqual([120, 120, 12.5]);
    expect(r.plan.periods[r.plan.periodIndex[0]!]).toBe("2027-01");
    expect(Number.isNaN(r.plan.capacity![1]!)).toBe(true);
    // The same lines as CSV give the same plan.
    const csv = parsePlanCsv(
      "family,period,quantity,capacity\nKettles,2027-01,120,150\nKettles,2027-02,120,\nToasters,2027-01,12.5,20\n",
      supply,
    );
    expect(csv.ok && [...csv.plan.quantity]).toEqual([120, 120, 12.5]);
  });

  it("names the row or the cell of every problem and stores nothing", async () => {
    const bytes = await workbook([
      ["family", "period", "quantity", "capacity"],
      ["Kettles", "2027-01", 120, 150],
      ["Kettles", "2027-02", "abc", 150],
      ["kettles", "2027-03", 5, -1],
      ["Kettles", "2030-01", 5, null],
      ["Kettles", "2027-01", 7, null],
    ]);
    const r = await parsePlanXlsx(bytes, supply);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map(formatProblem)).toEqual([
      'cell C3: quantity "abc" is not a number',
      'cell A4: unknown family "kettles" (did you mean "Kettles"?)',
      'cell D4: capacity "-1" must not be negative',
      "cell B5: period 2030-01 is outside this cycle's horizon 2027-01 … 2028-06",
      "row 6: duplicate of row 2 (Kettles, 2027-01)",
    ]);
  });

  it("refuses a missing header column, an empty sheet and a file that is not a workbook", async () => {
    const noQty = await parsePlanXlsx(
      await workbook([
        ["family", "period"],
        ["Kettles", "2027-01"],
      ]),
      supply,
    );
    expect(!noQty.ok && noQty.problems.map(formatProblem)[0]).toMatch(
      /^row 1: missing column quantity — the first row must be the header/,
    );
    const empty = await parsePlanXlsx(await workbook([]), supply);
    expect(!empty.ok && empty.problems.map(formatProblem)).toEqual(['sheet "Plan" is empty']);
    const notXlsx = await parsePlanXlsx(Buffer.from("family,period\n"), supply);
    expect(!notXlsx.ok && notXlsx.problems[0]!.message).toMatch(/not an Excel workbook/);
    expect(looksLikeXlsx(Buffer.from("family,period\n"))).toBe(false);
  });
});
