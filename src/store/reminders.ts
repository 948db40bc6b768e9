/**
 * Once-per-day guarantee for reminders: the reminder's key (`team|period|phase|kind|recipient|day`) is
 * claimed by a unique insert before sending and given back when the send failed. Pruned by age.
 */
import { ReminderSentModel } from "../db/models/reminder-sent.ts";
import { teamIdRange } from "./id-range.ts";
import { insertUnique } from "./unique-insert.ts";

/** True when this call claimed the key (send it); false when it was sent before. */
export function claimReminder(teamId: string, key: string, now: Date): Promise<boolean> {
  return insertUnique(ReminderSentModel, { _id: key, teamId, sentAt: now });
}

export async function releaseReminder(key: string): Promise<void> {
  await ReminderSentModel.collection.deleteOne({ _id: key } as never);
}

export async function pruneReminders(teamId: string, cutoff: Date): Promise<void> {
  await ReminderSentModel.collection.deleteMany({ ...teamIdRange(teamId), sentAt: { $lt: cutoff } } as never);
}
