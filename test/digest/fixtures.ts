/**
 * Digest test data: weekly KPI snapshots written straight into their collection, and a month of actuals
 * for `families` families stored through the actuals store (as an import stores them).
 */
import { KpiSnapshotModel } from "../../src/db/models/kpi-snapshot.ts";
import { upsertActuals } from "../../src/store/actuals/index.ts";
import { isoWeekMonday, isoWeekSunday, weeksEndingWith } from "../../src/time/iso-week.ts";

/** Deterministic pseudo-random numbers in [0, 1). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function kpiValues(i: number, r: () => number) {
  return {
    forecastAccuracy: 0.72 + 0.01 * i + 0.02 * r(),
    forecastBias: 0.08 - 0.004 * i,
    mape: 0.25 - 0.005 * i,
    onTimeDelivery: 0.9 + 0.004 * i + 0.01 * r(),
    serviceLevel: 0.92 + 0.002 * i,
    planAdherence: 0.85 + 0.003 * i,
    cycleTime: { mean: 8 - 0.1 * i, median: 7, p90: 12 },
    capacityUtilization: 0.88 + 0.005 * i,
    daysOfSupply: 30 + i,
  };
}

/** Snapshots for the `n` weeks ending with `lastWeek` (one week left out: a gap in the chart). */
export async function seedSnapshots(teamId: string, lastWeek: string, n = 12, skip?: string): Promise<void> {
  const r = rng(7);
  const weeks = weeksEndingWith(lastWeek, n);
  await KpiSnapshotModel.insertMany(
    weeks
      .filter((w) => w !== skip)
      .map((week, i) => ({
        _id: `${teamId}|${week}`,
        teamId,
        week,
        from: isoWeekMonday(week),
        to: isoWeekSunday(week),
        values: kpiValues(i, r),
        computedAt: new Date(`${isoWeekSunday(week)}T06:00:00Z`),
      })),
  );
}

export const familyName = (i: number) => `Family ${String(i + 1).padStart(4, "0")}`;

/** A month of demand and production per family, and orders (some open and late). */
export async function seedActuals(
  teamId: string,
  month: string,
  families: number,
  opts: { names?: string[] } = {},
) {
  const r = rng(42);
  const names = opts.names ?? Array.from({ length: families }, (_, i) => familyName(i));
  const start = `${month}-01`;
  const demand = names.map((family, i) => {
    const actual = Math.round(1000 + 50_000 / (i + 1) + 500 * r());
    return {
      family,
      period: month,
      start,
      forecastQty: Math.round(actual * (0.7 + 0.6 * r())),
      actualQty: actual,
    };
  });
  const production = names.map((family, i) => {
    const planned = Math.round(2000 + 80_000 / (i + 1));
    const capacity = Math.round(planned * (0.9 + 0.4 * r()));
    return {
      family,
      period: month,
      start,
      plannedQty: planned,
      actualQty: Math.round(planned * (0.8 + 0.35 * r())),
      capacityQty: capacity,
    };
  });
  await upsertActuals(teamId, "demand", demand);
  await upsertActuals(teamId, "production", production);
  const orders = Array.from({ length: Math.min(families * 4, 2000) }, (_, i) => {
    const family = names[i % names.length]!;
    const day = 1 + (i % 25);
    const promised = `${month}-${String(day).padStart(2, "0")}`;
    const open = i % 7 === 0;
    const late = i % 5 === 0;
    const deliveredDay = Math.min(28, day + (late ? 3 : 0));
    return {
      orderId: `O${i}`,
      family,
      orderDate: `${month}-01`,
      promisedDate: promised,
      deliveredDate: open ? null : `${month}-${String(deliveredDay).padStart(2, "0")}`,
      quantity: 10 + (i % 90),
    };
  });
  await upsertActuals(teamId, "orders", orders);
}
