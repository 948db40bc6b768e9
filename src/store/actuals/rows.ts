/**
 * The four kinds of actuals and one row of each: what an import stores (after every field was checked)
 * and what readers get back. Dates are `YYYY-MM-DD`; a period is a month `YYYY-MM` or an ISO week
 * `YYYY-Www` with its first day in `start`.
 */
export const ACTUALS_KINDS = ["orders", "demand", "production", "inventory"] as const;
export type ActualsKind = (typeof ACTUALS_KINDS)[number];

export function isActualsKind(word: string): word is ActualsKind {
  return (ACTUALS_KINDS as readonly string[]).includes(word);
}

export interface OrderRow {
  orderId: string;
  family: string;
  orderDate: string;
  promisedDate: string;
  /** null while the order is open. */
  deliveredDate: string | null;
  quantity: number;
}

export interface DemandRow {
  period: string;
  start: string;
  family: string;
  forecastQty: number;
  actualQty: number;
}

export interface ProductionRow {
  period: string;
  start: string;
  family: string;
  plannedQty: number;
  actualQty: number;
  capacityQty: number;
}

export interface InventoryRow {
  date: string;
  family: string;
  onHandQty: number;
}

export interface ActualsRowOf {
  orders: OrderRow;
  demand: DemandRow;
  production: ProductionRow;
  inventory: InventoryRow;
}

/** An inclusive date window `[from, to]` (`YYYY-MM-DD`), optionally one family. */
export interface ActualsWindow {
  from: string;
  to: string;
  family?: string;
}
