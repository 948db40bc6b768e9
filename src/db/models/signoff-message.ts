/**
 * Where the sign-off request for one plan version was posted, `_id` = the plan version's `_id`. Kept apart
 * from the immutable plan and from the cycle snapshot so recording it never races a transition.
 */
import mongoose, { Schema } from "mongoose";

export interface SignoffMessageDoc {
  _id: string;
  teamId: string;
  channel: string;
  ts: string;
  postedAt: Date;
}

const schema = new Schema<SignoffMessageDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: String, required: true },
    channel: { type: String, required: true },
    ts: { type: String, required: true },
    postedAt: { type: Date, required: true },
  },
  { collection: "signoff_messages", versionKey: false },
);

export const SignoffMessageModel = mongoose.model<SignoffMessageDoc>("SignoffMessage", schema);
