/**
 * What approvers see about a plan version: size, horizon, totals and monthly totals, and what changed
 * against the previous version (totals, families added/removed, the families that moved beyond a
 * tolerance — the rest only counted). Bounded in size whatever the plan's size, so the sign-off
 * message fits Block Kit limits for 5,000 families.
 */
import { precisionOf } from "../format/numbers.ts";
import type { ParsedPlan } from "./plan-csv.ts";

/**
 * A family whose total moved by less than this share of its previous total (or by less than half a
 * unit of the plan's precision) counts as unchanged: rounding and re-keying noise, not a decision.
 */
export const FAMILY_CHANGE_TOLERANCE = 0.005;

/** Most moved families a summary lists; the others are counted. */
const MAX_MOVERS = 8;

export interface PlanTotals {
  quantity: number;
  revenue: number | null;
  capacity: number | null;
}

export interface PeriodTotal {
  period: string;
  quantity: number;
  revenue: number | null;
}

export interface FamilyMove {
  family: string;
  before: number;
  after: number;
}

export interface PlanSummary {
  rows: number;
  families: number;
  periodFrom: string;
  periodTo: string;
  periodCount: number;
  totals: PlanTotals;
  byPeriod: PeriodTotal[];
  /** Decimals the quantities carry (0: whole units); absent in summaries stored before it existed. */
  precision?: number;
  previous: {
    version: number;
    totals: PlanTotals;
    byPeriod: PeriodTotal[];
    familiesAdded: number;
    familiesRemoved: number;
    /** The families that moved beyond the tolerance, largest absolute change first, at most 8. */
    topMovers: FamilyMove[];
    /** How many families moved beyond the tolerance (absent in summaries stored before it existed). */
    changedFamilies?: number;
  } | null;
}

/** The columns a summary needs, from a parsed or a stored plan: a stored version keeps the parsed columns. */
export type PlanColumns = ParsedPlan;

const round = (v: number) => Math.round(v * 1e6) / 1e6;

function totalsOf(p: PlanColumns): { totals: PlanTotals; byPeriod: PeriodTotal[]; byFamily: Float64Array } {
  const qByPeriod = new Float64Array(p.periods.length);
  const rByPeriod = new Float64Array(p.periods.length);
  const used = new Uint8Array(p.periods.length);
  const byFamily = new Float64Array(p.families.length);
  let q = 0;
  let r = 0;
  let c = 0;
  for (let i = 0; i < p.rows; i++) {
    const pi = p.periodIndex[i]!;
    const qi = p.quantity[i]!;
    q += qi;
    qByPeriod[pi]! += qi;
    used[pi] = 1;
    byFamily[p.familyIndex[i]!]! += qi;
    if (p.revenue) {
      r += p.revenue[i]!;
      rByPeriod[pi]! += p.revenue[i]!;
    }
    if (p.capacity && !Number.isNaN(p.capacity[i]!)) c += p.capacity[i]!;
  }
  const byPeriod: PeriodTotal[] = [];
  p.periods.forEach((period, i) => {
    if (used[i])
      byPeriod.push({
        period,
        quantity: round(qByPeriod[i]!),
        revenue: p.revenue ? round(rByPeriod[i]!) : null,
      });
  });
  return {
    totals: {
      quantity: round(q),
      revenue: p.revenue ? round(r) : null,
      capacity: p.capacity ? round(c) : null,
    },
    byPeriod,
    byFamily,
  };
}

export function summarizePlan(
  plan: PlanColumns,
  previous?: { version: number; plan: PlanColumns },
): PlanSummary {
  const now = totalsOf(plan);
  let prev: PlanSummary["previous"] = null;
  if (previous) {
    const before = totalsOf(previous.plan);
    const beforeByName = new Map(previous.plan.families.map((f, i) => [f, before.byFamily[i]!]));
    const afterByName = new Map(plan.families.map((f, i) => [f, now.byFamily[i]!]));
    let added = 0;
    let removed = 0;
    const moves: FamilyMove[] = [];
    const unit = 0.5 * 10 ** -Math.max(precisionOf(plan.quantity), precisionOf(previous.plan.quantity));
    const moved = (before: number, after: number) =>
      Math.abs(after - before) >= Math.max(unit, FAMILY_CHANGE_TOLERANCE * Math.abs(before));
    for (const [family, after] of afterByName) {
      const b = beforeByName.get(family);
      if (b === undefined) added += 1;
      if (b === undefined || moved(b, after))
        moves.push({ family, before: round(b ?? 0), after: round(after) });
    }
    for (const [family, b] of beforeByName) {
      if (!afterByName.has(family)) {
        removed += 1;
        moves.push({ family, before: round(b), after: 0 });
      }
    }
    moves.sort(
      (x, y) =>
        Math.abs(y.after - y.before) - Math.abs(x.after - x.before) || x.family.localeCompare(y.family),
    );
    prev = {
      version: previous.version,
      totals: before.totals,
      byPeriod: before.byPeriod,
      familiesAdded: added,
      familiesRemoved: removed,
      topMovers: moves.slice(0, MAX_MOVERS),
      changedFamilies: moves.length,
    };
  }
  const periods = now.byPeriod.map((b) => b.period);
  return {
    rows: plan.rows,
    families: plan.families.length,
    periodFrom: periods[0] ?? "",
    periodTo: periods.at(-1) ?? "",
    periodCount: periods.length,
    totals: now.totals,
    byPeriod: now.byPeriod,
    precision: precisionOf(plan.quantity),
    previous: prev,
  };
}
