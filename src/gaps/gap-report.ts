/**
 * The pre-S&OP gap report: per family and month, from the approved demand, supply and finance plan
 * versions, the three gaps a pre-S&OP meeting reconciles — supply − demand, supply ÷ capacity, and
 * demand × price vs the finance plan — with the rows at or over the team's thresholds flagged and the
 * worst first, and the supply shortfall summed per family, per month and in revenue (shortfall.ts).
 * Pure: no database, no Slack.
 *
 * Semantics where the plans leave room (documented in the README):
 * - A family-month absent from a plan that exists counts as 0 in that plan (a plan that does not
 *   mention a month plans nothing for it). A plan that is missing altogether (no approved version)
 *   makes its columns null and skips its checks; it is listed in `missing`.
 * - Capacity comes from the supply plan's optional `capacity` column; a row without it has a null
 *   utilisation and no capacity check.
 * - Price of a family-month = finance revenue ÷ finance quantity. When finance plans no quantity
 *   for that month (no line, or quantity 0) the family's average price over the whole finance plan
 *   is used instead (`priceSource: "family"`); a family finance never priced has no price.
 *   Demand revenue = demand × price, compared with the finance plan's revenue for the month:
 *   revenue gap = demand revenue − finance revenue, relative to the finance revenue.
 * - A check is flagged at or over its threshold (src/report/thresholds.ts): 100 % of capacity
 *   against a 100 % threshold is flagged.
 * - Zero denominators: demand 0 with supply ≠ 0, capacity 0 with supply > 0, and finance revenue 0
 *   with demand > 0 are always flagged (their ratio is undefined, so it is reported as null).
 *   Demand > 0 for a family finance never priced is flagged as a revenue gap too: finance did not
 *   plan revenue for demand the demand plan expects.
 * - Shortfall = max(0, demand − supply) units, in revenue at the row's price (unpriced units are
 *   counted apart).
 */

import { familyPrices } from "../report/prices.ts";
import { atOrOver } from "../report/thresholds.ts";
import { type GapShortfall, summariseShortfall } from "./shortfall.ts";

/** One plan line as the gap report needs it (the cycle's plan lines satisfy this). */
export interface GapPlanLine {
  family: string;
  period: string;
  quantity: number;
  revenue?: number | null;
  capacity?: number | null;
}

export interface GapThresholds {
  /** |supply − demand| ÷ demand at or over this is flagged. */
  supplyVsDemand: number;
  /** supply ÷ capacity at or over this is flagged. */
  capacity: number;
  /** |demand × price − finance revenue| ÷ finance revenue at or over this is flagged. */
  revenueVsPlan: number;
}

export interface GapPlans {
  /** The approved consensus demand plan, or null when there is none. */
  demand: readonly GapPlanLine[] | null;
  /** The approved supply plan (quantity = supply, optional capacity), or null. */
  supply: readonly GapPlanLine[] | null;
  /** The approved finance plan (quantity and revenue), or null. */
  finance: readonly GapPlanLine[] | null;
}

export type GapCheck = "supplyVsDemand" | "capacity" | "revenueVsPlan";

export interface GapRow {
  family: string;
  period: string;
  demand: number | null;
  supply: number | null;
  /** supply − demand; null when either plan is missing. */
  supplyMinusDemand: number | null;
  /** (supply − demand) ÷ demand, signed; null when undefined (demand 0) or a plan is missing. */
  supplyVsDemand: number | null;
  /** max(0, demand − supply); null when either plan is missing. */
  shortfall: number | null;
  /** shortfall × price; null without a price (or without a shortfall figure). */
  shortfallRevenue: number | null;
  capacity: number | null;
  /** supply ÷ capacity; null without capacity (or capacity 0). */
  utilization: number | null;
  financeQuantity: number | null;
  financeRevenue: number | null;
  /** Price used for demand revenue; null when finance never priced the family. */
  price: number | null;
  priceSource: "month" | "family" | null;
  demandRevenue: number | null;
  /** demand × price − finance revenue; null when it cannot be computed. */
  revenueGap: number | null;
  /** revenueGap ÷ finance revenue, signed; null when undefined. */
  revenueVsPlan: number | null;
  /** The checks over their threshold, in a fixed order. */
  flags: GapCheck[];
  /**
   * How far over its threshold the worst check is: the largest |measure| ÷ threshold over the
   * checks (Infinity for an undefined ratio that is flagged). Used for sorting only.
   */
  severity: number;
}

export interface GapReport {
  /** Every family-month in any of the plans: flagged rows first, the worst first. */
  rows: GapRow[];
  flagged: number;
  /** Plans with no approved version, whose checks were skipped. */
  missing: ("demand" | "supply" | "finance")[];
  thresholds: GapThresholds;
  /** The team's currency (ISO 4217) the revenue figures are in; null: plain numbers. */
  currency: string | null;
  shortfall: GapShortfall;
  totals: {
    demand: number | null;
    supply: number | null;
    financeRevenue: number | null;
    demandRevenue: number | null;
  };
}

interface Cell {
  quantity: number;
  revenue: number | null;
  capacity: number | null;
}

/**
 * Numeric family-month keys: interning the names once makes the per-line map work integer lookups
 * (string-concatenated keys cost ~5× more at 90,000 lines × 3 plans).
 */
class CellKeys {
  private readonly families = new Map<string, number>();
  private readonly periods = new Map<string, number>();
  key(family: string, period: string): number {
    let f = this.families.get(family);
    if (f === undefined) {
      f = this.families.size;
      this.families.set(family, f);
    }
    let p = this.periods.get(period);
    if (p === undefined) {
      p = this.periods.size;
      this.periods.set(period, p);
    }
    return f * 65_536 + p;
  }
}

/** Sums duplicate family-months defensively (validated plans have none). */
function index(lines: readonly GapPlanLine[] | null, keys: CellKeys): Map<number, Cell> | null {
  if (!lines) return null;
  const out = new Map<number, Cell>();
  for (const l of lines) {
    const k = keys.key(l.family, l.period);
    const prev = out.get(k);
    const revenue = l.revenue ?? null;
    const capacity = l.capacity ?? null;
    if (!prev) out.set(k, { quantity: l.quantity, revenue, capacity });
    else {
      prev.quantity += l.quantity;
      prev.revenue = revenue === null ? prev.revenue : (prev.revenue ?? 0) + revenue;
      prev.capacity = capacity === null ? prev.capacity : (prev.capacity ?? 0) + capacity;
    }
  }
  return out;
}

/** |measure| ÷ threshold, with a zero threshold meaning "any non-zero measure is over". */
function excess(measure: number, threshold: number): number {
  const m = Math.abs(measure);
  if (threshold > 0) return m / threshold;
  return m > 0 ? Number.POSITIVE_INFINITY : 0;
}

function sumOrNull(values: (number | null)[], present: boolean): number | null {
  if (!present) return null;
  let s = 0;
  for (const v of values) if (v !== null) s += v;
  return s;
}

export function gapReport(
  plans: GapPlans,
  thresholds: GapThresholds,
  currency: string | null = null,
): GapReport {
  const cellKeys = new CellKeys();
  const demand = index(plans.demand, cellKeys);
  const supply = index(plans.supply, cellKeys);
  const finance = index(plans.finance, cellKeys);
  const prices = plans.finance ? familyPrices(plans.finance) : new Map<string, number>();

  const keys = new Map<number, { family: string; period: string }>();
  for (const lines of [plans.demand, plans.supply, plans.finance]) {
    for (const l of lines ?? []) {
      const k = cellKeys.key(l.family, l.period);
      if (!keys.has(k)) keys.set(k, { family: l.family, period: l.period });
    }
  }

  const rows: GapRow[] = [];
  for (const [k, { family, period }] of keys) {
    const d = demand ? (demand.get(k)?.quantity ?? 0) : null;
    const s = supply ? (supply.get(k)?.quantity ?? 0) : null;
    const capacity = supply ? (supply.get(k)?.capacity ?? null) : null;
    const finCell = finance?.get(k);
    const financeQuantity = finance ? (finCell?.quantity ?? 0) : null;
    const financeRevenue = finance ? (finCell?.revenue ?? 0) : null;

    const flags: GapCheck[] = [];
    let severity = 0;

    let supplyMinusDemand: number | null = null;
    let supplyVsDemand: number | null = null;
    if (d !== null && s !== null) {
      supplyMinusDemand = s - d;
      if (d !== 0) {
        supplyVsDemand = (s - d) / d;
        severity = Math.max(severity, excess(supplyVsDemand, thresholds.supplyVsDemand));
        if (atOrOver(supplyVsDemand, thresholds.supplyVsDemand)) flags.push("supplyVsDemand");
      } else if (s !== 0) {
        severity = Number.POSITIVE_INFINITY;
        flags.push("supplyVsDemand");
      }
    }

    let utilization: number | null = null;
    if (s !== null && capacity !== null) {
      if (capacity > 0) {
        utilization = s / capacity;
        severity = Math.max(severity, excess(utilization, thresholds.capacity));
        if (atOrOver(utilization, thresholds.capacity)) flags.push("capacity");
      } else if (s > 0) {
        severity = Number.POSITIVE_INFINITY;
        flags.push("capacity");
      }
    }

    let price: number | null = null;
    let priceSource: GapRow["priceSource"] = null;
    let demandRevenue: number | null = null;
    let revenueGap: number | null = null;
    let revenueVsPlan: number | null = null;
    if (financeQuantity !== null && financeRevenue !== null) {
      if (financeQuantity > 0 && finCell?.revenue != null) {
        price = financeRevenue / financeQuantity;
        priceSource = "month";
      } else if (prices.has(family)) {
        price = prices.get(family)!;
        priceSource = "family";
      }
      if (d !== null) {
        if (price !== null) {
          demandRevenue = d * price;
          revenueGap = demandRevenue - financeRevenue;
          if (financeRevenue !== 0) {
            revenueVsPlan = revenueGap / financeRevenue;
            severity = Math.max(severity, excess(revenueVsPlan, thresholds.revenueVsPlan));
            if (atOrOver(revenueVsPlan, thresholds.revenueVsPlan)) flags.push("revenueVsPlan");
          } else if (demandRevenue !== 0) {
            severity = Number.POSITIVE_INFINITY;
            flags.push("revenueVsPlan");
          }
        } else if (d > 0) {
          // Demand finance never priced: revenue nobody planned.
          severity = Number.POSITIVE_INFINITY;
          flags.push("revenueVsPlan");
        }
      }
    }

    const shortfall = d !== null && s !== null ? Math.max(0, d - s) : null;
    rows.push({
      family,
      period,
      demand: d,
      supply: s,
      supplyMinusDemand,
      supplyVsDemand,
      shortfall,
      shortfallRevenue: shortfall !== null && price !== null ? shortfall * price : null,
      capacity,
      utilization,
      financeQuantity,
      financeRevenue,
      price,
      priceSource,
      demandRevenue,
      revenueGap,
      revenueVsPlan,
      flags,
      severity,
    });
  }

  rows.sort(
    (a, b) =>
      Number(b.flags.length > 0) - Number(a.flags.length > 0) ||
      b.severity - a.severity ||
      Math.abs(b.supplyMinusDemand ?? 0) - Math.abs(a.supplyMinusDemand ?? 0) ||
      (a.family < b.family ? -1 : a.family > b.family ? 1 : 0) ||
      (a.period < b.period ? -1 : a.period > b.period ? 1 : 0),
  );

  const missing: GapReport["missing"] = [];
  if (!plans.demand) missing.push("demand");
  if (!plans.supply) missing.push("supply");
  if (!plans.finance) missing.push("finance");

  return {
    rows,
    flagged: rows.filter((r) => r.flags.length > 0).length,
    missing,
    thresholds,
    currency,
    shortfall: summariseShortfall(rows, thresholds.capacity),
    totals: {
      demand: sumOrNull(
        rows.map((r) => r.demand),
        plans.demand !== null,
      ),
      supply: sumOrNull(
        rows.map((r) => r.supply),
        plans.supply !== null,
      ),
      financeRevenue: sumOrNull(
        rows.map((r) => r.financeRevenue),
        plans.finance !== null,
      ),
      demandRevenue: sumOrNull(
        rows.map((r) => r.demandRevenue),
        plans.finance !== null && plans.demand !== null,
      ),
    },
  };
}
