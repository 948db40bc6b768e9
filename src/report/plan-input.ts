/**
 * The horizon of the grid from plan lines: per family, month by month, the consensus demand, one
 * scenario's supply and capacity, its finance revenue and the price demand is valued at (prices.ts),
 * and any cost the supply or finance plan gives. A month a plan does not mention plans nothing (0); a
 * plan that is missing leaves its rows empty.
 */
import type { HorizonPlans } from "./grid-types.ts";
import { familyPrices, monthPrice } from "./prices.ts";

export interface HorizonLine {
  family: string;
  period: string;
  quantity: number;
  revenue?: number | null;
  capacity?: number | null;
  cost?: number | null;
}

export interface HorizonSources {
  demand: readonly HorizonLine[] | null;
  supply: readonly HorizonLine[] | null;
  finance: readonly HorizonLine[] | null;
}

type Grid = Map<string, HorizonLine[]>;

function byFamily(lines: readonly HorizonLine[] | null, months: Map<string, number>): Grid | null {
  if (!lines) return null;
  const out: Grid = new Map();
  for (const l of lines) {
    if (!months.has(l.period)) continue;
    let row = out.get(l.family);
    if (!row) {
      row = [];
      out.set(l.family, row);
    }
    row.push(l);
  }
  return out;
}

function series(
  lines: HorizonLine[] | undefined,
  months: Map<string, number>,
  pick: (l: HorizonLine) => number | null | undefined,
): (number | null)[] {
  const out = new Array<number | null>(months.size).fill(null);
  for (const l of lines ?? []) {
    const v = pick(l);
    if (v !== null && v !== undefined && !Number.isNaN(v))
      out[months.get(l.period)!] = (out[months.get(l.period)!] ?? 0) + v;
  }
  return out;
}

const zeros = (xs: (number | null)[]) => xs.map((v) => v ?? 0);

/** The families the plans name, in order of first appearance (demand first). */
export function planFamilies(s: HorizonSources): string[] {
  const seen = new Set<string>();
  for (const lines of [s.demand, s.supply, s.finance]) for (const l of lines ?? []) seen.add(l.family);
  return [...seen];
}

/** Horizon plans per family for `families` over `horizon`. */
export function horizonPlans(
  s: HorizonSources,
  families: readonly string[],
  horizon: readonly string[],
): Map<string, HorizonPlans> {
  const months = new Map(horizon.map((m, i) => [m, i]));
  const demand = byFamily(s.demand, months);
  const supply = byFamily(s.supply, months);
  const finance = byFamily(s.finance, months);
  const averages = s.finance ? familyPrices(s.finance) : new Map<string, number>();
  const givesCost = [s.supply, s.finance].some((lines) => lines?.some((l) => l.cost != null));
  const out = new Map<string, HorizonPlans>();
  for (const f of families) {
    const fin = finance?.get(f);
    const finQty = series(fin, months, (l) => l.quantity);
    const finRev = series(fin, months, (l) => l.revenue);
    const cost = givesCost
      ? series([...(supply?.get(f) ?? []), ...(fin ?? [])], months, (l) => l.cost).map((v) => v ?? 0)
      : null;
    out.set(f, {
      demand: zeros(series(demand?.get(f), months, (l) => l.quantity)),
      supply: supply ? zeros(series(supply.get(f), months, (l) => l.quantity)) : null,
      capacity: series(supply?.get(f), months, (l) => l.capacity),
      financeRevenue: finance ? zeros(finRev) : null,
      price: finance
        ? horizon.map((_, i) => monthPrice(f, finQty[i] ?? 0, finRev[i] ?? null, averages))
        : horizon.map(() => null),
      cost,
    });
  }
  return out;
}
