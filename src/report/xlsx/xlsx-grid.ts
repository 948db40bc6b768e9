/**
 * A grid as worksheet rows: section and measure in the first two columns, one column per month,
 * numbers as numbers with number formats (never text), empty cells for "no figure", the closed months
 * on a grey ground and flagged cells shaded like the PDF.
 */
import type ExcelJS from "exceljs";
import type { FamilyGrid, FlagKind, GridMonths, MeasureId, MeasureKind, RollupGrid } from "../grid-types.ts";
import { MEASURES } from "../grid-types.ts";

export const FIRST_MONTH_COLUMN = 3;

export function numberFormat(kind: MeasureKind, currency: string | null): string {
  switch (kind) {
    case "qty":
      return "#,##0;[Red]-#,##0";
    case "money":
      return currency
        ? `#,##0 "${currency.replace(/"/g, "")}";[Red]-#,##0 "${currency.replace(/"/g, "")}"`
        : "#,##0;[Red]-#,##0";
    case "pct":
      return "0.0%";
    case "days":
      return "0.0";
  }
}

const fill = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });
export const FILL = {
  closed: fill("FFF1F3F5"),
  red: fill("FFFBD4D4"),
  amber: fill("FFFDE9C4"),
  header: fill("FFDCE6F5"),
};

const SHADE: Partial<Record<MeasureId, { flag: FlagKind; fill: ExcelJS.Fill }>> = {
  inventory: { flag: "stockOut", fill: FILL.red },
  daysOfSupply: { flag: "aboveMax", fill: FILL.amber },
  utilization: { flag: "capacity", fill: FILL.red },
  revenueGap: { flag: "revenueGap", fill: FILL.amber },
  backlog: { flag: "backlog", fill: FILL.red },
};

/**
 * One style object per number format and fill, assigned whole to a cell. exceljs registers a style it
 * has seen before by object identity; `cell.numFmt = …` instead copies a new style per cell and makes
 * exceljs serialise each one to find its twin (most of a 5,000-family workbook's time). Never mutate
 * a cell's style after assigning one of these: set the whole style again.
 */
// By number format, then by fill object (the fills are the module's constants): no key to build per cell.
const styles = new Map<string, Map<ExcelJS.Fill | undefined, Partial<ExcelJS.Style>>>();
export function sharedStyle(numFmt: string, fill?: ExcelJS.Fill): Partial<ExcelJS.Style> {
  let byFill = styles.get(numFmt);
  if (!byFill) {
    byFill = new Map();
    styles.set(numFmt, byFill);
  }
  let style = byFill.get(fill);
  if (!style) {
    style = Object.freeze(fill ? { numFmt, fill } : { numFmt });
    byFill.set(fill, style);
  }
  return style;
}

/** The grid's measures that have a figure in some month (the rows a sheet shows). */
export function shownMeasures(grid: FamilyGrid | RollupGrid) {
  return MEASURES.filter((m) => grid.rows[m.id].some((v) => v !== null));
}

/** Writes the month header at `headerRow` (with "Actual" / "Plan" above it) and returns the next row. */
export function writeMonthHeader(ws: ExcelJS.Worksheet, months: GridMonths, headerRow: number): number {
  const n = months.closed.length;
  const all = [...months.closed, ...months.horizon];
  const above = ws.getRow(headerRow - 1);
  if (n > 0) {
    above.getCell(FIRST_MONTH_COLUMN).value = "Actual";
    ws.mergeCells(headerRow - 1, FIRST_MONTH_COLUMN, headerRow - 1, FIRST_MONTH_COLUMN + n - 1);
  }
  above.getCell(FIRST_MONTH_COLUMN + n).value = "Plan (projected)";
  ws.mergeCells(headerRow - 1, FIRST_MONTH_COLUMN + n, headerRow - 1, FIRST_MONTH_COLUMN + all.length - 1);
  above.font = { bold: true };
  above.alignment = { horizontal: "center" };
  const row = ws.getRow(headerRow);
  row.getCell(1).value = "Section";
  row.getCell(2).value = "Measure";
  all.forEach((m, i) => {
    row.getCell(FIRST_MONTH_COLUMN + i).value = m;
  });
  row.font = { bold: true };
  row.eachCell((c) => {
    c.fill = FILL.header;
  });
  return headerRow + 1;
}

/** Writes the grid's rows from `startRow`; returns the next free row. */
export function writeGridRows(
  ws: ExcelJS.Worksheet,
  grid: FamilyGrid | RollupGrid,
  months: GridMonths,
  startRow: number,
  currency: string | null,
): number {
  const n = months.closed.length;
  const flags = "flags" in grid ? grid.flags : null;
  let r = startRow;
  for (const m of shownMeasures(grid)) {
    const row = ws.getRow(r);
    row.getCell(1).value = m.section;
    row.getCell(2).value = m.label;
    const format = numberFormat(m.kind, currency);
    grid.rows[m.id].forEach((v, i) => {
      const c = row.getCell(FIRST_MONTH_COLUMN + i);
      c.value = v;
      const shade = SHADE[m.id];
      const shaded = shade && flags?.[i]?.includes(shade.flag) ? shade.fill : i < n ? FILL.closed : undefined;
      c.style = sharedStyle(format, shaded);
    });
    r += 1;
  }
  return r;
}
