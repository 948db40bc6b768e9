/**
 * What a family's chart shows, month by month: demand and supply (actuals in the closed months, plans
 * in the horizon), the inventory (actual, then projected) or the backlog of a make-to-order family,
 * and the min/max days-of-supply band in units. One series model for both renderers: the PNG in Slack
 * and the vector chart in the PDF.
 */
import type { FamilyGrid, GridMonths, RollupGrid } from "./grid-types.ts";

export interface ProjectionSeries {
  title: string;
  months: string[];
  closed: number;
  demand: (number | null)[];
  supply: (number | null)[];
  position: (number | null)[];
  positionLabel: string;
  bandMin: (number | null)[] | null;
  bandMax: (number | null)[] | null;
}

/** A family's series, or a roll-up's (inventory of the stocked families, no band). */
export function projectionSeries(grid: FamilyGrid | RollupGrid, months: GridMonths): ProjectionSeries {
  const n = months.closed.length;
  const all = [...months.closed, ...months.horizon];
  const r = grid.rows;
  const family = "targets" in grid ? grid : null;
  const stock = !family || family.targets.mode === "stock";
  return {
    title: "name" in grid ? grid.name : grid.family,
    months: all,
    closed: n,
    demand: all.map((_, i) => (i < n ? r.demandActual[i]! : r.demandPlan[i]!)),
    supply: all.map((_, i) => (i < n ? r.supplyActual[i]! : r.supplyPlan[i]!)),
    position: stock ? r.inventory : r.backlog,
    positionLabel: stock ? "Inventory" : "Backlog",
    bandMin: family?.band?.min ?? null,
    bandMax: family?.band?.max ?? null,
  };
}
