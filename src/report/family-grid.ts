/**
 * One family's S&OP grid (pure). Closed months show actuals; horizon months show plans and the
 * projection:
 *
 *   projected inventory(m) = inventory(m − 1) + supply plan(m) − demand plan(m)
 *
 * starting from the on-hand at the end of the last closed month. Make-to-order families project their
 * open-order backlog instead: backlog(m) = max(0, backlog(m − 1) + demand(m) − supply(m)).
 * Flags (horizon months only): stock-out (projected inventory below 0), above max (days of supply over
 * the family's max, or stock with no demand ahead), capacity (utilisation at or over the threshold, or
 * supply on zero capacity), revenue gap (|demand × price − finance revenue| ÷ finance revenue at or over
 * the threshold; demand finance did not price or plan revenue for), backlog (days of backlog over max).
 */
import { coverageRates, daysCovered } from "./days-of-supply.ts";
import type {
  FamilyGrid,
  FamilyGridInput,
  FamilySummary,
  FlagKind,
  GridMonths,
  GridRows,
  GridThresholds,
} from "./grid-types.ts";
import { FLAG_KINDS, MEASURES } from "./grid-types.ts";
import { atOrOver } from "./thresholds.ts";

export function emptyRows(length: number): GridRows {
  const rows = {} as GridRows;
  for (const m of MEASURES) rows[m.id] = new Array<number | null>(length).fill(null);
  return rows;
}

export function emptyFlagCounts(): Record<FlagKind, number> {
  return { stockOut: 0, aboveMax: 0, capacity: 0, revenueGap: 0, backlog: 0 };
}

const minus = (a: number | null, b: number | null) => (a === null || b === null ? null : a - b);
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b <= 0 ? null : a / b);

const SEVERITY: Record<FlagKind, number> = {
  stockOut: 4,
  capacity: 3,
  aboveMax: 2,
  backlog: 2,
  revenueGap: 1,
};

function mean(values: (number | null)[]): number | null {
  let s = 0;
  let n = 0;
  for (const v of values)
    if (v !== null) {
      s += v;
      n += 1;
    }
  return n ? s / n : null;
}

function sum(values: (number | null)[] | null): number | null {
  if (!values) return null;
  let s = 0;
  let any = false;
  for (const v of values)
    if (v !== null) {
      s += v;
      any = true;
    }
  return any ? s : null;
}

function fillClosed(rows: GridRows, input: FamilyGridInput, n: number): void {
  const c = input.closed;
  const stock = input.targets.mode === "stock";
  let cum: number | null = null;
  for (let i = 0; i < n; i++) {
    const plan = c.demandPlan[i] ?? null;
    const actual = c.demandActual[i] ?? null;
    const diff = minus(actual, plan);
    if (diff !== null) cum = (cum ?? 0) + diff;
    rows.demandPlan[i] = plan;
    rows.demandActual[i] = actual;
    rows.demandDiff[i] = diff;
    rows.demandCumDiff[i] = cum;
    rows.supplyPlan[i] = c.supplyPlan[i] ?? null;
    rows.supplyActual[i] = c.supplyActual[i] ?? null;
    rows.supplyDiff[i] = minus(rows.supplyActual[i]!, rows.supplyPlan[i]!);
    rows.capacity[i] = c.capacity[i] ?? null;
    rows.utilization[i] = ratio(rows.supplyActual[i]!, rows.capacity[i]!);
    (stock ? rows.inventory : rows.backlog)[i] = c.position[i] ?? null;
  }
}

/** Projects the horizon and returns each month's position (null without a supply plan). */
function fillHorizon(rows: GridRows, input: FamilyGridInput, n: number, opening: number): void {
  const h = input.horizon;
  const stock = input.targets.mode === "stock";
  let position = opening;
  h.demand.forEach((demand, k) => {
    const i = n + k;
    const supply = h.supply ? (h.supply[k] ?? 0) : null;
    rows.demandPlan[i] = demand;
    rows.supplyPlan[i] = supply;
    rows.capacity[i] = h.capacity[k] ?? null;
    rows.utilization[i] = ratio(supply, rows.capacity[i]!);
    if (supply !== null) {
      position = stock ? position + supply - demand : Math.max(0, position + demand - supply);
      (stock ? rows.inventory : rows.backlog)[i] = position;
    }
    const price = h.price[k] ?? null;
    const revenuePlan = h.financeRevenue ? (h.financeRevenue[k] ?? 0) : null;
    const atDemand = price === null ? null : demand * price;
    rows.revenuePlan[i] = revenuePlan;
    rows.revenueAtDemand[i] = atDemand;
    rows.revenueGap[i] = minus(atDemand, revenuePlan);
    rows.cost[i] = h.cost ? (h.cost[k] ?? null) : null;
  });
}

function monthFlags(
  rows: GridRows,
  i: number,
  rate: number | null,
  input: FamilyGridInput,
  t: GridThresholds,
): FlagKind[] {
  const flags: FlagKind[] = [];
  const { mode, maxDays } = input.targets;
  const inventory = rows.inventory[i]!;
  const backlog = rows.backlog[i]!;
  const dos = rows.daysOfSupply[i]!;
  if (mode === "stock" && inventory !== null) {
    if (inventory < 0) flags.push("stockOut");
    else if (inventory > 0 && (dos === null ? rate !== null : dos > maxDays)) flags.push("aboveMax");
  }
  const supply = rows.supplyPlan[i]!;
  const capacity = rows.capacity[i]!;
  if (supply !== null && capacity !== null) {
    if (capacity > 0 ? atOrOver(supply / capacity, t.capacity) : supply > 0) flags.push("capacity");
  }
  if (mode === "backlog" && backlog !== null && dos !== null && dos > maxDays) flags.push("backlog");
  const plan = rows.revenuePlan[i]!;
  if (plan !== null) {
    const atDemand = rows.revenueAtDemand[i]!;
    const demand = rows.demandPlan[i] ?? 0;
    if (
      atDemand === null
        ? demand > 0
        : plan > 0
          ? atOrOver((atDemand - plan) / plan, t.revenueVsPlan)
          : atDemand > 0
    )
      flags.push("revenueGap");
  }
  return flags;
}

function summarise(
  grid: Omit<FamilyGrid, "summary">,
  input: FamilyGridInput,
  months: GridMonths,
): FamilySummary {
  const n = months.closed.length;
  const flagMonths: Record<FlagKind, number> = {
    stockOut: 0,
    aboveMax: 0,
    capacity: 0,
    revenueGap: 0,
    backlog: 0,
  };
  let firstStockOut: string | null = null;
  grid.flags.forEach((fs, i) => {
    for (const f of fs) flagMonths[f] += 1;
    if (fs.includes("stockOut") && firstStockOut === null) firstStockOut = months.horizon[i - n] ?? null;
  });
  const horizon = <T>(xs: T[]) => xs.slice(n);
  const stock = input.targets.mode === "stock";
  const positions = horizon(stock ? grid.rows.inventory : grid.rows.backlog).filter(
    (v): v is number => v !== null,
  );
  const worstPosition = positions.length ? (stock ? Math.min(...positions) : Math.max(...positions)) : null;
  const unitsShort = stock && positions.length ? Math.max(0, -Math.min(...positions)) : 0;
  const avgPrice = mean(input.horizon.price);
  const utils = horizon(grid.rows.utilization).filter((v): v is number => v !== null);
  const flags = FLAG_KINDS.filter((f) => flagMonths[f] > 0);
  return {
    flagMonths,
    flags,
    firstStockOut,
    worstPosition,
    unitsShort,
    revenueAtRisk: avgPrice === null ? null : unitsShort * avgPrice,
    maxUtilization: utils.length ? Math.max(...utils) : null,
    demandTotal: sum(horizon(grid.rows.demandPlan)) ?? 0,
    supplyTotal: input.horizon.supply ? (sum(horizon(grid.rows.supplyPlan)) ?? 0) : null,
    revenuePlanTotal: sum(input.horizon.financeRevenue),
    revenueGapTotal: sum(horizon(grid.rows.revenueGap)),
    costTotal: sum(input.horizon.cost),
    severity: FLAG_KINDS.reduce((s, f) => s + SEVERITY[f] * flagMonths[f], 0),
  };
}

export function familyGrid(input: FamilyGridInput, months: GridMonths, t: GridThresholds): FamilyGrid {
  const n = months.closed.length;
  const all = [...months.closed, ...months.horizon];
  const rows = emptyRows(all.length);
  const openingAssumed = input.opening === null;
  const opening = input.opening ?? 0;
  fillClosed(rows, input, n);
  fillHorizon(rows, input, n, opening);
  // Coverage looks at next month's demand: actual while closed, plan from the horizon on.
  const demandSeen = all.map((_, i) => (i < n ? rows.demandActual[i]! : rows.demandPlan[i]!));
  const rates = coverageRates(all, demandSeen);
  const position = input.targets.mode === "stock" ? rows.inventory : rows.backlog;
  all.forEach((_, i) => {
    rows.daysOfSupply[i] = daysCovered(position[i]!, rates[i]!);
  });
  const flags = all.map((_, i) => (i < n ? [] : monthFlags(rows, i, rates[i]!, input, t)));
  const { minDays, maxDays } = input.targets;
  const band =
    input.targets.mode === "stock"
      ? {
          min: rates.map((r) => (r === null ? null : r * minDays)),
          max: rates.map((r) => (r === null ? null : r * maxDays)),
        }
      : null;
  const grid = {
    family: input.family,
    group: input.group,
    targets: input.targets,
    openingAssumed,
    opening,
    rows,
    band,
    flags,
  };
  return { ...grid, summary: summarise(grid, input, months) };
}
