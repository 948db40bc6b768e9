/** Planned vs actual production and capacity per family and period (production.csv), `_id` = `team|family|period`. */
import mongoose, { Schema } from "mongoose";

export interface ProductionActualDoc {
  _id: string;
  teamId: string;
  family: string;
  /** `YYYY-MM` or `YYYY-Www`. */
  period: string;
  /** The period's first day (`YYYY-MM-DD`). */
  start: string;
  plannedQty: number;
  actualQty: number;
  capacityQty: number;
}

const schema = new Schema<ProductionActualDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: String, required: true },
    family: { type: String, required: true },
    period: { type: String, required: true },
    start: { type: String, required: true },
    plannedQty: { type: Number, required: true },
    actualQty: { type: Number, required: true },
    capacityQty: { type: Number, required: true },
  },
  { collection: "production_actuals", versionKey: false },
);

export const ProductionActualModel = mongoose.model<ProductionActualDoc>("ProductionActual", schema);
