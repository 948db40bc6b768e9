/**
 * Scenarios side by side: the same families and demand, each scenario's supply (and its finance
 * plan's revenue and cost), projected and summed for the company — projected inventory, service risk
 * (stock-outs and units short), capacity, revenue, cost. Pure.
 */
import { familyGrid } from "./family-grid.ts";
import type { FamilyGrid, FamilyGridInput, GridMonths, GridThresholds, RollupGrid } from "./grid-types.ts";
import { rollup } from "./rollup.ts";

export interface ScenarioInput {
  name: string;
  /** The plan versions it comes from (null: the phase has no plan for it and the base one is used). */
  supplyVersion: number | null;
  financeVersion: number | null;
  families: FamilyGridInput[];
}

export interface ScenarioSummary {
  name: string;
  supplyVersion: number | null;
  financeVersion: number | null;
  /** Company projected inventory at the end of the horizon, and its lowest month. */
  inventoryEnd: number | null;
  inventoryLow: { month: string; value: number } | null;
  stockOutFamilies: number;
  stockOutMonths: number;
  unitsShort: number;
  revenueAtRisk: number;
  capacityMonths: number;
  maxUtilization: number | null;
  supplyTotal: number | null;
  revenuePlan: number | null;
  revenueAtDemand: number | null;
  cost: number | null;
  flaggedFamilies: number;
}

export interface ScenarioResult {
  summary: ScenarioSummary;
  grids: FamilyGrid[];
  company: RollupGrid;
}

function horizonSum(values: (number | null)[], from: number): number | null {
  let s: number | null = null;
  for (let i = from; i < values.length; i++) if (values[i] !== null) s = (s ?? 0) + values[i]!;
  return s;
}

export function runScenario(input: ScenarioInput, months: GridMonths, t: GridThresholds): ScenarioResult {
  const grids = input.families.map((f) => familyGrid(f, months, t));
  const company = rollup("Company", grids, months);
  const n = months.closed.length;
  const inventory = company.rows.inventory.slice(n);
  let low: ScenarioSummary["inventoryLow"] = null;
  inventory.forEach((v, k) => {
    if (v !== null && (low === null || v < low.value)) low = { month: months.horizon[k]!, value: v };
  });
  const familyMax = grids.map((g) => g.summary.maxUtilization).filter((v): v is number => v !== null);
  return {
    grids,
    company,
    summary: {
      name: input.name,
      supplyVersion: input.supplyVersion,
      financeVersion: input.financeVersion,
      inventoryEnd: inventory.at(-1) ?? null,
      inventoryLow: low,
      stockOutFamilies: company.flagCounts.stockOut,
      stockOutMonths: grids.reduce((s, g) => s + g.summary.flagMonths.stockOut, 0),
      unitsShort: company.unitsShort,
      revenueAtRisk: company.revenueAtRisk,
      capacityMonths: grids.reduce((s, g) => s + g.summary.flagMonths.capacity, 0),
      maxUtilization: familyMax.length ? Math.max(...familyMax) : null,
      supplyTotal: horizonSum(company.rows.supplyPlan, n),
      revenuePlan: horizonSum(company.rows.revenuePlan, n),
      revenueAtDemand: horizonSum(company.rows.revenueAtDemand, n),
      cost: horizonSum(company.rows.cost, n),
      flaggedFamilies: company.flaggedFamilies,
    },
  };
}
