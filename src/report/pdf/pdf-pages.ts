/**
 * The report's pages after the cover: the company roll-up, the family groups, the scenarios side by
 * side, one page per family, the KPI scorecard and the decision and action log.
 */
import { formatWhen } from "../../cycle/people.ts";
import { KIND_LABEL } from "../../decisions/item.ts";
import { days, money, pct, qty } from "../format.ts";
import {
  type FamilyGrid,
  FLAG_LABEL,
  type GridMonths,
  type MeasureId,
  type RollupGrid,
} from "../grid-types.ts";
import { projectionSeries } from "../projection-series.ts";
import { personName, type SopReport } from "../report-model.ts";
import { drawProjectionChart } from "./pdf-chart.ts";
import { drawTable, rowsThatFit } from "./pdf-cover.ts";
import { drawGrid } from "./pdf-grid.ts";
import { COLOR, CONTENT_WIDTH, PAGE, type PdfWriter } from "./pdf-writer.ts";

const BOTTOM = PAGE.height - PAGE.margin - 4;

function chartBelow(w: PdfWriter, grid: FamilyGrid | RollupGrid, months: GridMonths, y: number): void {
  const height = BOTTOM - y - 4;
  if (height > 90)
    drawProjectionChart(w, projectionSeries(grid, months), {
      x: PAGE.margin,
      y: y + 4,
      width: CONTENT_WIDTH,
      height,
    });
}

export function drawCompanyPage(w: PdfWriter, report: SopReport): void {
  let y: number = PAGE.margin;
  y += w.heading(`Company roll-up · ${report.company.families} families`, y);
  y += drawGrid(w, report.company, report.months, y);
  chartBelow(w, report.company, report.months, y + 6);
}

export const GROUPS_PER_PAGE = 2;
/** The rows a group shows (its families' pages have the rest). */
const GROUP_ROWS: MeasureId[] = [
  "demandPlan",
  "demandActual",
  "supplyPlan",
  "supplyActual",
  "inventory",
  "backlog",
  "daysOfSupply",
  "capacity",
  "utilization",
  "revenuePlan",
  "revenueGap",
];

/** Group roll-ups, GROUPS_PER_PAGE to a page. */
export function drawGroupPages(w: PdfWriter, report: SopReport, footer: string): void {
  let y: number = PAGE.margin;
  report.groups.forEach((g, i) => {
    if (i % GROUPS_PER_PAGE === 0) {
      w.page(footer);
      y = PAGE.margin;
      y += w.heading(`Family groups (${report.groups.length})`, y);
    }
    w.text(`${g.name} · ${g.families} families, ${g.flaggedFamilies} flagged`, PAGE.margin, y, {
      size: 9,
      font: "bold",
      width: CONTENT_WIDTH,
    });
    y += 13;
    y += drawGrid(w, g, report.months, y, GROUP_ROWS) + 12;
  });
}

export function drawScenarioPage(w: PdfWriter, report: SopReport): void {
  const c = report.currency;
  let y: number = PAGE.margin;
  y += w.heading("Scenarios side by side", y);
  const chosen = report.approvedScenario;
  w.text(
    chosen
      ? `The executive S&OP approved “${chosen}”.`
      : "The executive S&OP approves one of these; it becomes the published plan.",
    PAGE.margin,
    y,
    { size: 9, color: COLOR.muted, width: CONTENT_WIDTH },
  );
  y += 18;
  const rows: [string, (s: SopReport["scenarios"][number]) => string][] = [
    ["Plan versions", (s) => `supply v${s.supplyVersion ?? "–"}, finance v${s.financeVersion ?? "–"}`],
    ["Supply over the horizon", (s) => qty(s.supplyTotal)],
    ["Inventory at the end of the horizon", (s) => qty(s.inventoryEnd)],
    [
      "Lowest inventory",
      (s) => (s.inventoryLow ? `${qty(s.inventoryLow.value)} (${s.inventoryLow.month})` : "–"),
    ],
    ["Families with a projected stock-out", (s) => String(s.stockOutFamilies)],
    ["Stock-out family-months", (s) => String(s.stockOutMonths)],
    ["Units short (largest backorder, Σ families)", (s) => qty(s.unitsShort)],
    ["Revenue at risk", (s) => money(s.revenueAtRisk, c)],
    ["Family-months at or over capacity", (s) => String(s.capacityMonths)],
    ["Highest family utilisation", (s) => pct(s.maxUtilization)],
    ["Finance plan revenue", (s) => money(s.revenuePlan, c)],
    ["Revenue at demand × price", (s) => money(s.revenueAtDemand, c)],
    ["Cost (where given)", (s) => money(s.cost, c)],
    ["Families flagged", (s) => String(s.flaggedFamilies)],
  ];
  const width = (CONTENT_WIDTH - 240) / report.scenarios.length;
  drawTable(
    w,
    [
      ["", 240, false],
      ...report.scenarios.map((s): [string, number, boolean] => [
        s.name === chosen ? `${s.name} ✓` : s.name,
        width,
        true,
      ]),
    ],
    rows.map(([label, f]) => [label, ...report.scenarios.map(f)]),
    y,
    9,
  );
}

export function drawFamilyPage(w: PdfWriter, report: SopReport, g: FamilyGrid): void {
  let y: number = PAGE.margin;
  const group = g.group ? ` · ${g.group}` : "";
  w.text(`${g.family}`, PAGE.margin, y, {
    size: 15,
    font: "bold",
    color: COLOR.heading,
    width: CONTENT_WIDTH - 200,
  });
  w.text(
    `${g.targets.mode === "stock" ? "make to stock" : "make to order"}${group}`,
    PAGE.margin + CONTENT_WIDTH - 200,
    y + 4,
    { size: 8.5, color: COLOR.muted, width: 200, align: "right" },
  );
  y += 21;
  const s = g.summary;
  const flags = s.flags.length
    ? s.flags
        .map((f) => `${FLAG_LABEL[f]} (${s.flagMonths[f]} month${s.flagMonths[f] === 1 ? "" : "s"})`)
        .join(" · ")
    : "no flags over the horizon";
  w.text(flags, PAGE.margin, y, {
    size: 8.5,
    font: s.flags.length ? "bold" : "regular",
    color: s.flags.includes("stockOut") ? COLOR.redText : COLOR.text,
    width: CONTENT_WIDTH,
  });
  y += 12;
  const facts = [
    `${g.targets.mode === "stock" ? "on hand" : "backlog"} at the start ${qty(g.opening)}${g.openingAssumed ? " (no figure: 0 assumed)" : ""}`,
    s.firstStockOut ? `first stock-out ${s.firstStockOut}, ${qty(s.unitsShort)} units short` : null,
    `max utilisation ${pct(s.maxUtilization)}`,
    g.targets.mode === "stock"
      ? `target ${days(g.targets.minDays)} – ${days(g.targets.maxDays)} of supply`
      : `max ${days(g.targets.maxDays)} of backlog`,
  ].filter(Boolean);
  w.text(facts.join(" · "), PAGE.margin, y, { size: 8, color: COLOR.muted, width: CONTENT_WIDTH });
  y += 14;
  y += drawGrid(w, g, report.months, y);
  chartBelow(w, g, report.months, y + 6);
}

export function drawKpiPage(w: PdfWriter, report: SopReport): void {
  let y: number = PAGE.margin;
  y += w.heading("KPI scorecard", y);
  const k = report.kpis;
  if (!k) {
    w.text("No KPI figures: no actuals were imported for the last closed month.", PAGE.margin, y, {
      size: 9,
    });
    return;
  }
  w.text(`Over ${k.from} … ${k.to}`, PAGE.margin, y, { size: 9, color: COLOR.muted });
  y += 18;
  const status: Record<string, string> = {
    green: "● green",
    amber: "● amber",
    red: "● red",
    none: "no data",
  };
  drawTable(
    w,
    [
      ["KPI", 260, false],
      ["Value", 120, true],
      ["Target", 160, true],
      ["Status", 120, true],
    ],
    k.rows.map((r) => [r.label, r.display, r.target, status[r.status] ?? r.status]),
    y,
    10,
  );
}

/** The log, over as many pages as it needs; returns the pages used (at least one). */
export function drawLogPages(w: PdfWriter, report: SopReport, footer: string): number {
  const items = report.items;
  let pages = 0;
  let i = 0;
  do {
    w.page(footer);
    pages += 1;
    let y: number = PAGE.margin;
    y += w.heading(pages === 1 ? "Decisions and action items" : "Decisions and action items (continued)", y);
    if (!items.length) {
      w.text("Nothing was logged for this cycle.", PAGE.margin, y, { size: 9 });
      break;
    }
    const fit = rowsThatFit(y, BOTTOM, 8);
    const chunk = items.slice(i, i + fit);
    drawTable(
      w,
      [
        ["Kind", 70, false],
        ["Text", 330, false],
        ["Owner", 95, false],
        ["Due", 65, false],
        ["Status", 60, false],
        ["Phase", 80, false],
        ["Logged", 86, false],
      ],
      chunk.map((it) => [
        KIND_LABEL[it.kind],
        it.text.replace(/\s+/g, " "),
        personName(report, it.owner),
        it.dueDate ?? "–",
        it.kind === "decision"
          ? "recorded"
          : it.status === "open"
            ? "open"
            : `closed ${it.closedAt ? formatWhen(it.closedAt, report.timezone).slice(4, 10) : ""}`,
        it.phaseName ?? "–",
        `${personName(report, it.createdBy)}`,
      ]),
      y,
      8,
    );
    i += chunk.length;
  } while (i < items.length);
  return pages;
}
