/** Weekly KPI snapshots: the ISO week's window, idempotent replace by `team|week`, recent weeks, the CLI. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importActuals } from "../../src/actuals/import-actuals.ts";
import { ManualClock } from "../../src/clock.ts";
import { KpiSnapshotModel } from "../../src/db/models/kpi-snapshot.ts";
import { UserError } from "../../src/errors.ts";
import { recentSnapshots, refreshSnapshots, snapshotWeek } from "../../src/kpi/snapshots.ts";
import { sop } from "../support/cli-run.ts";
import { connectTestDatabase, dropTestDatabase } from "../support/database.ts";
import { DEMAND_CSV, INVENTORY_CSV, ORDERS_CSV, PRODUCTION_CSV, TEAM } from "./hand-data.ts";

beforeAll(async () => {
  process.env.MONGODB_URI = await connectTestDatabase("kpisnap");
  await importActuals({ teamId: TEAM, kind: "demand", source: DEMAND_CSV });
  await importActuals({ teamId: TEAM, kind: "production", source: PRODUCTION_CSV });
  await importActuals({ teamId: TEAM, kind: "orders", source: ORDERS_CSV });
  await importActuals({ teamId: TEAM, kind: "inventory", source: INVENTORY_CSV });
});
afterAll(async () => {
  await dropTestDatabase();
});

describe("snapshotWeek", () => {
  it("computes the ISO week's KPIs and stores them under team|week", async () => {
    const clock = new ManualClock(new Date("2026-03-01T12:00:00Z"));
    // 2026-W01 runs Monday 2025-12-29 … Sunday 2026-01-04.
    const snap = await snapshotWeek(TEAM, "2026-W01", clock);
    expect(snap).toMatchObject({ teamId: TEAM, week: "2026-W01", from: "2025-12-29", to: "2026-01-04" });
    // Demand: 2026-W01 E (100, 80) and 2026-01 E (50.5, 40), G (30, 0): Σ|e| = 20 + 10.5 + 30 = 60.5, Σa = 120.
    expect(Math.abs(snap.values.forecastAccuracy! - (1 - 60.5 / 120))).toBeLessThanOrEqual(1e-9);
    // Delivered 29 Dec … 4 Jan: A6 (1 Jan, late), A1 (4 Jan, on time).
    expect(snap.values.onTimeDelivery).toBe(0.5);
    const doc = await KpiSnapshotModel.findById(`${TEAM}|2026-W01`).lean();
    expect(doc).toMatchObject({ teamId: TEAM, week: "2026-W01", values: snap.values });
  });

  it("replaces the week when recomputed (idempotent), never adding a second document", async () => {
    const clock = new ManualClock(new Date("2026-03-01T12:00:00Z"));
    await snapshotWeek(TEAM, "2026-W02", clock);
    await importActuals({
      teamId: TEAM,
      kind: "orders",
      source:
        "order_id,family,order_date,promised_date,delivered_date,quantity\nW2,Grinders,2026-01-05,2026-01-07,2026-01-06,1\n",
    });
    clock.advance(3_600_000);
    const again = await snapshotWeek(TEAM, "2026-W02", clock);
    expect(again.values.onTimeDelivery).toBe(1);
    const docs = await KpiSnapshotModel.find({ teamId: TEAM, week: "2026-W02" }).lean();
    expect(docs).toHaveLength(1);
    expect(docs[0]!.computedAt.toISOString()).toBe("2026-03-01T13:00:00.000Z");
  });

  it("covers the running week only up to today, and refuses weeks that have not started", async () => {
    // Wednesday 2026-01-14 in UTC (no team configuration): 2026-W03 so far is 12 … 14 January.
    const clock = new ManualClock(new Date("2026-01-14T10:00:00Z"));
    expect(await snapshotWeek(TEAM, "2026-W03", clock)).toMatchObject({
      from: "2026-01-12",
      to: "2026-01-14",
    });
    await expect(snapshotWeek(TEAM, "2026-W04", clock)).rejects.toThrow(UserError);
    await expect(snapshotWeek(TEAM, "2025-W53", clock)).rejects.toThrow(/not an ISO week/);
    const [last, current] = await refreshSnapshots(TEAM, clock);
    expect([last!.week, current!.week]).toEqual(["2026-W02", "2026-W03"]);
  });

  it("snapshots week 53 across the year end", async () => {
    const clock = new ManualClock(new Date("2027-02-01T00:00:00Z"));
    expect(await snapshotWeek(TEAM, "2026-W53", clock)).toMatchObject({
      from: "2026-12-28",
      to: "2027-01-03",
    });
  });
});

describe("recentSnapshots", () => {
  it("returns the stored weeks, oldest first, and skips weeks never computed", async () => {
    const weeks = (await recentSnapshots(TEAM, 12, { through: "2026-W03" })).map((s) => s.week);
    expect(weeks).toEqual(["2026-W01", "2026-W02", "2026-W03"]);
    const latest = (await recentSnapshots(TEAM, 2)).map((s) => s.week);
    expect(latest).toEqual(["2026-W03", "2026-W53"]);
    expect(await recentSnapshots("T0NOBODY", 12)).toEqual([]);
  });
});

describe("sop kpi snapshot", () => {
  it("stores a week and prints it", async () => {
    const r = await sop(["kpi", "snapshot", "--team", TEAM, "--week", "2026-W01"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ team: TEAM, week: "2026-W01", from: "2025-12-29", to: "2026-01-04" });
    expect(Object.keys(out.values)).toHaveLength(9);
  });

  it("rejects a bad week", async () => {
    const r = await sop(["kpi", "snapshot", "--team", TEAM, "--week", "2025-W53"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--week "2025-W53" is not an ISO week');
  });
});
