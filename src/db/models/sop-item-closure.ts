/** The closing of an action item, `_id` = the item's `_id`: the unique insert is the close's commit. */
import mongoose, { Schema } from "mongoose";

export interface SopItemClosureDoc {
  _id: string;
  teamId: string;
  by: string;
  at: Date;
}

const schema = new Schema<SopItemClosureDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: String, required: true },
    by: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: "sop_item_closures", versionKey: false },
);

export const SopItemClosureModel = mongoose.model<SopItemClosureDoc>("SopItemClosure", schema);
