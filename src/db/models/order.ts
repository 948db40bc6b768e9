/**
 * Customer orders (orders.csv), `_id` = `team|order_id` so re-imports address a row without a scan.
 * Dates are ISO strings (`YYYY-MM-DD`): sortable, no time zones. No secondary index on the four actuals
 * collections: team-scoped reads use the `_id` prefix range (`teamScope`, the `_id` index on MongoDB),
 * and on FerretDB 1.24 an index only slows the bulk inserts (measured about +30 %).
 */
import mongoose, { Schema } from "mongoose";

export interface OrderDoc {
  _id: string;
  teamId: string;
  orderId: string;
  family: string;
  orderDate: string;
  promisedDate: string;
  /** null while the order is open. */
  deliveredDate: string | null;
  quantity: number;
}

const schema = new Schema<OrderDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: String, required: true },
    orderId: { type: String, required: true },
    family: { type: String, required: true },
    orderDate: { type: String, required: true },
    promisedDate: { type: String, required: true },
    deliveredDate: { type: String, default: null },
    quantity: { type: Number, required: true },
  },
  { collection: "orders", versionKey: false },
);

export const OrderModel = mongoose.model<OrderDoc>("Order", schema);
