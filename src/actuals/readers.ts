/**
 * Read-side helpers for other features (digest charts, gap report, forecasting): per-family totals of
 * demand and production over a window, with the same window rule as the KPIs (a period row counts when
 * its first day — the 1st of the month, the Monday of the ISO week — lies in `[from, to]`), so a chart
 * by family always adds up to the KPI. Streams projected, team-scoped documents; memory grows with the
 * number of families (and months), not with rows.
 */
import type { Collection, Document } from "mongodb";
import { DemandActualModel } from "../db/models/demand-actual.ts";
import { ProductionActualModel } from "../db/models/production-actual.ts";
import { monthOf } from "../time/period.ts";
import { teamScope } from "./team-scope.ts";

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

interface Window {
  from: string;
  to: string;
  family?: string;
}

async function each(
  collection: Collection<Document>,
  teamId: string,
  w: Window,
  projection: Document,
  fn: (d: Document) => void,
): Promise<void> {
  const filter = { ...teamScope(teamId), ...(w.family !== undefined ? { family: w.family } : {}) };
  for await (const d of collection.find(filter, { projection }).batchSize(5000))
    if (d.start >= w.from && d.start <= w.to) fn(d);
}

const byName = <T extends { family: string }>(a: T, b: T) =>
  a.family < b.family ? -1 : a.family > b.family ? 1 : 0;

/** Forecast and actual demand per family over `[from, to]`, families in name order. */
export async function demandByFamily(teamId: string, w: Window): Promise<FamilyDemand[]> {
  const out = new Map<string, FamilyDemand>();
  await each(
    DemandActualModel.collection as unknown as Collection<Document>,
    teamId,
    w,
    { _id: 0, family: 1, start: 1, forecastQty: 1, actualQty: 1 },
    (d) => {
      const f = out.get(d.family) ?? { family: d.family, forecastQty: 0, actualQty: 0 };
      f.forecastQty += d.forecastQty;
      f.actualQty += d.actualQty;
      out.set(d.family, f);
    },
  );
  return [...out.values()].sort(byName);
}

/** Forecast and actual demand per family and month over `[from, to]`, by family then month. */
export async function demandByFamilyMonth(teamId: string, w: Window): Promise<FamilyMonthDemand[]> {
  const out = new Map<string, FamilyMonthDemand>();
  await each(
    DemandActualModel.collection as unknown as Collection<Document>,
    teamId,
    w,
    { _id: 0, family: 1, start: 1, forecastQty: 1, actualQty: 1 },
    (d) => {
      const month = monthOf(d.start);
      const key = `${d.family}\u0000${month}`;
      const f = out.get(key) ?? { family: d.family, month, forecastQty: 0, actualQty: 0 };
      f.forecastQty += d.forecastQty;
      f.actualQty += d.actualQty;
      out.set(key, f);
    },
  );
  return [...out.values()].sort(
    (a, b) => byName(a, b) || (a.month < b.month ? -1 : a.month > b.month ? 1 : 0),
  );
}

/** Planned, actual and capacity quantities per family over `[from, to]`, families in name order. */
export async function productionByFamily(teamId: string, w: Window): Promise<FamilyProduction[]> {
  const out = new Map<string, FamilyProduction>();
  await each(
    ProductionActualModel.collection as unknown as Collection<Document>,
    teamId,
    w,
    { _id: 0, family: 1, start: 1, plannedQty: 1, actualQty: 1, capacityQty: 1 },
    (d) => {
      const f = out.get(d.family) ?? { family: d.family, plannedQty: 0, actualQty: 0, capacityQty: 0 };
      f.plannedQty += d.plannedQty;
      f.actualQty += d.actualQty;
      f.capacityQty += d.capacityQty;
      out.set(d.family, f);
    },
  );
  return [...out.values()].sort(byName);
}
