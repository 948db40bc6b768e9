/**
 * The per-family facts the digest needs beyond the KPI snapshot, computed in one streamed pass over
 * each actuals collection (projected documents, bounded memory: one entry per family of the latest
 * period) and stored per team and week:
 * - worst forecast error: families of the latest demand period (start ≤ the week's Sunday) ranked by
 *   |actual − forecast|;
 * - plan vs actual and capacity utilization by family, for the latest production period: the plan is
 *   the approved supply plan (else demand plan) of the cycles that cover that month, falling back to
 *   production.csv's planned_qty when no approved plan covers it;
 * - late orders: open at the week's end and past their promised date, and deliveries late in the week;
 * - forecast value added over the last three months (src/fva), from the same demand rows: the demand
 *   months both need are read once.
 *
 * Actuals come from the store's buckets, only the months these windows touch.
 */

import { MAX_FAMILIES } from "../charts/families.ts";
import { topN } from "../charts/top-n.ts";
import { phaseWithRole } from "../cycle/cycle-state.ts";
import { getCycle } from "../cycle/cycle-store.ts";
import { addMonths, isPeriod } from "../cycle/period.ts";
import { publishedVersion } from "../cycle/scenarios.ts";
import { forecastValueAddedOf, fvaActualsWindow, recentFvaWindow, type WindowFva } from "../fva/load-fva.ts";
import { type Logger, logFailure } from "../logger.ts";
import { actualsRows, type DemandRow, orderRows } from "../store/actuals/index.ts";
import { readDigestFactsDoc, storeDigestFactsDoc } from "../store/digest-facts.ts";
import { loadPlanVersion } from "../store/plan-versions.ts";
import type { TeamConfig } from "../team/team-config.ts";
import { addDays, daysBetween, earlierOf } from "../time/dates.ts";

export interface ForecastError {
  family: string;
  forecast: number;
  actual: number;
  /** |actual − forecast| */
  absError: number;
  /** |actual − forecast| ÷ actual; null when actual is 0. */
  errorPct: number | null;
}

export interface FamilyVolume {
  family: string;
  plan: number;
  actual: number;
}

export interface FamilyUtilization {
  family: string;
  utilization: number;
  actual: number;
  capacity: number;
}

export interface LateOrder {
  orderId: string;
  family: string;
  promisedDate: string;
  daysLate: number;
  quantity: number;
}

export interface DigestFacts {
  teamId: string;
  week: string;
  from: string;
  to: string;
  demand: { period: string | null; families: number; worst: ForecastError[] };
  production: {
    period: string | null;
    families: number;
    /** Where "plan" comes from: an approved cycle plan, or production.csv's planned_qty. */
    planSource:
      | { kind: "approved-plan"; cycle: string; phase: string; version: number }
      | { kind: "production-csv" }
      | null;
    /** Top families by volume (plan or actual), largest first. */
    planVsActual: FamilyVolume[];
    /** Most utilized families first. */
    utilization: FamilyUtilization[];
    overCapacityCount: number;
  };
  /** Forecast value added over the last three months; null when it could not be computed. */
  fva: WindowFva | null;
  orders: {
    openLate: number;
    openLateQty: number;
    deliveredInWeek: number;
    deliveredLateInWeek: number;
    /** Longest overdue first. */
    worst: LateOrder[];
  };
}

export const TOP_EXCEPTIONS = 10;
/** How far back to look for the latest period with data: a month and a bit. */
const LOOKBACK_DAYS = 70;

const lookback = (to: string) => ({ from: addDays(to, -LOOKBACK_DAYS), to });

/** Keeps, per family, only the rows of the latest period starting in [from, to]. */
function latestPeriodRows<T extends { family: string; start: string; period: string }>(
  all: readonly T[],
  window: { from: string; to: string },
  merge: (into: T | undefined, row: T) => T,
): { period: string | null; start: string | null; rows: Map<string, T> } {
  let start: string | null = null;
  let period: string | null = null;
  let rows = new Map<string, T>();
  for (const row of all) {
    if (row.start > window.to || row.start < window.from) continue;
    if (start === null || row.start > start) {
      start = row.start;
      period = row.period;
      rows = new Map();
    }
    if (row.start === start) rows.set(row.family, merge(rows.get(row.family), row));
  }
  return { period, start, rows };
}

function demandFacts(demand: readonly DemandRow[], to: string): DigestFacts["demand"] {
  const { period, rows } = latestPeriodRows(demand, lookback(to), (into, r) =>
    into
      ? { ...into, forecastQty: into.forecastQty + r.forecastQty, actualQty: into.actualQty + r.actualQty }
      : r,
  );
  const errors = [...rows.values()].map((r) => {
    const absError = Math.abs(r.actualQty - r.forecastQty);
    return {
      family: r.family,
      forecast: r.forecastQty,
      actual: r.actualQty,
      absError,
      errorPct: r.actualQty > 0 ? absError / r.actualQty : null,
    };
  });
  return {
    period,
    families: rows.size,
    worst: topN(errors, TOP_EXCEPTIONS, (e) => e.absError).filter((e) => e.absError > 0),
  };
}

/** Quantity per family of `period` in the approved supply (else demand) plan of the cycles covering it. */
async function approvedPlanFor(
  teamId: string,
  period: string,
): Promise<{
  byFamily: Map<string, number>;
  source: { kind: "approved-plan"; cycle: string; phase: string; version: number };
} | null> {
  for (let back = 0; back < 3; back++) {
    const cyclePeriod = addMonths(period, -back);
    const cycle = await getCycle(teamId, cyclePeriod);
    if (!cycle) continue;
    for (const role of ["supply", "demand"] as const) {
      const phase = phaseWithRole(cycle, role)?.id;
      const version = phase ? publishedVersion(cycle, phase) : null;
      if (!phase || !version) continue;
      const plan = await loadPlanVersion(teamId, cyclePeriod, phase, version);
      if (!plan) continue;
      const pi = plan.periods.indexOf(period);
      if (pi < 0) continue;
      const byFamily = new Map<string, number>();
      for (let i = 0; i < plan.rows; i++) {
        if (plan.periodIndex[i] !== pi) continue;
        const f = plan.families[plan.familyIndex[i]!]!;
        byFamily.set(f, (byFamily.get(f) ?? 0) + plan.quantity[i]!);
      }
      return { byFamily, source: { kind: "approved-plan", cycle: cyclePeriod, phase, version } };
    }
  }
  return null;
}

async function productionFacts(teamId: string, to: string): Promise<DigestFacts["production"]> {
  const production = await actualsRows(teamId, "production", lookback(to));
  const { period, rows } = latestPeriodRows(production, lookback(to), (into, r) =>
    into
      ? {
          ...into,
          plannedQty: into.plannedQty + r.plannedQty,
          actualQty: into.actualQty + r.actualQty,
          capacityQty: into.capacityQty + r.capacityQty,
        }
      : r,
  );
  if (!period) {
    return {
      period: null,
      families: 0,
      planSource: null,
      planVsActual: [],
      utilization: [],
      overCapacityCount: 0,
    };
  }
  const approved = isPeriod(period) ? await approvedPlanFor(teamId, period) : null;
  const volumes: FamilyVolume[] = [];
  const families = new Set<string>(rows.keys());
  if (approved) for (const f of approved.byFamily.keys()) families.add(f);
  for (const family of families) {
    const r = rows.get(family);
    const plan = approved ? (approved.byFamily.get(family) ?? 0) : (r?.plannedQty ?? 0);
    volumes.push({ family, plan, actual: r?.actualQty ?? 0 });
  }
  const utilization: FamilyUtilization[] = [];
  for (const r of rows.values()) {
    if (r.capacityQty > 0)
      utilization.push({
        family: r.family,
        utilization: r.actualQty / r.capacityQty,
        actual: r.actualQty,
        capacity: r.capacityQty,
      });
  }
  return {
    period,
    families: families.size,
    planSource: approved ? approved.source : { kind: "production-csv" },
    planVsActual: topN(volumes, MAX_FAMILIES, (v) => Math.max(v.plan, v.actual)),
    utilization: topN(utilization, MAX_FAMILIES, (u) => u.utilization),
    overCapacityCount: utilization.filter((u) => u.utilization > 1).length,
  };
}

async function orderFacts(teamId: string, from: string, to: string): Promise<DigestFacts["orders"]> {
  // Orders delivered in the week or still open at its end: the only ones counted below.
  const orders = await orderRows(teamId, { deliveredIn: { from, to }, openAt: to });
  const out = { openLate: 0, openLateQty: 0, deliveredInWeek: 0, deliveredLateInWeek: 0 };
  const late: LateOrder[] = [];
  for (const o of orders) {
    if (o.promisedDate > to) continue;
    const delivered = o.deliveredDate;
    if (delivered !== null && delivered >= from && delivered <= to) {
      out.deliveredInWeek++;
      if (delivered > o.promisedDate) out.deliveredLateInWeek++;
    }
    const openAtEnd = o.orderDate <= to && (delivered === null || delivered > to);
    if (openAtEnd && o.promisedDate < to) {
      out.openLate++;
      out.openLateQty += o.quantity;
      late.push({
        orderId: o.orderId,
        family: o.family,
        promisedDate: o.promisedDate,
        daysLate: daysBetween(o.promisedDate, to),
        quantity: o.quantity,
      });
      // Keep the buffer small: only the worst few matter.
      if (late.length > 1000) late.splice(0, late.length, ...worstLate(late, TOP_EXCEPTIONS));
    }
  }
  return { ...out, worst: worstLate(late, 5) };
}

const worstLate = (orders: LateOrder[], n: number) => topN(orders, n, (o) => o.daysLate * 1e9 + o.quantity);

/**
 * The week's facts. Forecast value added is an extra: when it cannot be computed the digest goes on
 * without it, and the failure is logged on `log`.
 */
export async function computeDigestFacts(
  teamId: string,
  cfg: TeamConfig,
  week: { week: string; from: string; to: string },
  log: Logger,
): Promise<DigestFacts> {
  // One read of the demand months both the latest-period facts and FVA need.
  const fvaWindow = recentFvaWindow(week.to);
  const fvaRead = fvaActualsWindow(fvaWindow);
  const demandRows = actualsRows(teamId, "demand", {
    from: earlierOf(fvaRead.from, lookback(week.to).from),
    to: fvaRead.to,
  });
  const [demand, production, orders, fva] = await Promise.all([
    demandRows.then((rows) => demandFacts(rows, week.to)),
    productionFacts(teamId, week.to),
    orderFacts(teamId, week.from, week.to),
    demandRows
      .then((rows) => forecastValueAddedOf(cfg, fvaWindow, rows))
      .catch((err) => {
        logFailure(log, err, "forecast value added not computed; the digest goes on without it", {
          team: teamId,
          week: week.week,
        });
        return null;
      }),
  ]);
  return { teamId, week: week.week, from: week.from, to: week.to, demand, production, fva, orders };
}

export async function storeDigestFacts(facts: DigestFacts, now: Date): Promise<void> {
  await storeDigestFactsDoc(facts.teamId, facts.week, facts, now);
}

export async function loadDigestFacts(
  teamId: string,
  week: string,
): Promise<(DigestFacts & { computedAt: Date }) | null> {
  const d = await readDigestFactsDoc(teamId, week);
  return d ? { ...(d.facts as unknown as DigestFacts), computedAt: d.computedAt } : null;
}

/** Computes and stores the facts of a week (the KPI job; digests on demand, which want them fresh). */
export async function refreshDigestFacts(
  teamId: string,
  cfg: TeamConfig,
  week: { week: string; from: string; to: string },
  now: Date,
  log: Logger,
): Promise<DigestFacts> {
  const facts = await computeDigestFacts(teamId, cfg, week, log);
  await storeDigestFacts(facts, now);
  return facts;
}

/**
 * The stored facts of a week, computed now when the KPI job has not stored them yet (the first digest
 * of a new team).
 */
export async function ensureDigestFacts(
  teamId: string,
  cfg: TeamConfig,
  week: { week: string; from: string; to: string },
  now: Date,
  log: Logger,
): Promise<DigestFacts> {
  return (await loadDigestFacts(teamId, week.week)) ?? refreshDigestFacts(teamId, cfg, week, now, log);
}
