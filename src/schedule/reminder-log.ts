/** Once-per-day guarantee for reminders: claim the reminder's key before sending, give it back on failure. */
import { isDuplicateKeyError } from "../db/idempotency.ts";
import { ReminderSentModel } from "../db/models/reminder-sent.ts";

/** True when this call claimed the key (send it); false when it was sent before. */
export async function claimReminder(teamId: string, key: string, now: Date): Promise<boolean> {
  try {
    await ReminderSentModel.create({ _id: key, teamId, sentAt: now });
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}

export async function releaseReminder(key: string): Promise<void> {
  await ReminderSentModel.deleteOne({ _id: key });
}

export async function pruneReminders(teamId: string, cutoff: Date): Promise<void> {
  await ReminderSentModel.deleteMany({ teamId, sentAt: { $lt: cutoff } });
}
