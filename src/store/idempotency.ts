/**
 * Exactly-once claims for incoming work (Slack retries, duplicate deliveries): `_id` = `${teamId}:${key}`,
 * claimed by one unique insert that fails with a duplicate-key error when the key was claimed before.
 */
import { IdempotencyKeyModel } from "../db/models/idempotency-key.ts";
import { insertUnique } from "./unique-insert.ts";

/** True when this call claimed the key; false when it was claimed before. */
export function claimOnce(teamId: string, key: string, now: Date): Promise<boolean> {
  return insertUnique(IdempotencyKeyModel, { _id: `${teamId}:${key}`, teamId, createdAt: now });
}

/** Gives a key back when the work it guarded failed, so a retry can do it. */
export async function releaseClaim(teamId: string, key: string): Promise<void> {
  await IdempotencyKeyModel.collection.deleteOne({ _id: `${teamId}:${key}` } as never);
}
