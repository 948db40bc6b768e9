/**
 * The report from the database, hand-computed: plans approved through the cycle (a base and an
 * overtime supply scenario), actuals through the actuals store (demand, production, inventory, open
 * orders for a make-to-order family), decisions through the decisions store; then `sop report` writes
 * the JSON, the PDF (page count parsed back) and the workbook (cells read back equal the grid).
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCycle } from "../../src/cycle/cycle-store.ts";
import { decidePhase } from "../../src/cycle/decide.ts";
import { startCycle } from "../../src/cycle/start-cycle.ts";
import { submitPlan } from "../../src/cycle/submit-plan.ts";
import { ensureIndexes } from "../../src/db/connection.ts";
import { newItem } from "../../src/decisions/new-item.ts";
import { loadReport } from "../../src/report/load-report.ts";
import type { SopReport } from "../../src/report/report-model.ts";
import { FIRST_MONTH_COLUMN } from "../../src/report/xlsx/xlsx-grid.ts";
import { upsertActuals } from "../../src/store/actuals/index.ts";
import { logItem } from "../../src/store/decision-items.ts";
import { requireTeamConfig, saveTeamConfig } from "../../src/team/team-config-store.ts";
import { exampleTeam } from "../cycle/helpers.ts";
import { csv } from "../forecast-phase/fixtures.ts";
import { sop, tempFile } from "../support/cli-run.ts";
import { connectTestDatabase, dropTestDatabase } from "../support/database.ts";

const run = promisify(execFile);
const TEAM = "T0RPT";
const PERIOD = "2027-01";
const AT = new Date("2027-01-03T09:00:00Z");

async function step(phase: string, by: string, approver: string | null, body: string, scenario?: string) {
  const r = await submitPlan({
    teamId: TEAM,
    period: PERIOD,
    phase,
    by,
    at: AT,
    csv: body,
    source: "cli",
    scenario,
  });
  if (approver)
    await decidePhase({
      teamId: TEAM,
      period: PERIOD,
      phase,
      version: r.version,
      by: approver,
      at: AT,
      decision: "approve",
    });
}

async function setUp(): Promise<void> {
  await saveTeamConfig(
    {
      ...exampleTeam(),
      team: TEAM,
      horizonMonths: 3,
      currency: "EUR",
      report: {
        families: { Kettles: { minDays: 10, maxDays: 40 }, Custom: { makeToOrder: true, maxDays: 20 } },
      },
    },
    "U0LEAD",
    AT,
  );
  const month = (period: string) => ({ period, start: `${period}-01` });
  await upsertActuals(TEAM, "demand", [
    { ...month("2026-10"), family: "Kettles", forecastQty: 100, actualQty: 90 },
    { ...month("2026-11"), family: "Kettles", forecastQty: 100, actualQty: 110 },
    { ...month("2026-12"), family: "Kettles", forecastQty: 120, actualQty: 120 },
    { ...month("2026-12"), family: "Custom", forecastQty: 30, actualQty: 32 },
  ]);
  await upsertActuals(TEAM, "production", [
    { ...month("2026-10"), family: "Kettles", plannedQty: 100, actualQty: 95, capacityQty: 120 },
    { ...month("2026-11"), family: "Kettles", plannedQty: 100, actualQty: 100, capacityQty: 120 },
    { ...month("2026-12"), family: "Kettles", plannedQty: 110, actualQty: 105, capacityQty: 120 },
  ]);
  await upsertActuals(TEAM, "inventory", [
    { date: "2026-10-31", family: "Kettles", onHandQty: 200 },
    { date: "2026-11-30", family: "Kettles", onHandQty: 190 },
    { date: "2026-12-15", family: "Kettles", onHandQty: 170 },
  ]);
  await upsertActuals(TEAM, "orders", [
    // Open at the end of November only; open from December on.
    {
      orderId: "o1",
      family: "Custom",
      orderDate: "2026-11-20",
      promisedDate: "2026-12-01",
      deliveredDate: "2026-12-05",
      quantity: 20,
    },
    {
      orderId: "o2",
      family: "Custom",
      orderDate: "2026-12-10",
      promisedDate: "2027-01-10",
      deliveredDate: null,
      quantity: 30,
    },
  ]);
  await startCycle({ teamId: TEAM, period: PERIOD, by: "U0LEAD", at: AT });
  const demand = csv("family,period,quantity", [
    ["Kettles", "2027-01", 124],
    ["Kettles", "2027-02", 140],
    ["Kettles", "2027-03", 93],
    ["Custom", "2027-01", 31],
    ["Custom", "2027-02", 28],
    ["Custom", "2027-03", 31],
  ]);
  await step("data", "U0ANALYST", "U0LEAD", demand);
  await step("demand", "U0DP", "U0SALES", demand);
  const supply = (k: number[]) =>
    csv("family,period,quantity,capacity", [
      ["Kettles", "2027-01", k[0]!, k[1]!],
      ["Kettles", "2027-02", k[0]!, k[1]!],
      ["Kettles", "2027-03", 100, k[1]!],
      ["Custom", "2027-01", 20, ""],
      ["Custom", "2027-02", 28, ""],
      ["Custom", "2027-03", 40, ""],
    ]);
  await step("supply", "U0SP", null, supply([100, 100]));
  await step("supply", "U0SP", "U0OPS", supply([130, 130]), "overtime");
  await step(
    "finance",
    "U0FIN",
    "U0CFO",
    csv("family,period,quantity,revenue", [
      ["Kettles", "2027-01", 124, 1240],
      ["Kettles", "2027-02", 140, 1400],
      ["Kettles", "2027-03", 93, 930],
      ["Custom", "2027-01", 31, 1550],
      ["Custom", "2027-02", 28, 1400],
      ["Custom", "2027-03", 31, 1550],
    ]),
  );
  const cycle = (await getCycle(TEAM, PERIOD))!;
  const base = {
    teamId: TEAM,
    cycle,
    permalink: null,
    source: null,
    by: "U0LEAD",
    at: AT,
    today: "2027-01-03",
    phase: "supply",
  };
  await logItem(
    newItem({ ...base, kind: "decision", text: "Plan overtime on line 2", owner: null, dueDate: null }),
  );
  await logItem(
    newItem({
      ...base,
      kind: "action",
      text: "Book the Saturday crew",
      owner: "U0OPS",
      dueDate: "2027-01-10",
    }),
  );
}

const row = (r: SopReport, family: string, measure: keyof SopReport["families"][number]["rows"]) =>
  r.families.find((g) => g.family === family)!.rows[measure];

describe("the report from the database", () => {
  let report: SopReport;
  afterAll(() => dropTestDatabase());
  beforeAll(async () => {
    await connectTestDatabase("report");
    await ensureIndexes();
    await setUp();
    report = await loadReport(await requireTeamConfig(TEAM), PERIOD, { stage: "on_request", now: AT });
  });

  it("shows the closed months from the actuals store and projects from the last on-hand", () => {
    expect(report.months).toEqual({
      closed: ["2026-10", "2026-11", "2026-12"],
      horizon: ["2027-01", "2027-02", "2027-03"],
    });
    expect(row(report, "Kettles", "demandPlan")).toEqual([100, 100, 120, 124, 140, 93]);
    expect(row(report, "Kettles", "demandActual")).toEqual([90, 110, 120, null, null, null]);
    expect(row(report, "Kettles", "demandCumDiff").slice(0, 3)).toEqual([-10, 0, 0]);
    expect(row(report, "Kettles", "supplyActual").slice(0, 3)).toEqual([95, 100, 105]);
    // On hand: the latest snapshot on or before each month's end (170 from 15 December).
    // Projected: 170 + 100 − 124 = 146; 146 + 100 − 140 = 106; 106 + 100 − 93 = 113.
    expect(row(report, "Kettles", "inventory")).toEqual([200, 190, 170, 146, 106, 113]);
    // Days of supply: inventory ÷ next month's daily demand (the last month: its own).
    const dos = row(report, "Kettles", "daysOfSupply");
    expect(dos[2]).toBeCloseTo(170 / (124 / 31), 9);
    expect(dos[3]).toBeCloseTo(146 / (140 / 28), 9);
    expect(dos[4]).toBeCloseTo(106 / (93 / 31), 9);
    expect(dos[5]).toBeCloseTo(113 / (93 / 31), 9);
    // 100 % of capacity is at the threshold: flagged.
    expect(report.families.find((g) => g.family === "Kettles")!.summary.flags).toContain("capacity");
  });

  it("projects the make-to-order family's open-order backlog", () => {
    // Backlog at month ends: 0 (Oct), 20 (o1 open on 30 Nov), 30 (o2); then max(0, b + demand − supply).
    expect(row(report, "Custom", "backlog")).toEqual([0, 20, 30, 41, 41, 32]);
    expect(row(report, "Custom", "inventory")).toEqual([null, null, null, null, null, null]);
    const custom = report.families.find((g) => g.family === "Custom")!;
    expect(custom.summary.flags).toContain("backlog");
    expect(custom.rows.revenuePlan.slice(3)).toEqual([1550, 1400, 1550]);
  });

  it("puts the scenarios side by side and the decisions in the log", () => {
    expect(report.scenarios.map((s) => [s.name, s.supplyVersion, s.financeVersion])).toEqual([
      ["base", 1, 1],
      ["overtime", 2, 1],
    ]);
    // Overtime: 170 + 130 − 124 = 176; + 130 − 140 = 166; + 100 − 93 = 173 (Kettles) plus Custom's 0.
    expect(report.scenarios[1]!.inventoryEnd).toBe(173);
    expect(report.scenarios[0]!.inventoryEnd).toBe(113);
    expect(report.shownScenario).toBe("base");
    expect(report.items.map((i) => [i.kind, i.status, i.text])).toEqual([
      ["action", "open", "Book the Saturday crew"],
      ["decision", "closed", "Plan overtime on line 2"],
    ]);
    expect(report.notes).toEqual([]);
    expect(report.kpis?.from).toBe("2026-12-01");
  });

  it("sop report prints the summary, the JSON, and writes the PDF and the workbook", async () => {
    const text = await sop(["report", "--team", TEAM, "--period", PERIOD]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("2 of 2 families flagged");
    expect(text.stdout).toContain("overtime: supply v2, finance v1");

    const json = await sop(["report", "--team", TEAM, "--period", PERIOD, "--json"]);
    const parsed = JSON.parse(json.stdout) as SopReport;
    expect(parsed.families.find((g) => g.family === "Kettles")!.rows.inventory).toEqual([
      200, 190, 170, 146, 106, 113,
    ]);

    const pdf = tempFile("report.pdf", "");
    const xlsx = tempFile("report.xlsx", "");
    const files = await sop(["report", "--team", TEAM, "--period", PERIOD, "--pdf", pdf, "--xlsx", xlsx]);
    expect(files.code).toBe(0);
    expect(files.stderr).toContain(`wrote ${pdf} (`);
    const { stdout } = await run("pdfinfo", [pdf]);
    // Cover, company, scenarios, two family pages, KPIs, the log.
    expect(Number(/Pages:\s+(\d+)/.exec(stdout)?.[1])).toBe(7);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(xlsx) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Kettles")!;
    const inventoryRow = sheet.getRows(1, sheet.rowCount)!.find((r) => r.getCell(2).value === "Inventory")!;
    const cells = [0, 1, 2, 3, 4, 5].map((i) => inventoryRow.getCell(FIRST_MONTH_COLUMN + i).value);
    expect(cells).toEqual([200, 190, 170, 146, 106, 113]);
  });

  it("names what is missing: no cycle, bad period", async () => {
    const none = await sop(["report", "--team", TEAM, "--period", "2031-01"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("There is no S&OP cycle for 2031-01");
    const bad = await sop(["report", "--team", TEAM, "--period", "Jan"]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("--period must be a month");
  });
});
