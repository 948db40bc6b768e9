/** Forecast vs actual demand per family and period (demand.csv), `_id` = `team|family|period`. */
import mongoose, { Schema } from "mongoose";

export interface DemandActualDoc {
  _id: string;
  teamId: string;
  family: string;
  /** `YYYY-MM` or `YYYY-Www`. */
  period: string;
  /** The period's first day (`YYYY-MM-DD`), which decides the windows it belongs to. */
  start: string;
  forecastQty: number;
  actualQty: number;
}

const schema = new Schema<DemandActualDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: String, required: true },
    family: { type: String, required: true },
    period: { type: String, required: true },
    start: { type: String, required: true },
    forecastQty: { type: Number, required: true },
    actualQty: { type: Number, required: true },
  },
  { collection: "demand_actuals", versionKey: false },
);

export const DemandActualModel = mongoose.model<DemandActualDoc>("DemandActual", schema);
