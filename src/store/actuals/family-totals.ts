/**
 * Per-family (and per-family-month) totals of demand and production over a window, for charts, the gap
 * report, the S&OP grid and forecasting: a period row counts when its first day — the 1st of the month,
 * the Monday of the ISO week — lies in `[from, to]`, the KPIs' rule, so a chart by family adds up to the
 * KPI. Reads only the months the window touches; memory grows with families (and months), not rows.
 */
import { fastDay } from "./days.ts";
import type { DemandChunk, PeriodChunk, ProductionChunk } from "./period-codec.ts";
import type { ActualsWindow } from "./rows.ts";
import { consistently, familyIndex, monthsOfWindow, scanChunks } from "./scan.ts";

export interface FamilyDemand {
  family: string;
  forecastQty: number;
  actualQty: number;
}

export interface FamilyProduction {
  family: string;
  plannedQty: number;
  actualQty: number;
  capacityQty: number;
}

export interface FamilyMonthDemand extends FamilyDemand {
  /** `YYYY-MM` of the period's first day (an ISO week counts in the month of its Monday). */
  month: string;
}

export interface FamilyMonthProduction extends FamilyProduction {
  month: string;
}

const byFamilyMonth = (a: { family: string; month?: string }, b: { family: string; month?: string }) =>
  a.family < b.family
    ? -1
    : a.family > b.family
      ? 1
      : (a.month ?? "") < (b.month ?? "")
        ? -1
        : (a.month ?? "") > (b.month ?? "")
          ? 1
          : 0;

/** Visits every row of the window: (chunk, row index, bucket month). */
async function eachRow<F extends string>(
  teamId: string,
  kind: "demand" | "production",
  w: ActualsWindow,
  visit: (c: PeriodChunk<F>, i: number, month: string) => void,
): Promise<void> {
  const from = fastDay(w.from);
  const to = fastDay(w.to);
  for await (const { month, chunk } of scanChunks(teamId, kind, (m) => monthsOfWindow(m, w))) {
    const c = chunk as unknown as PeriodChunk<F>;
    const only = familyIndex(c.families, w.family);
    if (only === -1) continue;
    for (let i = 0; i < c.n; i++) {
      if (only >= 0 && c.family[i] !== only) continue;
      const start = c.periodStart[c.period[i]!]!;
      if (start >= from && start <= to) visit(c, i, month);
    }
  }
}

async function totals<F extends string, T extends { family: string }>(
  teamId: string,
  kind: "demand" | "production",
  w: ActualsWindow,
  byMonth: boolean,
  fields: readonly F[],
  make: (family: string, month: string) => T,
): Promise<T[]> {
  return consistently(async () => {
    const out = new Map<string, T>();
    await eachRow<F>(teamId, kind, w, (c, i, month) => {
      const family = c.families[c.family[i]!]!;
      const key = byMonth ? `${family}\u0000${month}` : family;
      const t = out.get(key) ?? make(family, month);
      out.set(key, t);
      const sums = t as unknown as Record<F, number>;
      for (const f of fields) sums[f] += c.values[f][i]!;
    });
    return [...out.values()].sort(byFamilyMonth);
  });
}

const DEMAND = ["forecastQty", "actualQty"] as const;
const PRODUCTION = ["plannedQty", "actualQty", "capacityQty"] as const;

/** Forecast and actual demand per family over `[from, to]`, families in name order. */
export function demandByFamily(teamId: string, w: ActualsWindow): Promise<FamilyDemand[]> {
  return totals<keyof DemandChunk["values"], FamilyDemand>(teamId, "demand", w, false, DEMAND, (family) => ({
    family,
    forecastQty: 0,
    actualQty: 0,
  }));
}

/** Forecast and actual demand per family and month over `[from, to]`, by family then month. */
export function demandByFamilyMonth(teamId: string, w: ActualsWindow): Promise<FamilyMonthDemand[]> {
  return totals<keyof DemandChunk["values"], FamilyMonthDemand>(
    teamId,
    "demand",
    w,
    true,
    DEMAND,
    (family, month) => ({ family, month, forecastQty: 0, actualQty: 0 }),
  );
}

/** Planned, actual and capacity quantities per family over `[from, to]`, families in name order. */
export function productionByFamily(teamId: string, w: ActualsWindow): Promise<FamilyProduction[]> {
  return totals<keyof ProductionChunk["values"], FamilyProduction>(
    teamId,
    "production",
    w,
    false,
    PRODUCTION,
    (family) => ({ family, plannedQty: 0, actualQty: 0, capacityQty: 0 }),
  );
}

/** Planned, actual and capacity quantities per family and month over `[from, to]`, by family then month. */
export function productionByFamilyMonth(teamId: string, w: ActualsWindow): Promise<FamilyMonthProduction[]> {
  return totals<keyof ProductionChunk["values"], FamilyMonthProduction>(
    teamId,
    "production",
    w,
    true,
    PRODUCTION,
    (family, month) => ({ family, month, plannedQty: 0, actualQty: 0, capacityQty: 0 }),
  );
}
