/**
 * The S&OP family grid's inputs and outputs: per product family, a time-phased grid of the last closed
 * months (actuals) and the plan horizon. Months are `YYYY-MM`; every series is aligned with its months
 * (index i is month i). Quantities are units, revenue is in the finance plan's currency.
 */

/** How a family is planned: to stock (inventory is projected) or to order (open-order backlog is). */
export type FamilyMode = "stock" | "backlog";

export interface FamilyTargets {
  /** Days of supply below this is below the family's minimum (stock) — no flag, shown in the grid. */
  minDays: number;
  /** Days of supply above this is excess (stock); days of backlog above it is a backlog flag (to order). */
  maxDays: number;
  mode: FamilyMode;
}

export interface GridThresholds {
  /** Utilisation (supply ÷ capacity) at or over this is flagged. */
  capacity: number;
  /** |revenue at demand − finance revenue| ÷ finance revenue at or over this is flagged. */
  revenueVsPlan: number;
}

/** The closed months' actuals of one family (each array has one value per closed month, null = no data). */
export interface ClosedActuals {
  /** The forecast of record (demand.csv `forecast_qty`). */
  demandPlan: (number | null)[];
  demandActual: (number | null)[];
  /** production.csv `planned_qty` / `actual_qty` / `capacity_qty`. */
  supplyPlan: (number | null)[];
  supplyActual: (number | null)[];
  capacity: (number | null)[];
  /** On hand (stock) or open-order backlog (to order) at each month's end. */
  position: (number | null)[];
}

/** The horizon months' plans of one family (one value per horizon month). */
export interface HorizonPlans {
  /** The consensus demand plan; 0 where the plan has no line for the month. */
  demand: number[];
  /** The supply plan (of the scenario shown); null when there is no supply plan at all. */
  supply: number[] | null;
  /** The supply plan's capacity; null where it gives none. */
  capacity: (number | null)[];
  /** The finance plan's revenue; null when there is no finance plan at all. */
  financeRevenue: (number | null)[] | null;
  /** Unit price for revenue at demand (see prices.ts); null where finance never priced the family. */
  price: (number | null)[];
  /** Cost the supply or finance plan gives (e.g. overtime), where given. */
  cost: (number | null)[] | null;
}

export interface FamilyGridInput {
  family: string;
  group: string | null;
  targets: FamilyTargets;
  /** On hand (stock) or backlog (to order) at the end of the last closed month; null = unknown, taken as 0. */
  opening: number | null;
  closed: ClosedActuals;
  horizon: HorizonPlans;
}

export interface GridMonths {
  /** The closed months, oldest first. */
  closed: string[];
  /** The plan horizon, starting with the cycle month. */
  horizon: string[];
}

export type FlagKind = "stockOut" | "aboveMax" | "capacity" | "revenueGap" | "backlog";

/** The flags that put a family on the "needs a decision" list, in the order they are shown. */
export const FLAG_KINDS: readonly FlagKind[] = ["stockOut", "capacity", "aboveMax", "backlog", "revenueGap"];

export const FLAG_LABEL: Record<FlagKind, string> = {
  stockOut: "projected stock-out",
  aboveMax: "above max days of supply",
  capacity: "capacity at or over threshold",
  revenueGap: "revenue gap vs finance plan",
  backlog: "backlog above max days",
};

/** The grid's rows. Additive rows sum across families; ratio rows are recomputed from sums. */
export const MEASURES = [
  { id: "demandPlan", section: "Demand", label: "Plan", kind: "qty", additive: true },
  { id: "demandActual", section: "Demand", label: "Actual", kind: "qty", additive: true },
  { id: "demandDiff", section: "Demand", label: "Difference (actual − plan)", kind: "qty", additive: true },
  { id: "demandCumDiff", section: "Demand", label: "Cumulative difference", kind: "qty", additive: true },
  { id: "supplyPlan", section: "Supply", label: "Plan", kind: "qty", additive: true },
  { id: "supplyActual", section: "Supply", label: "Actual", kind: "qty", additive: true },
  { id: "supplyDiff", section: "Supply", label: "Difference (actual − plan)", kind: "qty", additive: true },
  { id: "inventory", section: "Inventory", label: "Inventory", kind: "qty", additive: true },
  { id: "backlog", section: "Inventory", label: "Open-order backlog", kind: "qty", additive: true },
  { id: "daysOfSupply", section: "Inventory", label: "Days of supply", kind: "days", additive: false },
  { id: "capacity", section: "Capacity", label: "Capacity", kind: "qty", additive: true },
  { id: "utilization", section: "Capacity", label: "Utilisation", kind: "pct", additive: false },
  { id: "revenuePlan", section: "Revenue", label: "Finance plan", kind: "money", additive: true },
  { id: "revenueAtDemand", section: "Revenue", label: "At demand × price", kind: "money", additive: true },
  { id: "revenueGap", section: "Revenue", label: "Gap (at demand − plan)", kind: "money", additive: true },
  { id: "cost", section: "Revenue", label: "Cost", kind: "money", additive: true },
] as const;

export type MeasureId = (typeof MEASURES)[number]["id"];
export type MeasureKind = (typeof MEASURES)[number]["kind"];

export type GridRows = Record<MeasureId, (number | null)[]>;

export interface FamilySummary {
  /** Horizon months carrying each flag. */
  flagMonths: Record<FlagKind, number>;
  /** The flags present anywhere in the horizon, in FLAG_KINDS order. */
  flags: FlagKind[];
  firstStockOut: string | null;
  /** The lowest projected inventory (stock) or highest backlog (to order) over the horizon. */
  worstPosition: number | null;
  /** The largest projected backorder (−inventory) over the horizon; 0 when inventory never goes negative. */
  unitsShort: number;
  /** unitsShort at the family's average horizon price; null when unpriced. */
  revenueAtRisk: number | null;
  maxUtilization: number | null;
  demandTotal: number;
  supplyTotal: number | null;
  revenuePlanTotal: number | null;
  revenueGapTotal: number | null;
  costTotal: number | null;
  /** For sorting: how bad the worst flag is (0 = unflagged). */
  severity: number;
}

export interface FamilyGrid {
  family: string;
  group: string | null;
  targets: FamilyTargets;
  /** True when no on-hand / backlog figure was found and 0 was assumed. */
  openingAssumed: boolean;
  opening: number;
  rows: GridRows;
  /**
   * The min/max days-of-supply targets in units, per month (min days × the month's coverage rate, see
   * days-of-supply.ts); null for make-to-order families.
   */
  band: { min: (number | null)[]; max: (number | null)[] } | null;
  /** Per month (closed months have none). */
  flags: FlagKind[][];
  summary: FamilySummary;
}

/** A group's or the company's totals: additive rows summed, ratios recomputed from the sums. */
export interface RollupGrid {
  name: string;
  families: number;
  flaggedFamilies: number;
  rows: GridRows;
  /** Families carrying each flag. */
  flagCounts: Record<FlagKind, number>;
  unitsShort: number;
  revenueAtRisk: number;
}
