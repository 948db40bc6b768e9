/**
 * The time-phased grid as a PDF table: a label column, then one column per month (closed months on a
 * grey ground, the horizon after them), rows grouped by section, flagged cells shaded. Rows that are
 * empty in every month are left out.
 */
import { cell } from "../format.ts";
import type { FamilyGrid, FlagKind, GridMonths, MeasureId, RollupGrid } from "../grid-types.ts";
import { MEASURES } from "../grid-types.ts";
import { COLOR, CONTENT_WIDTH, PAGE, type PdfWriter } from "./pdf-writer.ts";

export const ROW_HEIGHT = 10.5;
const LABEL_WIDTH = 122;
const FONT_SIZE = 6.6;

/** Which flag shades which row's cell. */
const SHADE: Partial<Record<MeasureId, { flag: FlagKind; color: string }>> = {
  inventory: { flag: "stockOut", color: COLOR.red },
  daysOfSupply: { flag: "aboveMax", color: COLOR.amber },
  utilization: { flag: "capacity", color: COLOR.red },
  revenueGap: { flag: "revenueGap", color: COLOR.amber },
  backlog: { flag: "backlog", color: COLOR.red },
};

function rowLabel(id: MeasureId, label: string, grid: FamilyGrid | RollupGrid): string {
  if (id !== "daysOfSupply" || !("targets" in grid)) return label;
  const t = grid.targets;
  return t.mode === "stock"
    ? `Days of supply (${t.minDays}–${t.maxDays})`
    : `Days of backlog (max ${t.maxDays})`;
}

/** Draws the grid with its top at `y`; returns the height used. */
export function drawGrid(
  w: PdfWriter,
  grid: FamilyGrid | RollupGrid,
  months: GridMonths,
  y: number,
  only?: readonly MeasureId[],
): number {
  const all = [...months.closed, ...months.horizon];
  const n = months.closed.length;
  const colWidth = (CONTENT_WIDTH - LABEL_WIDTH) / all.length;
  const x0 = PAGE.margin;
  const colX = (i: number) => x0 + LABEL_WIDTH + i * colWidth;
  const flags = "flags" in grid ? grid.flags : null;
  let top = y;

  // Header: "Actual" over the closed months, "Plan" over the horizon, then the months.
  w.fillRect(colX(0), top, colWidth * n, ROW_HEIGHT * 2, COLOR.closed);
  w.text("Actual", colX(0), top + 1.5, {
    size: FONT_SIZE,
    font: "condensedBold",
    width: colWidth * n,
    align: "center",
  });
  w.text("Plan (projected)", colX(n), top + 1.5, {
    size: FONT_SIZE,
    font: "condensedBold",
    width: colWidth * (all.length - n),
    align: "center",
  });
  top += ROW_HEIGHT;
  all.forEach((m, i) => {
    w.text(m, colX(i), top + 1.5, {
      size: FONT_SIZE,
      font: "condensedBold",
      width: colWidth - 2,
      align: "right",
    });
  });
  top += ROW_HEIGHT;
  w.rule(x0, top, x0 + CONTENT_WIDTH, COLOR.muted);

  let section = "";
  for (const m of MEASURES) {
    const values = grid.rows[m.id];
    if (values.every((v) => v === null) || (only && !only.includes(m.id))) continue;
    if (m.section !== section) {
      section = m.section;
      w.text(section, x0, top + 1.5, {
        size: FONT_SIZE,
        font: "condensedBold",
        color: COLOR.heading,
        width: LABEL_WIDTH,
      });
      top += ROW_HEIGHT;
    }
    if (n > 0) w.fillRect(colX(0), top, colWidth * n, ROW_HEIGHT, COLOR.closed);
    const shade = SHADE[m.id];
    values.forEach((v, i) => {
      if (shade && flags?.[i]?.includes(shade.flag))
        w.fillRect(colX(i), top, colWidth, ROW_HEIGHT, shade.color);
      w.text(cell(m.kind, v), colX(i), top + 1.8, {
        size: FONT_SIZE,
        font: "condensed",
        width: colWidth - 2,
        align: "right",
        color: v !== null && v < 0 ? COLOR.redText : COLOR.text,
      });
    });
    w.text(`  ${rowLabel(m.id, m.label, grid)}`, x0, top + 1.8, {
      size: FONT_SIZE,
      font: "condensed",
      width: LABEL_WIDTH,
    });
    top += ROW_HEIGHT;
    w.rule(x0, top, x0 + CONTENT_WIDTH);
  }
  return top - y;
}
