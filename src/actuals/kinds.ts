/**
 * The four actuals files: their columns, how a row is checked, and its natural key (unique within a
 * team; a re-import of the same key replaces the stored row, see src/store/actuals).
 */
import {
  ACTUALS_KINDS,
  type ActualsKind,
  type DemandRow,
  type InventoryRow,
  isActualsKind,
  type OrderRow,
  type ProductionRow,
} from "../store/actuals/index.ts";
import { isoDate, name, period, quantity, quote } from "./fields.ts";

export type { DemandRow, InventoryRow, OrderRow, ProductionRow };
export { ACTUALS_KINDS, type ActualsKind, isActualsKind };

/** What a row parser gets: the row's cells in the order of the spec's columns, a sink for problems, the team's families if listed. */
export interface RowInput {
  values: readonly string[];
  problem(message: string): void;
  families?: ReadonlySet<string>;
}

export interface KindSpec<Row> {
  kind: ActualsKind;
  fileName: string;
  columns: readonly string[];
  /** The row, or undefined when a problem was reported. */
  parseRow(input: RowInput): Row | undefined;
  /**
   * The natural key within a team, for duplicate detection: one part, or two (then parts the checkers
   * hand out once per distinct text, so looking them up costs no new string per row).
   */
  key: readonly [(row: Row) => string] | readonly [(row: Row) => string, (row: Row) => string];
  /** How the key reads in an error message, e.g. `order_id "O-17"`. */
  describeKey(row: Row): string;
}

const orderIdOf = name("order_id", { distinct: true });
const familyOf = name("family");
const orderDateOf = isoDate("order_date");
const promisedDateOf = isoDate("promised_date");
const deliveredDateOf = isoDate("delivered_date");
const orderQuantityOf = quantity("quantity");

export const ordersSpec: KindSpec<OrderRow> = {
  kind: "orders",
  fileName: "orders.csv",
  columns: ["order_id", "family", "order_date", "promised_date", "delivered_date", "quantity"],
  parseRow({ values: v, problem, families }) {
    const orderId = orderIdOf(v[0]!, problem);
    const family = familyOf(v[1]!, problem, families);
    const orderDate = orderDateOf(v[2]!, problem);
    const promisedDate = promisedDateOf(v[3]!, problem);
    // Empty while the order is open.
    const deliveredDate = v[4]!.trim() === "" ? null : deliveredDateOf(v[4]!, problem);
    const qty = orderQuantityOf(v[5]!, problem);
    // Cross-field checks whenever the dates themselves are fine, so one pass reports every problem.
    let bad = false;
    if (orderDate !== undefined && deliveredDate && deliveredDate < orderDate) {
      problem(`delivered_date ${deliveredDate} is before order_date ${orderDate}`);
      bad = true;
    }
    if (orderDate !== undefined && promisedDate !== undefined && promisedDate < orderDate) {
      problem(`promised_date ${promisedDate} is before order_date ${orderDate}`);
      bad = true;
    }
    if (
      bad ||
      orderId === undefined ||
      family === undefined ||
      orderDate === undefined ||
      promisedDate === undefined ||
      deliveredDate === undefined ||
      qty === undefined
    )
      return undefined;
    return { orderId, family, orderDate, promisedDate, deliveredDate, quantity: qty };
  },
  key: [(r) => r.orderId],
  describeKey: (r) => `order_id ${quote(r.orderId)}`,
};

const periodOf = period("period");
const forecastQtyOf = quantity("forecast_qty");
const actualQtyOf = quantity("actual_qty");

export const demandSpec: KindSpec<DemandRow> = {
  kind: "demand",
  fileName: "demand.csv",
  columns: ["period", "family", "forecast_qty", "actual_qty"],
  parseRow({ values: v, problem, families }) {
    const p = periodOf(v[0]!, problem);
    const family = familyOf(v[1]!, problem, families);
    const forecastQty = forecastQtyOf(v[2]!, problem);
    const actualQty = actualQtyOf(v[3]!, problem);
    if (p === undefined || family === undefined || forecastQty === undefined || actualQty === undefined)
      return undefined;
    return { period: p.label, start: p.start, family, forecastQty, actualQty };
  },
  key: [(r) => r.family, (r) => r.period],
  describeKey: (r) => `family ${quote(r.family)} and period ${r.period}`,
};

const plannedQtyOf = quantity("planned_qty");
const capacityQtyOf = quantity("capacity_qty");

export const productionSpec: KindSpec<ProductionRow> = {
  kind: "production",
  fileName: "production.csv",
  columns: ["period", "family", "planned_qty", "actual_qty", "capacity_qty"],
  parseRow({ values: v, problem, families }) {
    const p = periodOf(v[0]!, problem);
    const family = familyOf(v[1]!, problem, families);
    const plannedQty = plannedQtyOf(v[2]!, problem);
    const actualQty = actualQtyOf(v[3]!, problem);
    const capacityQty = capacityQtyOf(v[4]!, problem);
    if (
      p === undefined ||
      family === undefined ||
      plannedQty === undefined ||
      actualQty === undefined ||
      capacityQty === undefined
    )
      return undefined;
    return { period: p.label, start: p.start, family, plannedQty, actualQty, capacityQty };
  },
  key: [(r) => r.family, (r) => r.period],
  describeKey: (r) => `family ${quote(r.family)} and period ${r.period}`,
};

const snapshotDateOf = isoDate("date");
const onHandQtyOf = quantity("on_hand_qty");

export const inventorySpec: KindSpec<InventoryRow> = {
  kind: "inventory",
  fileName: "inventory.csv",
  columns: ["date", "family", "on_hand_qty"],
  parseRow({ values: v, problem, families }) {
    const date = snapshotDateOf(v[0]!, problem);
    const family = familyOf(v[1]!, problem, families);
    const onHandQty = onHandQtyOf(v[2]!, problem);
    if (date === undefined || family === undefined || onHandQty === undefined) return undefined;
    return { date, family, onHandQty };
  },
  key: [(r) => r.family, (r) => r.date],
  describeKey: (r) => `family ${quote(r.family)} and date ${r.date}`,
};

// biome-ignore lint/suspicious/noExplicitAny: the four specs differ in row type
export const KIND_SPECS: Record<ActualsKind, KindSpec<any>> = {
  orders: ordersSpec,
  demand: demandSpec,
  production: productionSpec,
  inventory: inventorySpec,
};
