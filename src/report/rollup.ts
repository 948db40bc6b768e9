/**
 * Totals of family grids, for a family group and for the company: additive rows are summed month by
 * month (a month where no family has a figure stays empty), and the ratios are recomputed from the
 * sums — utilisation = Σ supply ÷ Σ capacity over the families that give capacity, days of supply =
 * Σ inventory ÷ Σ next-month daily demand of the stocked families.
 */
import { coverageRates, daysCovered } from "./days-of-supply.ts";
import { emptyFlagCounts, emptyRows } from "./family-grid.ts";
import { type FamilyGrid, type GridMonths, MEASURES, type RollupGrid } from "./grid-types.ts";

export const UNGROUPED = "Other families";

function addInto(target: (number | null)[], source: readonly (number | null)[]): void {
  source.forEach((v, i) => {
    if (v !== null) target[i] = (target[i] ?? 0) + v;
  });
}

export function rollup(name: string, grids: readonly FamilyGrid[], months: GridMonths): RollupGrid {
  const all = [...months.closed, ...months.horizon];
  const n = months.closed.length;
  const rows = emptyRows(all.length);
  const supplyWithCapacity = new Array<number | null>(all.length).fill(null);
  const stockDemand = new Array<number | null>(all.length).fill(null);
  const flagCounts = emptyFlagCounts();
  let unitsShort = 0;
  let revenueAtRisk = 0;
  let flaggedFamilies = 0;
  for (const g of grids) {
    for (const m of MEASURES) if (m.additive) addInto(rows[m.id], g.rows[m.id]);
    all.forEach((_, i) => {
      const cap = g.rows.capacity[i];
      const supply = i < n ? g.rows.supplyActual[i] : g.rows.supplyPlan[i];
      if (cap !== null && cap !== undefined && supply !== null && supply !== undefined)
        supplyWithCapacity[i] = (supplyWithCapacity[i] ?? 0) + supply;
      if (g.targets.mode === "stock") {
        const d = i < n ? g.rows.demandActual[i] : g.rows.demandPlan[i];
        if (d !== null && d !== undefined) stockDemand[i] = (stockDemand[i] ?? 0) + d;
      }
    });
    for (const f of g.summary.flags) flagCounts[f] += 1;
    if (g.summary.flags.length) flaggedFamilies += 1;
    unitsShort += g.summary.unitsShort;
    revenueAtRisk += g.summary.revenueAtRisk ?? 0;
  }
  const rates = coverageRates(all, stockDemand);
  all.forEach((_, i) => {
    const cap = rows.capacity[i]!;
    rows.utilization[i] =
      cap !== null && cap > 0 && supplyWithCapacity[i] !== null ? supplyWithCapacity[i]! / cap : null;
    rows.daysOfSupply[i] = daysCovered(rows.inventory[i]!, rates[i]!);
  });
  return { name, families: grids.length, flaggedFamilies, rows, flagCounts, unitsShort, revenueAtRisk };
}

/** One roll-up per group (in first-seen order; families without a group last, as UNGROUPED). */
export function groupRollups(grids: readonly FamilyGrid[], months: GridMonths): RollupGrid[] {
  const groups = new Map<string, FamilyGrid[]>();
  for (const g of grids) {
    const key = g.group ?? UNGROUPED;
    const list = groups.get(key) ?? [];
    list.push(g);
    groups.set(key, list);
  }
  const names = [...groups.keys()].sort((a, b) => Number(a === UNGROUPED) - Number(b === UNGROUPED));
  return names.map((name) => rollup(name, groups.get(name)!, months));
}
