/**
 * The cover: what needs a decision — the flagged families with what is wrong and by how much, the
 * scenarios to choose from, the open action items — and the company totals of the horizon.
 */
import { formatWhen } from "../../cycle/people.ts";
import { compactQty, money, pct, qty } from "../format.ts";
import type { FlagKind } from "../grid-types.ts";
import { flaggedFamilies, openActions, personName, type SopReport, STAGE_LABEL } from "../report-model.ts";
import { COLOR, CONTENT_WIDTH, PAGE, type PdfWriter } from "./pdf-writer.ts";

export const SHORT_FLAG: Record<FlagKind, string> = {
  stockOut: "stock-out",
  capacity: "capacity",
  aboveMax: "above max",
  backlog: "backlog",
  revenueGap: "revenue gap",
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Columns as [header, width, right-aligned]. */
type Column = [string, number, boolean];

export function drawTable(w: PdfWriter, columns: Column[], rows: string[][], y: number, size = 8): number {
  const h = size * 1.6;
  let x = PAGE.margin;
  for (const [head, width, right] of columns) {
    w.text(head, x, y, {
      size,
      font: "bold",
      width: width - 4,
      align: right ? "right" : "left",
      color: COLOR.muted,
    });
    x += width;
  }
  let top = y + h;
  w.rule(PAGE.margin, top - 2, PAGE.margin + CONTENT_WIDTH, COLOR.muted);
  for (const row of rows) {
    x = PAGE.margin;
    row.forEach((value, i) => {
      const [, width, right] = columns[i]!;
      w.text(value, x, top, { size, width: width - 4, align: right ? "right" : "left" });
      x += width;
    });
    top += h;
    w.rule(PAGE.margin, top - 2, PAGE.margin + CONTENT_WIDTH);
  }
  return top - y;
}

/** How many table rows fit between `y` and `bottom`. */
export const rowsThatFit = (y: number, bottom: number, size = 8) =>
  Math.max(0, Math.floor((bottom - y) / (size * 1.6)) - 1);

export function drawCover(w: PdfWriter, report: SopReport, familyPages: Map<string, number>): void {
  const c = report.currency;
  let y: number = PAGE.margin;
  w.text(`S&OP report · ${report.period}`, PAGE.margin, y, { size: 22, font: "bold", color: COLOR.heading });
  y += 30;
  const built = `Team ${report.teamId} · built ${STAGE_LABEL[report.stage]} · ${formatWhen(report.generatedAt, report.timezone)} (${report.timezone})`;
  w.text(built, PAGE.margin, y, { size: 9, color: COLOR.muted, width: CONTENT_WIDTH });
  y += 14;
  const scenario = report.approvedScenario
    ? `Approved plan: scenario “${report.approvedScenario}”.`
    : `Grids show scenario “${report.shownScenario}”.`;
  w.text(
    `${scenario} Horizon ${report.months.horizon[0]} … ${report.months.horizon.at(-1)}; actuals ${report.months.closed[0] ?? "–"} … ${report.months.closed.at(-1) ?? "–"}.`,
    PAGE.margin,
    y,
    { size: 9, color: COLOR.muted, width: CONTENT_WIDTH },
  );
  y += 22;

  const flagged = flaggedFamilies(report);
  const actions = openActions(report);
  y += w.heading("Decisions needed", y);
  const co = report.company;
  const summary = [
    `${flagged.length} of ${report.families.length} families flagged`,
    co.unitsShort > 0
      ? `${qty(co.unitsShort)} units short (≈ ${money(co.revenueAtRisk, c)} at plan prices)`
      : "no projected stock-out",
    report.scenarios.length > 1 ? `${report.scenarios.length} scenarios to choose from` : null,
    `${actions.length} open action item${actions.length === 1 ? "" : "s"}`,
  ].filter(Boolean);
  w.text(summary.join(" · "), PAGE.margin, y, { size: 10, font: "bold", width: CONTENT_WIDTH });
  y += 18;

  const bottom = PAGE.height - PAGE.margin - 150;
  const fit = rowsThatFit(y, bottom);
  const shown = flagged.slice(0, flagged.length > fit ? Math.max(0, fit - 1) : fit);
  const rows = shown.map((g) => [
    g.family,
    g.summary.flags.map((f) => SHORT_FLAG[f]).join(", "),
    g.summary.firstStockOut ?? "–",
    g.summary.unitsShort > 0 ? qty(g.summary.unitsShort) : "–",
    pct(g.summary.maxUtilization),
    money(g.summary.revenueGapTotal, null),
    familyPages.has(g.family) ? String(familyPages.get(g.family)) : "xlsx",
  ]);
  if (flagged.length > shown.length) {
    rows.push([`…and ${flagged.length - shown.length} more flagged families`, "", "", "", "", "", ""]);
  }
  if (rows.length) {
    y += drawTable(
      w,
      [
        ["Family", 230, false],
        ["Flags", 210, false],
        ["First stock-out", 80, true],
        ["Units short", 70, true],
        ["Max utilisation", 80, true],
        ["Revenue gap", 70, true],
        ["Page", 45, true],
      ],
      rows,
      y,
    );
  } else {
    w.text("No family is flagged over the horizon.", PAGE.margin, y, { size: 9 });
    y += 14;
  }
  y += 12;
  if (report.scenarios.length > 1) {
    const names = report.scenarios.map(
      (s) =>
        `${s.name}: ${plural(s.stockOutFamilies, "family", "families")} short, ${plural(s.capacityMonths, "family-month")} at capacity, cost ${money(s.cost, c)}`,
    );
    w.text(`Scenarios — ${names.join(" · ")}`, PAGE.margin, y, { size: 8.5, width: CONTENT_WIDTH });
    y += 14;
  }
  const firstActions = actions
    .slice(0, 4)
    .map((a) => `${a.text} (${personName(report, a.owner)}, due ${a.dueDate ?? "–"})`);
  w.text(
    actions.length
      ? `Open actions — ${firstActions.join(" · ")}${actions.length > 4 ? ` · …and ${actions.length - 4} more` : ""}`
      : "No open action items.",
    PAGE.margin,
    y,
    { size: 8.5, width: CONTENT_WIDTH },
  );
  y += 20;
  const n = report.months.closed.length;
  const sum = (xs: (number | null)[]) => xs.slice(n).reduce<number>((s, v) => s + (v ?? 0), 0);
  w.text(
    `Company, horizon: demand ${compactQty(sum(co.rows.demandPlan), 12)} · supply ${compactQty(sum(co.rows.supplyPlan), 12)} · inventory at the end ${compactQty(co.rows.inventory.at(-1) ?? null, 12)} · finance plan ${money(sum(co.rows.revenuePlan), c)}`,
    PAGE.margin,
    y,
    { size: 8.5, color: COLOR.muted, width: CONTENT_WIDTH },
  );
  for (const note of report.notes) {
    y += 12;
    w.text(note, PAGE.margin, y, { size: 8, color: COLOR.muted, width: CONTENT_WIDTH });
  }
}
