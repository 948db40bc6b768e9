/**
 * The S&OP family grid against hand-computed values on a small data set (three families, three closed
 * months, a four-month horizon), then properties: totals equal the sum of the families, and a month
 * without supply lowers projected inventory by exactly its demand.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { familyGrid } from "../../src/report/family-grid.ts";
import type { FamilyGridInput } from "../../src/report/grid-types.ts";
import { MEASURES } from "../../src/report/grid-types.ts";
import { groupRollups, rollup } from "../../src/report/rollup.ts";
import { A, B, C, months, thresholds } from "./fixtures.ts";

describe("family grid, hand-computed", () => {
  const a = familyGrid(A, months, thresholds);
  const b = familyGrid(B, months, thresholds);
  const c = familyGrid(C, months, thresholds);

  it("shows the closed months' actuals with differences and the cumulative difference", () => {
    expect(a.rows.demandPlan.slice(0, 3)).toEqual([100, 110, 120]);
    expect(a.rows.demandDiff.slice(0, 3)).toEqual([-10, 20, 0]);
    expect(a.rows.demandCumDiff.slice(0, 3)).toEqual([-10, 10, 10]);
    expect(a.rows.supplyDiff.slice(0, 3)).toEqual([-5, 0, 5]);
    expect(a.rows.inventory.slice(0, 3)).toEqual([300, 270, 255]);
    expect(a.rows.utilization[0]).toBeCloseTo(95 / 120, 12);
    // No actuals in the horizon.
    expect(a.rows.demandActual.slice(3)).toEqual([null, null, null, null]);
  });

  it("projects inventory = last on-hand + supply − demand, month by month", () => {
    expect(a.rows.inventory.slice(3)).toEqual([231, 51, 95, 105]);
    // B has no on-hand snapshot: 0 assumed, and said so.
    expect(b.openingAssumed).toBe(true);
    expect(b.rows.inventory.slice(3)).toEqual([8, -2, -62, -42]);
  });

  it("computes days of supply against the next month's daily demand", () => {
    // Sep: 300 ÷ (Oct actual 130 ÷ 31); Oct: 270 ÷ (120 ÷ 30); Nov: 255 ÷ (Dec plan 124 ÷ 31).
    expect(a.rows.daysOfSupply[0]).toBeCloseTo((300 * 31) / 130, 9);
    expect(a.rows.daysOfSupply[1]).toBeCloseTo(67.5, 9);
    expect(a.rows.daysOfSupply[2]).toBeCloseTo(63.75, 9);
    // Dec: 231 ÷ (280 ÷ 31); Jan: 51 ÷ (56 ÷ 28) = 25.5; Feb: 95 ÷ (90 ÷ 31); Mar (last): its own demand.
    expect(a.rows.daysOfSupply[3]).toBeCloseTo((231 * 31) / 280, 9);
    expect(a.rows.daysOfSupply[4]).toBeCloseTo(25.5, 9);
    expect(a.rows.daysOfSupply[5]).toBeCloseTo((95 * 31) / 90, 9);
    expect(a.rows.daysOfSupply[6]).toBeCloseTo((105 * 31) / 90, 9);
    // Negative inventory covers 0 days.
    expect(b.rows.daysOfSupply.slice(4)).toEqual([0, 0, 0]);
  });

  it("flags capacity at exactly the threshold (≥, not >) and the revenue gap", () => {
    expect(a.rows.utilization[3]).toBe(1);
    expect(a.flags[3]).toEqual(["capacity"]);
    // Jan: 2,800 at demand vs 2,600 planned = +7.7 % ≥ 5 %.
    expect(a.rows.revenueGap[4]).toBe(200);
    expect(a.flags[4]).toEqual(["revenueGap"]);
    expect(a.flags[5]).toEqual([]);
    expect(a.summary.flags).toEqual(["capacity", "revenueGap"]);
    expect(a.summary.maxUtilization).toBe(1);
  });

  it("flags projected stock-outs and sums what is short", () => {
    expect(b.flags.slice(3).map((f) => f.includes("stockOut"))).toEqual([false, true, true, true]);
    // Feb: finance planned no revenue for demand worth 600.
    expect(b.flags[5]).toContain("revenueGap");
    expect(b.summary).toMatchObject({ firstStockOut: "2027-01", unitsShort: 62, revenueAtRisk: 620 });
    expect(b.summary.costTotal).toBe(20);
  });

  it("projects a make-to-order family's backlog and flags days of backlog over max", () => {
    expect(c.rows.backlog.slice(3)).toEqual([51, 42, 42, 42]);
    expect(c.rows.inventory.every((v) => v === null)).toBe(true);
    // Dec: 51 ÷ (31 ÷ 31) = 51 days > 15.
    expect(c.rows.daysOfSupply[3]).toBeCloseTo(51, 9);
    expect(c.flags[3]).toEqual(["backlog"]);
    expect(c.summary.unitsShort).toBe(0);
  });

  it("rolls up groups and the company: additive rows summed, ratios from the sums", () => {
    const grids = [a, b, c];
    const company = rollup("Company", grids, months);
    expect(company.rows.demandPlan.slice(3)).toEqual([
      124 + 62 + 31,
      280 + 60 + 31,
      56 + 60 + 28,
      90 + 60 + 31,
    ]);
    expect(company.rows.inventory.slice(3)).toEqual([239, 49, 33, 63]);
    // Days of supply from the stocked families' sums: Dec 239 ÷ ((280 + 60) ÷ 31).
    expect(company.rows.daysOfSupply[3]).toBeCloseTo((239 * 31) / 340, 9);
    // Utilisation over families with capacity: Dec (A 100 + C 20) ÷ (100 + 30).
    expect(company.rows.utilization[3]).toBeCloseTo(120 / 130, 12);
    expect(company).toMatchObject({ families: 3, flaggedFamilies: 3, unitsShort: 62 });
    expect(company.flagCounts).toMatchObject({ stockOut: 1, capacity: 1, revenueGap: 2, backlog: 1 });
    const groups = groupRollups(grids, months);
    expect(groups.map((g) => [g.name, g.families])).toEqual([
      ["Machines", 2],
      ["Other families", 1],
    ]);
  });
});

describe("family grid, properties", () => {
  const qty = fc.integer({ min: 0, max: 500 });
  const family = fc.record({
    opening: fc.option(qty, { nil: null }),
    demand: fc.array(qty, { minLength: 4, maxLength: 4 }),
    supply: fc.array(qty, { minLength: 4, maxLength: 4 }),
    capacity: fc.array(fc.option(qty, { nil: null }), { minLength: 4, maxLength: 4 }),
    actual: fc.array(fc.option(qty, { nil: null }), { minLength: 3, maxLength: 3 }),
    backlog: fc.boolean(),
  });
  type Fam = typeof family extends fc.Arbitrary<infer T> ? T : never;
  const toInput = (f: Fam, i: number): FamilyGridInput => ({
    family: `F${i}`,
    group: i % 2 ? "odd" : null,
    targets: { minDays: 10, maxDays: 40, mode: f.backlog ? "backlog" : "stock" },
    opening: f.opening,
    closed: {
      demandPlan: f.actual,
      demandActual: f.actual.map((v) => (v === null ? null : v + 1)),
      supplyPlan: f.actual,
      supplyActual: f.actual,
      capacity: f.actual,
      position: f.actual,
    },
    horizon: {
      demand: f.demand,
      supply: f.supply,
      capacity: f.capacity,
      financeRevenue: f.demand.map((d) => d * 3),
      price: f.demand.map(() => 3),
      cost: null,
    },
  });

  it("company totals equal the sum of the families for every additive row", () => {
    fc.assert(
      fc.property(fc.array(family, { minLength: 1, maxLength: 8 }), (fams) => {
        const grids = fams.map((f, i) => familyGrid(toInput(f, i), months, thresholds));
        const company = rollup("Company", grids, months);
        for (const m of MEASURES) {
          if (!m.additive) continue;
          company.rows[m.id].forEach((total, i) => {
            const values = grids.map((g) => g.rows[m.id][i]).filter((v): v is number => v !== null);
            expect(total).toBe(values.length ? values.reduce((s, v) => s + v, 0) : null);
          });
        }
        const groups = groupRollups(grids, months);
        expect(groups.reduce((s, g) => s + g.families, 0)).toBe(grids.length);
      }),
      { numRuns: 200 },
    );
  });

  it("a month with zero supply lowers projected inventory by exactly its demand", () => {
    fc.assert(
      fc.property(family, fc.integer({ min: 0, max: 3 }), (f, zero) => {
        const input = toInput({ ...f, backlog: false }, 0);
        input.horizon.supply = f.supply.map((s, k) => (k === zero ? 0 : s));
        const g = familyGrid(input, months, thresholds);
        const i = months.closed.length + zero;
        const before = zero === 0 ? (f.opening ?? 0) : g.rows.inventory[i - 1]!;
        expect(g.rows.inventory[i]).toBe(before - f.demand[zero]!);
      }),
      { numRuns: 200 },
    );
  });
});
