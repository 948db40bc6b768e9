/**
 * The KPI engine over the database: the hand-computed data set imported through the real import path,
 * then `computeKpis` and `sop kpi` for each window (tolerance 1e-9, null for no data).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importActuals } from "../../src/actuals/import-actuals.ts";
import { computeKpis } from "../../src/kpi/compute-kpis.ts";
import { demandByFamily, demandByFamilyMonth, productionByFamily } from "../../src/store/actuals/index.ts";
import { sop } from "../support/cli-run.ts";
import { connectTestDatabase, dropTestDatabase } from "../support/database.ts";
import {
  DEMAND_CSV,
  expectKpisClose,
  HAND_CASES,
  INVENTORY_CSV,
  ORDERS_CSV,
  PRODUCTION_CSV,
  TEAM,
} from "./hand-data.ts";

beforeAll(async () => {
  process.env.MONGODB_URI = await connectTestDatabase("kpidb");
  await importActuals({ teamId: TEAM, kind: "demand", source: DEMAND_CSV });
  await importActuals({ teamId: TEAM, kind: "production", source: PRODUCTION_CSV });
  await importActuals({ teamId: TEAM, kind: "orders", source: ORDERS_CSV });
  await importActuals({ teamId: TEAM, kind: "inventory", source: INVENTORY_CSV });
  // Another team's rows in the same collections must never leak in.
  await importActuals({ teamId: "T0NOISE", kind: "orders", source: ORDERS_CSV.replace(/,10\n/, ",1000\n") });
  await importActuals({ teamId: "T0NOISE", kind: "inventory", source: INVENTORY_CSV });
});
afterAll(async () => {
  await dropTestDatabase();
});

describe("computeKpis on the hand-computed data set", () => {
  it.each(HAND_CASES)("$name", async ({ window, expected }) => {
    expectKpisClose(await computeKpis({ teamId: TEAM, ...window }), expected);
  });

  it("answers null everywhere for a team without data", async () => {
    const v = await computeKpis({ teamId: "T0EMPTY", from: "2026-01-01", to: "2026-01-31" });
    expect(
      Object.values(v).flatMap((x) => (x !== null && typeof x === "object" ? Object.values(x) : [x])),
    ).toEqual(Array(11).fill(null));
  });
});

describe("actuals readers (same window rule as the KPIs)", () => {
  it("sums demand and production per family over a window", async () => {
    const jan = { from: "2026-01-01", to: "2026-01-31" };
    expect(await demandByFamily(TEAM, jan)).toEqual([
      { family: "Espresso machines", forecastQty: 50.5, actualQty: 40 },
      { family: "Grinders", forecastQty: 50, actualQty: 25.5 },
    ]);
    expect(await productionByFamily(TEAM, jan)).toEqual([
      { family: "Espresso machines", plannedQty: 100, actualQty: 90.5, capacityQty: 120 },
      { family: "Grinders", plannedQty: 50, actualQty: 60, capacityQty: 80 },
    ]);
    // 2026-W01 (Monday 2025-12-29) counts in December 2025.
    expect(await demandByFamilyMonth(TEAM, { from: "2025-12-01", to: "2026-02-28" })).toEqual([
      { family: "Espresso machines", month: "2025-12", forecastQty: 100, actualQty: 80 },
      { family: "Espresso machines", month: "2026-01", forecastQty: 50.5, actualQty: 40 },
      { family: "Grinders", month: "2026-01", forecastQty: 50, actualQty: 25.5 },
      { family: "Kettles", month: "2026-02", forecastQty: 10, actualQty: 12 },
    ]);
    expect(await productionByFamily(TEAM, { ...jan, family: "Kettles" })).toEqual([]);
  });
});

describe("sop kpi", () => {
  it("prints exactly the documented JSON shape", async () => {
    const r = await sop(["kpi", "--team", TEAM, "--from", "2026-01-01", "--to", "2026-01-31", "--json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual([
      "forecastAccuracy",
      "forecastBias",
      "mape",
      "onTimeDelivery",
      "serviceLevel",
      "planAdherence",
      "cycleTime",
      "capacityUtilization",
      "daysOfSupply",
    ]);
    expect(Object.keys(json.cycleTime)).toEqual(["mean", "median", "p90"]);
    expectKpisClose(json, HAND_CASES[0]!.expected);
  });

  it("filters by family and prints null for no data", async () => {
    const r = await sop([
      "kpi",
      "--team",
      TEAM,
      "--from",
      "2026-01-01",
      "--to",
      "2026-01-31",
      "--family",
      "Kettles",
      "--json",
    ]);
    expect(r.stdout).toBe(
      '{"forecastAccuracy":null,"forecastBias":null,"mape":null,"onTimeDelivery":0,"serviceLevel":null,"planAdherence":null,"cycleTime":{"mean":4,"median":4,"p90":4},"capacityUtilization":null,"daysOfSupply":null}\n',
    );
  });

  it("prints a table with targets and RAG status without --json", async () => {
    const r = await sop(["kpi", "--team", TEAM, "--from", "2026-01-01", "--to", "2026-01-31"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("KPIs of T0KPI, 2026-01-01 … 2026-01-31");
    // Default targets (no team configuration): OTD 50 % is red, DOS 42.5 d inside 20–45 d is green.
    expect(lines.find((l) => l.startsWith("On-time delivery"))).toMatch(/50 %\s+≥ 95 %\s+red$/);
    expect(lines.find((l) => l.startsWith("Days of supply"))).toMatch(/42\.5 d\s+20–45 d\s+green$/);
    expect(lines.find((l) => l.startsWith("Forecast bias"))).toMatch(/\+53\.4 %\s+\|bias\| ≤ 5 %\s+red$/);
    expect(r.stdout).toContain("cycle time: mean 9.8 d, median 10 d, p90 13.5 d");
  });

  it.each([
    [["--from", "2026-02-30", "--to", "2026-03-01"], '--from "2026-02-30" is not a date (YYYY-MM-DD)'],
    [["--from", "2026-03-01", "--to", "2026-02-01"], "--from 2026-03-01 is after --to 2026-02-01"],
    [["--from", "2026-03-01"], "--to is required"],
    [["--to", "2026-03-01", "--from", "March"], '--from "March" is not a date'],
  ])("rejects bad input %j with a clear message", async (args, message) => {
    const r = await sop(["kpi", "--team", TEAM, ...args, "--json"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain("usage: sop kpi --team T --from DATE --to DATE");
  });
});
