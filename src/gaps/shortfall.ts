/**
 * What the gap report's rows add up to: supply below demand summed per family and per month, in units
 * and in revenue at plan prices, and the family-months at or over capacity — what the pre-S&OP
 * message leads with, whether or not any single row is over its threshold.
 */
import { atOrOver } from "../report/thresholds.ts";
import type { GapRow } from "./gap-report.ts";

export interface ShortfallByFamily {
  family: string;
  units: number;
  /** The priced part of `units` in revenue; null when none of it is priced. */
  revenue: number | null;
  /** The months short, in order. */
  periods: string[];
}

export interface ShortfallByPeriod {
  period: string;
  units: number;
  revenue: number | null;
  families: number;
}

export interface AtCapacity {
  family: string;
  period: string;
  utilization: number | null;
  supply: number;
  capacity: number;
}

export interface GapShortfall {
  units: number;
  revenue: number | null;
  /** Units short with no price to value them at. */
  unpricedUnits: number;
  familyMonths: number;
  /** Every family short somewhere, the largest shortfall first. */
  byFamily: ShortfallByFamily[];
  /** Every month short somewhere, in month order. */
  byPeriod: ShortfallByPeriod[];
  /** Family-months at or over the capacity threshold (or supply on zero capacity), fullest first. */
  atCapacity: AtCapacity[];
}

const addRevenue = (a: number | null, b: number | null) => (b === null ? a : (a ?? 0) + b);

export function summariseShortfall(rows: readonly GapRow[], capacityThreshold: number): GapShortfall {
  const byFamily = new Map<string, ShortfallByFamily>();
  const byPeriod = new Map<string, ShortfallByPeriod>();
  let units = 0;
  let revenue: number | null = null;
  let unpricedUnits = 0;
  let familyMonths = 0;
  const atCapacity: AtCapacity[] = [];
  for (const r of rows) {
    if (r.supply !== null && r.capacity !== null) {
      const over = r.capacity > 0 ? atOrOver(r.supply / r.capacity, capacityThreshold) : r.supply > 0;
      if (over)
        atCapacity.push({
          family: r.family,
          period: r.period,
          utilization: r.utilization,
          supply: r.supply,
          capacity: r.capacity,
        });
    }
    if (!r.shortfall) continue;
    familyMonths += 1;
    units += r.shortfall;
    revenue = addRevenue(revenue, r.shortfallRevenue);
    if (r.shortfallRevenue === null) unpricedUnits += r.shortfall;
    const f = byFamily.get(r.family) ?? { family: r.family, units: 0, revenue: null, periods: [] };
    f.units += r.shortfall;
    f.revenue = addRevenue(f.revenue, r.shortfallRevenue);
    f.periods.push(r.period);
    byFamily.set(r.family, f);
    const p = byPeriod.get(r.period) ?? { period: r.period, units: 0, revenue: null, families: 0 };
    p.units += r.shortfall;
    p.revenue = addRevenue(p.revenue, r.shortfallRevenue);
    p.families += 1;
    byPeriod.set(r.period, p);
  }
  const families = [...byFamily.values()];
  for (const f of families) f.periods.sort();
  families.sort((a, b) => b.units - a.units || (a.family < b.family ? -1 : 1));
  atCapacity.sort(
    (a, b) =>
      (b.utilization ?? Number.POSITIVE_INFINITY) - (a.utilization ?? Number.POSITIVE_INFINITY) ||
      (a.family < b.family ? -1 : a.family > b.family ? 1 : a.period < b.period ? -1 : 1),
  );
  return {
    units,
    revenue,
    unpricedUnits,
    familyMonths,
    byFamily: families,
    byPeriod: [...byPeriod.values()].sort((a, b) => (a.period < b.period ? -1 : 1)),
    atCapacity,
  };
}
