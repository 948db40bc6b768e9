/**
 * A reminder that went out, `_id` = `${teamId}|${period}|${phase}|${kind}|${recipient}|${localDate}`
 * (src/schedule/reminder-rules.ts). Inserted before sending, so a retried or duplicated reminders run
 * never sends the same reminder twice on one day; deleted again when the send failed. Pruned by age.
 */
import mongoose, { Schema } from "mongoose";

export interface ReminderSentDoc {
  _id: string;
  teamId: string;
  sentAt: Date;
}

const schema = new Schema<ReminderSentDoc>(
  {
    _id: { type: String, required: true },
    teamId: { type: String, required: true },
    sentAt: { type: Date, required: true },
  },
  { collection: "reminders_sent", versionKey: false },
);

export const ReminderSentModel = mongoose.model<ReminderSentDoc>("ReminderSent", schema);
