/**
 * A logged S&OP decision or action item, insert-only, `_id` = `${teamId}|${period}|${hash}` (the hash of
 * what it says, so logging the same item twice stores it once). Its closing is a separate insert
 * (sop-item-closure.ts): exactly one close wins however many clicks race.
 */
import mongoose, { Schema } from "mongoose";

export interface SopItemDoc {
  _id: string;
  teamId: string;
  period: string;
  kind: "decision" | "action";
  text: string;
  owner: string | null;
  dueDate: string | null;
  phase: string | null;
  phaseName: string | null;
  /** The message it was logged from, or the log message the bot posted. */
  permalink: string | null;
  createdBy: string;
  createdAt: Date;
  /** Where the bot posted the log message (to update it when the item closes). */
  logChannel: string | null;
  logTs: string | null;
}

const schema = new Schema<SopItemDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: String, required: true },
    period: { type: String, required: true },
    kind: { type: String, required: true },
    text: { type: String, required: true },
    owner: { type: String, default: null },
    dueDate: { type: String, default: null },
    phase: { type: String, default: null },
    phaseName: { type: String, default: null },
    permalink: { type: String, default: null },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    logChannel: { type: String, default: null },
    logTs: { type: String, default: null },
  },
  { collection: "sop_items", versionKey: false },
);

export const SopItemModel = mongoose.model<SopItemDoc>("SopItem", schema);
