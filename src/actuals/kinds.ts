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
import { isoDate, name, type Parsed, period, quantity, quote } from "./fields.ts";

export type { DemandRow, InventoryRow, OrderRow, ProductionRow };
export { ACTUALS_KINDS, type ActualsKind, isActualsKind };

/** What a row parser gets: the row's cells by column, a sink for problems, the team's families if listed. */
export interface RowInput {
  cell(column: string): string;
  problem(message: string): void;
  families?: ReadonlySet<string>;
}

export interface KindSpec<Row> {
  kind: ActualsKind;
  fileName: string;
  columns: readonly string[];
  /** The row, or undefined when a problem was reported. */
  parseRow(input: RowInput): Row | undefined;
  /** Natural key within a team, for duplicate detection (parts joined with U+0000). */
  key(row: Row): string;
  /** How the key reads in an error message, e.g. `order_id "O-17"`. */
  describeKey(row: Row): string;
}

function take<T>(input: RowInput, parsed: Parsed<T>): T | undefined {
  if (parsed.ok) return parsed.value;
  input.problem(parsed.error);
  return undefined;
}

export const ordersSpec: KindSpec<OrderRow> = {
  kind: "orders",
  fileName: "orders.csv",
  columns: ["order_id", "family", "order_date", "promised_date", "delivered_date", "quantity"],
  parseRow(input) {
    const orderId = take(input, name("order_id", input.cell("order_id")));
    const family = take(input, name("family", input.cell("family"), input.families));
    const orderDate = take(input, isoDate("order_date", input.cell("order_date")));
    const promisedDate = take(input, isoDate("promised_date", input.cell("promised_date")));
    const deliveredRaw = input.cell("delivered_date").trim();
    // Empty while the order is open.
    const deliveredDate = deliveredRaw === "" ? null : take(input, isoDate("delivered_date", deliveredRaw));
    const qty = take(input, quantity("quantity", input.cell("quantity")));
    // Cross-field checks whenever the dates themselves are fine, so one pass reports every problem.
    let bad = false;
    if (orderDate !== undefined && deliveredDate && deliveredDate < orderDate) {
      input.problem(`delivered_date ${deliveredDate} is before order_date ${orderDate}`);
      bad = true;
    }
    if (orderDate !== undefined && promisedDate !== undefined && promisedDate < orderDate) {
      input.problem(`promised_date ${promisedDate} is before order_date ${orderDate}`);
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
  key: (r) => r.orderId,
  describeKey: (r) => `order_id ${quote(r.orderId)}`,
};

export const demandSpec: KindSpec<DemandRow> = {
  kind: "demand",
  fileName: "demand.csv",
  columns: ["period", "family", "forecast_qty", "actual_qty"],
  parseRow(input) {
    const p = take(input, period("period", input.cell("period")));
    const family = take(input, name("family", input.cell("family"), input.families));
    const forecastQty = take(input, quantity("forecast_qty", input.cell("forecast_qty")));
    const actualQty = take(input, quantity("actual_qty", input.cell("actual_qty")));
    if (p === undefined || family === undefined || forecastQty === undefined || actualQty === undefined)
      return undefined;
    return { period: p.label, start: p.start, family, forecastQty, actualQty };
  },
  key: (r) => `${r.family}\u0000${r.period}`,
  describeKey: (r) => `family ${quote(r.family)} and period ${r.period}`,
};

export const productionSpec: KindSpec<ProductionRow> = {
  kind: "production",
  fileName: "production.csv",
  columns: ["period", "family", "planned_qty", "actual_qty", "capacity_qty"],
  parseRow(input) {
    const p = take(input, period("period", input.cell("period")));
    const family = take(input, name("family", input.cell("family"), input.families));
    const plannedQty = take(input, quantity("planned_qty", input.cell("planned_qty")));
    const actualQty = take(input, quantity("actual_qty", input.cell("actual_qty")));
    const capacityQty = take(input, quantity("capacity_qty", input.cell("capacity_qty")));
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
  key: (r) => `${r.family}\u0000${r.period}`,
  describeKey: (r) => `family ${quote(r.family)} and period ${r.period}`,
};

export const inventorySpec: KindSpec<InventoryRow> = {
  kind: "inventory",
  fileName: "inventory.csv",
  columns: ["date", "family", "on_hand_qty"],
  parseRow(input) {
    const date = take(input, isoDate("date", input.cell("date")));
    const family = take(input, name("family", input.cell("family"), input.families));
    const onHandQty = take(input, quantity("on_hand_qty", input.cell("on_hand_qty")));
    if (date === undefined || family === undefined || onHandQty === undefined) return undefined;
    return { date, family, onHandQty };
  },
  key: (r) => `${r.family}\u0000${r.date}`,
  describeKey: (r) => `family ${quote(r.family)} and date ${r.date}`,
};

// biome-ignore lint/suspicious/noExplicitAny: the four specs differ in row type
export const KIND_SPECS: Record<ActualsKind, KindSpec<any>> = {
  orders: ordersSpec,
  demand: demandSpec,
  production: productionSpec,
  inventory: inventorySpec,
};
