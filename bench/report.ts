/**
 * The monthly S&OP report for 5,000 families × (3 closed + 18 horizon months), two scenarios: our
 * model (grids, flags, roll-ups, scenario comparison), the Slack summary, the PDF and the workbook,
 * each against what someone would use instead, in the same run:
 * - the model vs DuckDB reading the same plan rows from CSV and computing projected inventory, days of
 *   supply, utilisation and the flags per family and month in SQL (an analyst's query);
 * - the PDF vs pdfkit alone writing the same pages with the same number of grid cells as plain text
 *   (the library's floor: no chart, no layout);
 * - the workbook vs exceljs's streaming writer writing the same sheets and numeric cells, unstyled.
 * Loading the plans and actuals from the database is not in these figures (the KPI bench covers reads).
 * `FAMILIES=500 npx tsx bench/report.ts` for a quick run. Results: bench/RESULTS-report.md.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import PDFDocument from "pdfkit";
import type { FamilyGridInput, GridMonths } from "../src/report/grid-types.ts";
import { renderReportPdf } from "../src/report/pdf/render-pdf.ts";
import { buildReport, type SopReport } from "../src/report/report-model.ts";
import { renderReportXlsx } from "../src/report/xlsx/render-xlsx.ts";
import { reportSummaryMessage } from "../views/report-summary.ts";
import { openDuckDb } from "./kpi-duckdb.ts";

const FAMILIES = Number(process.env.FAMILIES ?? 5000);
const PAGES = 250; // the default family pages / sheets (team configuration `report.familyPages`)
const GRID_ROWS = 16; // rows of one family grid (demand, supply, inventory, days, capacity, revenue…)
const ym = (i: number) => `${2026 + Math.floor((i + 9) / 12)}-${String(((i + 9) % 12) + 1).padStart(2, "0")}`;
const months: GridMonths = {
  closed: [0, 1, 2].map(ym),
  horizon: Array.from({ length: 18 }, (_, i) => ym(i + 3)),
};

/** Deterministic families: seasonal demand, supply that sometimes falls short, capacity near the top. */
function families(n: number, supplyBoost: number): FamilyGridInput[] {
  return Array.from({ length: n }, (_, f) => {
    const level = 100 + (f % 97) * 7;
    const demand = months.horizon.map((_, i) => Math.round(level * (1 + 0.2 * Math.sin((i + f) / 2))));
    const supply = demand.map((d, i) => Math.round(d * (((f + i) % 9 === 0 ? 0.8 : 1.02) + supplyBoost)));
    const capacity = supply.map((s, i) => (f % 25 === 0 && i % 5 === 0 ? s : Math.round(s * 1.15)));
    const price = months.horizon.map(() => 10 + (f % 13));
    return {
      family: `FAM-${String(f).padStart(5, "0")}`,
      group: `Group ${f % 12}`,
      targets: { minDays: 15, maxDays: 45, mode: f % 10 === 0 ? "backlog" : "stock" },
      opening: level,
      closed: {
        demandPlan: [level, level, level],
        demandActual: [level - 5, level + 8, level],
        supplyPlan: [level, level, level],
        supplyActual: [level, level - 3, level + 2],
        capacity: [level * 1.2, level * 1.2, level * 1.2],
        position: [level, level - 2, level],
      },
      horizon: {
        demand,
        supply,
        capacity,
        financeRevenue: demand.map((d, i) => d * price[i]! * (f % 17 === 0 ? 0.9 : 1)),
        price,
        cost: null,
      },
    };
  });
}

function build(base: FamilyGridInput[], overtime: FamilyGridInput[]): SopReport {
  return buildReport({
    teamId: "T0BENCH",
    period: months.horizon[0]!,
    stage: "pre_sop",
    generatedAt: new Date("2026-12-16T10:00:00Z"),
    timezone: "Europe/Berlin",
    currency: "EUR",
    months,
    thresholds: { capacity: 1, revenueVsPlan: 0.05 },
    scenarios: [
      { name: "base", supplyVersion: 1, financeVersion: 1, families: base },
      { name: "overtime", supplyVersion: 2, financeVersion: 1, families: overtime },
    ],
    approvedScenario: null,
    items: [],
    kpis: null,
    plans: [{ phase: "demand", phaseName: "Demand review", version: 1, scenario: null }],
  });
}

async function timed<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await fn();
  return { ms: performance.now() - t, value };
}

/** DuckDB over the horizon rows of both scenarios as CSV: the grid's arithmetic and flags in SQL. */
async function duckdbGrid(dir: string, inputs: FamilyGridInput[][]): Promise<number> {
  const lines = ["scenario,family,month,opening,demand,supply,capacity,price,finance_revenue"];
  inputs.forEach((fams, s) => {
    for (const g of fams)
      g.horizon.demand.forEach((d, i) => {
        const h = g.horizon;
        lines.push(
          `${s},${g.family},${i},${g.opening},${d},${h.supply![i]},${h.capacity[i]},${h.price[i]},${h.financeRevenue![i]}`,
        );
      });
  });
  const file = join(dir, "horizon.csv");
  writeFileSync(file, `${lines.join("\n")}\n`);
  const db = await openDuckDb();
  const t = performance.now();
  const rows = await db.rows(`
    WITH p AS (
      SELECT *, opening + sum(supply - demand) OVER (PARTITION BY scenario, family ORDER BY month) AS projected,
             avg(demand) OVER (PARTITION BY scenario, family ORDER BY month ROWS BETWEEN CURRENT ROW AND 2 FOLLOWING) AS ahead
      FROM read_csv('${file}', header = true)
    ), g AS (
      SELECT scenario, family, month, projected, projected / nullif(ahead / 30.0, 0) AS days,
             supply / nullif(capacity, 0) AS utilisation, demand * price AS revenue, finance_revenue
      FROM p
    )
    SELECT scenario, family,
           bool_or(projected < 0) AS stock_out, bool_or(days > 45) AS above_max,
           bool_or(utilisation >= 1) AS capacity,
           abs(sum(revenue) - sum(finance_revenue)) / nullif(sum(finance_revenue), 0) >= 0.05 AS revenue_gap,
           sum(projected) AS projected_total
    FROM g GROUP BY scenario, family ORDER BY scenario, family`);
  const ms = performance.now() - t;
  if (rows.length !== inputs.length * FAMILIES) throw new Error(`duckdb: ${rows.length} rows`);
  db.close();
  return ms;
}

/** pdfkit alone: the same pages, each with as many grid cells of text as one family grid. */
async function pdfkitFloor(pages: number, columns: number): Promise<number> {
  const t = performance.now();
  const doc = new PDFDocument({ size: "A4", layout: "landscape", margin: 30 });
  const done = new Promise<void>((resolve) =>
    doc.pipe(new Writable({ write: (_c, _e, cb) => cb() })).on("finish", resolve),
  );
  for (let p = 0; p < pages; p++) {
    if (p > 0) doc.addPage();
    doc.fontSize(7);
    for (let r = 0; r < GRID_ROWS; r++)
      for (let c = 0; c < columns; c++)
        doc.text((1234 + r * c).toLocaleString("en-US"), 30 + c * 36, 60 + r * 14, {
          width: 34,
          lineBreak: false,
        });
  }
  doc.end();
  await done;
  return performance.now() - t;
}

/**
 * exceljs's streaming writer: the same sheets (roll-up plus family sheets, then one sheet with every
 * family's rows), numeric cells, no styles.
 */
async function exceljsFloor(sheets: number, columns: number): Promise<number> {
  const t = performance.now();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: new Writable({ write: (_c, _e, cb) => cb() }),
  });
  for (let s = 0; s < sheets; s++) {
    const ws = wb.addWorksheet(`S${s}`);
    for (let r = 0; r < GRID_ROWS; r++)
      ws.addRow(Array.from({ length: columns + 1 }, (_, c) => (c === 0 ? `row ${r}` : r * c + 0.5))).commit();
    ws.commit();
  }
  const all = wb.addWorksheet("All");
  for (let r = 0; r < FAMILIES * GRID_ROWS; r++)
    all.addRow(Array.from({ length: columns + 3 }, (_, c) => (c < 3 ? `f${r}` : r + c + 0.5))).commit();
  all.commit();
  await wb.commit();
  return performance.now() - t;
}

const dir = mkdtempSync(join(tmpdir(), "sop-bench-report-"));
try {
  const base = families(FAMILIES, 0);
  const overtime = families(FAMILIES, 0.1);
  const columns = months.closed.length + months.horizon.length;
  build(base.slice(0, 50), overtime.slice(0, 50)); // warm the code paths once
  const model = await timed(() => build(base, overtime));
  const report = model.value;
  const summary = await timed(() =>
    reportSummaryMessage(report, { today: "2026-12-16", charts: 5, files: ["r.pdf", "r.xlsx"] }),
  );
  const rssBefore = process.memoryUsage().rss;
  const pdf = await timed(() => renderReportPdf(report, { maxFamilyPages: PAGES }));
  const xlsx = await timed(() => renderReportXlsx(report, { maxFamilySheets: PAGES }));
  const rss = Math.max(rssBefore, process.memoryUsage().rss);
  const duck = await duckdbGrid(dir, [base, overtime]);
  const pdfFloor = await pdfkitFloor(pdf.value.layout.pages, columns);
  const xlsxFloor = await exceljsFloor(Math.min(PAGES, FAMILIES) + 1, columns);
  const flagged = report.families.filter((g) => g.summary.flags.length > 0).length;
  const row = (what: string, ours: number, floor: number, name: string) =>
    console.log(
      `${what.padEnd(10)} ours ${ours.toFixed(0).padStart(6)} ms   ${name.padEnd(18)} ${floor.toFixed(0).padStart(6)} ms   ratio ${(ours / floor).toFixed(2)}x`,
    );
  console.log(
    `report: ${FAMILIES} families × ${columns} months, 2 scenarios, ${flagged} flagged; PDF ${pdf.value.layout.pages} pages ${(pdf.value.pdf.length / 1e6).toFixed(2)} MB, workbook ${(xlsx.value.xlsx.length / 1e6).toFixed(2)} MB, peak RSS ${(rss / 1e6).toFixed(0)} MB`,
  );
  row("model", model.ms, duck, "DuckDB SQL");
  row("PDF", pdf.ms, pdfFloor, "pdfkit text only");
  row("workbook", xlsx.ms, xlsxFloor, "exceljs stream");
  console.log(`summary    ours ${summary.ms.toFixed(1)} ms (${summary.value.blocks?.length ?? 0} blocks)`);
  console.log(`total      ${(model.ms + summary.ms + pdf.ms + xlsx.ms).toFixed(0)} ms from grids to files`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
