/**
 * The four actuals files (DESIGN §4): their columns, how a row is checked, its natural key, and the
 * document stored for it. `_id` = team id + natural key, so a re-import addresses the same documents.
 */
import type { Model } from "mongoose";
import { type DemandActualDoc, DemandActualModel } from "../db/models/demand-actual.ts";
import { type InventorySnapshotDoc, InventorySnapshotModel } from "../db/models/inventory-snapshot.ts";
import { type OrderDoc, OrderModel } from "../db/models/order.ts";
import { type ProductionActualDoc, ProductionActualModel } from "../db/models/production-actual.ts";
import { isoDate, name, type Parsed, period, quantity, quote } from "./fields.ts";

export const ACTUALS_KINDS = ["orders", "demand", "production", "inventory"] as const;
export type ActualsKind = (typeof ACTUALS_KINDS)[number];

export function isActualsKind(word: string): word is ActualsKind {
  return (ACTUALS_KINDS as readonly string[]).includes(word);
}

/** What a row parser gets: the row's cells by column, a sink for problems, the team's families if listed. */
export interface RowInput {
  cell(column: string): string;
  problem(message: string): void;
  families?: ReadonlySet<string>;
}

/** A stored document: `_id`, `teamId` and the row's fields. */
export interface ActualsDoc {
  _id: string;
  teamId: string;
}

export interface KindSpec<Row, Doc extends ActualsDoc> {
  kind: ActualsKind;
  fileName: string;
  columns: readonly string[];
  /** The row, or undefined when a problem was reported. */
  parseRow(input: RowInput): Row | undefined;
  /** Natural key within a team, for duplicate detection and `_id`. */
  keyParts(row: Row): string[];
  /** How the key reads in an error message, e.g. `order_id "O-17"`. */
  describeKey(row: Row): string;
  toDoc(teamId: string, row: Row): Doc;
  /** The fields besides the key: a re-imported row whose fields are all equal is left alone. */
  contentFields: readonly string[];
  // biome-ignore lint/suspicious/noExplicitAny: each kind has its own document type
  model: Model<any>;
}

const escapePart = (p: string) =>
  p.includes("%") || p.includes("|") ? p.replace(/%/g, "%25").replace(/\|/g, "%7C") : p;

/** `|` separates key parts; `%` and `|` inside a part are escaped so ids never collide. */
export function documentId(teamId: string, parts: string[]): string {
  let id = teamId;
  for (const p of parts) id += `|${escapePart(p)}`;
  return id;
}

function take<T>(input: RowInput, parsed: Parsed<T>): T | undefined {
  if (parsed.ok) return parsed.value;
  input.problem(parsed.error);
  return undefined;
}

export interface OrderRow {
  orderId: string;
  family: string;
  orderDate: string;
  promisedDate: string;
  deliveredDate: string | null;
  quantity: number;
}

export const ordersSpec: KindSpec<OrderRow, OrderDoc> = {
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
  keyParts: (r) => [r.orderId],
  describeKey: (r) => `order_id ${quote(r.orderId)}`,
  toDoc: (teamId, r) => ({ _id: documentId(teamId, [r.orderId]), teamId, ...r }),
  contentFields: ["family", "orderDate", "promisedDate", "deliveredDate", "quantity"],
  model: OrderModel,
};

export interface DemandRow {
  period: string;
  start: string;
  family: string;
  forecastQty: number;
  actualQty: number;
}

export const demandSpec: KindSpec<DemandRow, DemandActualDoc> = {
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
  keyParts: (r) => [r.family, r.period],
  describeKey: (r) => `family ${quote(r.family)} and period ${r.period}`,
  toDoc: (teamId, r) => ({ _id: documentId(teamId, [r.family, r.period]), teamId, ...r }),
  contentFields: ["forecastQty", "actualQty"],
  model: DemandActualModel,
};

export interface ProductionRow {
  period: string;
  start: string;
  family: string;
  plannedQty: number;
  actualQty: number;
  capacityQty: number;
}

export const productionSpec: KindSpec<ProductionRow, ProductionActualDoc> = {
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
  keyParts: (r) => [r.family, r.period],
  describeKey: (r) => `family ${quote(r.family)} and period ${r.period}`,
  toDoc: (teamId, r) => ({ _id: documentId(teamId, [r.family, r.period]), teamId, ...r }),
  contentFields: ["plannedQty", "actualQty", "capacityQty"],
  model: ProductionActualModel,
};

export interface InventoryRow {
  date: string;
  family: string;
  onHandQty: number;
}

export const inventorySpec: KindSpec<InventoryRow, InventorySnapshotDoc> = {
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
  keyParts: (r) => [r.family, r.date],
  describeKey: (r) => `family ${quote(r.family)} and date ${r.date}`,
  toDoc: (teamId, r) => ({ _id: documentId(teamId, [r.family, r.date]), teamId, ...r }),
  contentFields: ["onHandQty"],
  model: InventorySnapshotModel,
};

// biome-ignore lint/suspicious/noExplicitAny: the four specs differ in row and document types
export const KIND_SPECS: Record<ActualsKind, KindSpec<any, any>> = {
  orders: ordersSpec,
  demand: demandSpec,
  production: productionSpec,
  inventory: inventorySpec,
};
