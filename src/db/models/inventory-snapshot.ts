/** On-hand inventory per family and date (inventory.csv), `_id` = `team|family|date`. */
import mongoose, { Schema } from "mongoose";

export interface InventorySnapshotDoc {
  _id: string;
  teamId: string;
  family: string;
  date: string;
  onHandQty: number;
}

const schema = new Schema<InventorySnapshotDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: String, required: true },
    family: { type: String, required: true },
    date: { type: String, required: true },
    onHandQty: { type: Number, required: true },
  },
  { collection: "inventory_snapshots", versionKey: false },
);

export const InventorySnapshotModel = mongoose.model<InventorySnapshotDoc>("InventorySnapshot", schema);
